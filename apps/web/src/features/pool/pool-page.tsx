import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { exportPool, useCampaignOptions, useConfirmOverlap, useMerge, usePool, useRefreshPool, useSplit, type PoolCandidate } from './pool.api.ts';

/** The candidate pool: merged passed rows, overlaps to confirm or merge, merged originals kept read-only, Excel export. */
export function PoolPage() {
  const { message } = App.useApp();
  const campaigns = useCampaignOptions();
  const [campaignId, setCampaignId] = useState<string>();
  useEffect(() => setCampaignId((c) => c ?? campaigns.data?.[0]?.id), [campaigns.data]);
  const id = campaignId ?? '';
  const pool = usePool(campaignId);
  const refresh = useRefreshPool(id);
  const merge = useMerge(id);
  const split = useSplit(id);
  const confirm = useConfirmOverlap(id);
  const done = (text: string) => () => message.success(text);
  const fail = (e: unknown) => message.error(errorMessage(e));
  const all = pool.data?.candidates ?? [];
  // While the pool cannot be changed (the review has started), its commands are disabled with the server's reason.
  const change = pool.data?.actions.change ?? { allowed: true, reason: null };
  const wholeOf = (code: string) => all.find((c) => c.occupationCode === code && c.jobTypeName === '');
  return (
    <>
      <PageHeader
        title="候选职业库"
        description="由已受理推荐表中核验通过的行按（职业编码、工种）合并生成"
        extra={
          <>
            <Select
              aria-label="征集活动"
              style={{ width: 320 }}
              value={campaignId}
              onChange={setCampaignId}
              options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.title }))}
            />
            <Tooltip title={change.reason ?? undefined}>
              {/* A disabled button gets no pointer events: the span carries the tooltip. */}
              <span>
                <Button
                  type="primary"
                  loading={refresh.isPending}
                  disabled={!campaignId || !change.allowed}
                  aria-describedby={change.reason ? 'pool-change-reason' : undefined}
                  onClick={() =>
                    refresh
                      .mutateAsync(undefined)
                      .then((r) => message.success(`已生成：${String(r.candidates)} 个候选职业，${String(r.overlaps)} 处交叉推荐`), fail)
                  }
                >
                  生成/刷新
                </Button>
              </span>
            </Tooltip>
            <Button disabled={!campaignId} onClick={() => exportPool(id).catch(fail)}>
              导出 Excel
            </Button>
          </>
        }
      />
      {change.reason && (
        <Typography.Paragraph type="secondary" id="pool-change-reason" data-testid="pool-change-reason">
          {change.reason}
        </Typography.Paragraph>
      )}
      {pool.isError && <Alert type="error" showIcon message={errorMessage(pool.error)} style={{ marginBottom: 16 }} />}
      {(pool.data?.openOverlaps ?? []).map((code) => {
        const whole = wholeOf(code);
        const parts = all.filter((c) => c.occupationCode === code && c.jobTypeName !== '');
        return (
          <Alert
            key={code}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={`交叉推荐：${code} ${whole?.occupationName ?? ''} —— ${whole?.units.map((u) => u.unitName).join('、') ?? ''} 推荐整个职业，${parts.map((p) => `${p.units.map((u) => u.unitName).join('、')} 推荐工种“${p.jobTypeName}”`).join('；')}`}
            action={
              <Space direction="vertical">
                <Button size="small" disabled={!change.allowed} onClick={() => confirm.mutateAsync(code).then(done('已确认分别保留'), fail)}>
                  确认分别保留
                </Button>
                {whole && (
                  <Button
                    size="small"
                    type="primary"
                    disabled={!change.allowed}
                    onClick={() => merge.mutateAsync({ intoId: whole.id, fromIds: parts.map((p) => p.id) }).then(done('已合并到整个职业'), fail)}
                  >
                    合并到整个职业
                  </Button>
                )}
              </Space>
            }
          />
        );
      })}
      <Card>
        <Table<PoolCandidate>
          rowKey="id"
          size="middle"
          loading={pool.isPending && !!campaignId}
          dataSource={all}
          pagination={{ defaultPageSize: 50, showTotal: (t) => `共 ${String(t)} 个候选职业` }}
          expandable={{
            expandedRowRender: (c) => (
              <ul style={{ margin: 0 }}>
                {c.sources.map((s) => (
                  <li key={`${s.formId}:${String(s.rowIndex)}`}>
                    {s.unitName}（优先级 {s.priority}）{s.jobTypeName ? `工种“${s.jobTypeName}”` : '整个职业'}，预计 {s.expectedAssessments} 人次：{s.reason}
                  </li>
                ))}
              </ul>
            ),
          }}
          columns={[
            { title: '职业编码', dataIndex: 'occupationCode', width: 120 },
            {
              title: '职业（工种）',
              key: 'n',
              render: (_: unknown, c) => (
                <>
                  {c.occupationName}
                  {c.jobTypeName && <Typography.Text type="secondary"> / {c.jobTypeName}</Typography.Text>}{' '}
                  {c.overlapFlag && <Tag color={c.overlapResolved ? 'default' : 'orange'}>{c.overlapResolved ? '交叉已确认' : '交叉推荐'}</Tag>}
                </>
              ),
            },
            { title: '推荐单位（优先级）', key: 'u', render: (_: unknown, c) => c.units.map((u) => `${u.unitName}（${String(u.priority)}）`).join('、') },
            { title: '单位数', key: 'uc', width: 80, sorter: (a, b) => a.units.length - b.units.length, render: (_: unknown, c) => c.units.length },
            { title: '预计评价人次', dataIndex: 'expectedAssessments', width: 120, sorter: (a, b) => a.expectedAssessments - b.expectedAssessments },
            { title: '产业', dataIndex: 'industries', width: 180, render: (t: string[]) => t.map((x) => <Tag key={x}>{x}</Tag>) },
            { title: '急需紧缺', dataIndex: 'inShortageCatalog', width: 90, render: (b: boolean) => (b ? <Tag color="red">是</Tag> : '否') },
          ]}
        />
      </Card>
      {(pool.data?.merged.length ?? 0) > 0 && (
        <Card title="已合并的原始候选（只读）" style={{ marginTop: 16 }}>
          <Table<PoolCandidate>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={pool.data?.merged ?? []}
            columns={[
              {
                title: '职业（工种）',
                key: 'n',
                render: (_: unknown, c) => `${c.occupationCode} ${c.occupationName}${c.jobTypeName ? ` / ${c.jobTypeName}` : ''}`,
              },
              {
                title: '并入',
                dataIndex: 'mergedIntoId',
                render: (m: string) => {
                  const t = all.find((c) => c.id === m);
                  return t ? `${t.occupationCode} ${t.occupationName}${t.jobTypeName ? ` / ${t.jobTypeName}` : ''}` : m;
                },
              },
              { title: '原推荐', key: 's', render: (_: unknown, c) => c.sources.map((s) => s.unitName).join('、') },
              {
                title: '操作',
                key: 'a',
                width: 90,
                render: (_: unknown, c) => (
                  <Button size="small" type="link" disabled={!change.allowed} onClick={() => split.mutateAsync(c.id).then(done('已拆分'), fail)}>
                    拆分
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}
