import { useState } from 'react';
import { App, Badge, Button, Input, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { formatChineseDateTime, UNIT_TYPE_LABELS } from '@zhengji/domain';
import { ROSTER_STATES, ROSTER_STATE_LABELS, type RosterState } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { errorMessage } from '../../../lib/api.ts';
import { useRoster, useSendReminders, type Campaign, type RosterEntry } from '../campaign.api.ts';

const STATE_COLOR: Record<RosterState, string> = { not_started: 'default', draft: 'processing', submitted: 'warning', returned: 'error', accepted: 'success' };
const time = (v: string | null) => (v ? formatChineseDateTime(new Date(v)) : '—');

/** Every expected unit with state, last activity, contact, rows and error findings; filters, sorting, reminders. */
export function RosterBoard({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const [state, setState] = useState<RosterState | undefined>();
  const [unitType, setUnitType] = useState<string | undefined>();
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<{ sort: string; order: 'asc' | 'desc' }>({ sort: 'name', order: 'asc' });
  const roster = useRoster(campaign.id, { state, unitType, q, ...sort });
  const remind = useSendReminders(campaign.id);
  const reminders = campaign.actions.sendReminders;
  const sorter = (key: string) => ({
    sorter: true,
    sortOrder: sort.sort === key ? (sort.order === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
    key,
  });
  return (
    <>
      <Space size="large" wrap style={{ marginBottom: 16 }}>
        {ROSTER_STATES.map((s) => (
          <Statistic key={s} title={ROSTER_STATE_LABELS[s]} value={roster.data?.counts[s] ?? 0} suffix={`/ ${String(roster.data?.total ?? 0)}`} />
        ))}
      </Space>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder="按单位名称筛选" aria-label="按单位名称筛选" style={{ width: 220 }} onSearch={setQ} />
        <Select
          allowClear
          placeholder="状态"
          aria-label="状态"
          style={{ width: 140 }}
          value={state}
          onChange={setState}
          options={ROSTER_STATES.map((s) => ({ value: s, label: ROSTER_STATE_LABELS[s] }))}
        />
        <Select
          allowClear
          placeholder="单位类型"
          aria-label="单位类型"
          style={{ width: 160 }}
          value={unitType}
          onChange={setUnitType}
          options={Object.entries(UNIT_TYPE_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <Tooltip title={reminders.reason ?? undefined}>
          {/* A disabled button gets no pointer events: the span carries the tooltip. */}
          <span>
            <Button
              disabled={!reminders.allowed}
              loading={remind.isPending}
              onClick={async () => {
                try {
                  const r = await remind.mutateAsync(undefined);
                  message.success(r.sent > 0 ? `已向 ${String(r.sent)} 个尚未提交的单位发送提醒` : '今天已提醒过全部尚未提交的单位');
                } catch (e) {
                  message.error(errorMessage(e));
                }
              }}
            >
              提醒尚未提交的单位
            </Button>
          </span>
        </Tooltip>
        {reminders.reason && (
          <Typography.Text type="secondary" data-testid="reminders-reason">
            {reminders.reason}
          </Typography.Text>
        )}
      </Space>
      <Table<RosterEntry>
        rowKey="unitId"
        size="middle"
        loading={roster.isPending}
        dataSource={roster.data?.entries ?? []}
        pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${String(t)} 个单位` }}
        onChange={(_p, _f, s) => {
          const one = Array.isArray(s) ? s[0] : s;
          setSort(one?.order ? { sort: String(one.columnKey), order: one.order === 'ascend' ? 'asc' : 'desc' } : { sort: 'name', order: 'asc' });
        }}
        columns={[
          {
            title: '单位',
            dataIndex: 'unitName',
            ...sorter('name'),
            render: (name: string, e: RosterEntry) => (
              <Space size={[6, 2]} wrap>
                <span>{name}</span>
                {e.noEmail && (
                  <Tooltip title="该单位及其经办人均未登记电子邮箱：站内通知照常送达，邮件（回执、退回、催报）无法发送。请在“单位管理”或“用户管理”中补充。">
                    <Tag color="warning" data-testid="roster-no-email">
                      无邮箱，无法接收邮件通知
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          { title: '类型', dataIndex: 'unitType', width: 120, render: (t: RosterEntry['unitType']) => UNIT_TYPE_LABELS[t] },
          {
            title: '状态',
            dataIndex: 'state',
            width: 110,
            ...sorter('state'),
            render: (s: RosterState) => <Badge status={STATE_COLOR[s] as 'default'} text={ROSTER_STATE_LABELS[s]} />,
          },
          { title: '最近活动', dataIndex: 'lastActivityAt', width: 180, ...sorter('lastActivity'), render: time },
          {
            title: '联系人',
            key: 'contact',
            width: 200,
            render: (_: unknown, e) => (e.contactName ? `${e.contactName} ${e.contactPhone ?? ''}` : (e.contactEmail ?? '—')),
          },
          { title: '行数', dataIndex: 'rowCount', width: 80, ...sorter('rows') },
          { title: '错误', dataIndex: 'errorCount', width: 80, ...sorter('errors'), render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : 0) },
          { title: '延期至', dataIndex: 'lateExceptionUntil', width: 170, render: time },
        ]}
      />
    </>
  );
}
