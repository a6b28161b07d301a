import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, DatePicker, InputNumber, Space, Switch, Table, Tabs, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { panelDrawRefusal } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { DATE_INPUT_FORMATS } from '../../lib/dates.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { reviewApi, useReviewBoard, useReviewMutation, type PanelMember } from './review.api.ts';
import { useCampaignChoice } from './components/campaign-select.tsx';
import { AssignmentMatrix } from './components/assignment-matrix.tsx';

/** Center: the review round of a campaign — panel (availability, caps, random draw), assignment, deadline, reminders. */
export function ReviewBoardPage() {
  const { campaignId, select } = useCampaignChoice();
  const board = useReviewBoard(campaignId);
  const { message, modal } = AntApp.useApp();
  const [panelSize, setPanelSize] = useState<number | null>(null);
  const [seed, setSeed] = useState<number | null>(null);
  const setPanel = useReviewMutation(reviewApi.setPanel);
  const draw = useReviewMutation(reviewApi.draw);
  const auto = useReviewMutation(reviewApi.autoAssign);
  const round = useReviewMutation(reviewApi.round);
  const close = useReviewMutation(reviewApi.closeRound);
  const remind = useReviewMutation(reviewApi.remind);
  const fail = (e: unknown) => void message.error(errorMessage(e));
  const data = board.data;
  const conflicted = data?.candidates.reduce((n, c) => n + c.assignments.filter((a) => a.status === 'active' && a.conflictFlag).length, 0) ?? 0;

  // The server's phase reason first, then what the panel already shows: fewer experts taking part than asked for.
  const takingPart = data?.panel.filter((e) => e.available && e.cap > 0).length ?? 0;
  const drawReason = data ? (data.actions.draw.reason ?? (panelSize ? panelDrawRefusal(takingPart, panelSize) : null)) : null;
  const runAuto = () =>
    auto.mutateAsync({ campaignId: campaignId!, seed: seed ?? undefined }).then((r) => {
      if (r.shortfalls.length === 0) void message.success(`已自动分配${r.created}项评审（随机种子 ${r.seed}）`);
      else
        modal.warning({
          title: `已分配${r.created}项，${r.shortfalls.length}个候选职业专家不足`,
          content: r.shortfalls.map((s) => `${s.label}：${s.reason}`).join('\n'),
        });
    }, fail);

  const panelColumns: TableColumnsType<PanelMember> = [
    { title: '专家', dataIndex: 'name', width: 110 },
    { title: '工作单位', dataIndex: 'organization', width: 200 },
    { title: '回避单位', dataIndex: 'unitName', width: 200, render: (v: string | null) => v ?? '—' },
    { title: '专业领域', dataIndex: 'specialties', render: (v: string[]) => v.join('、') },
    {
      title: '本次参加',
      dataIndex: 'available',
      width: 90,
      render: (v: boolean, e) => (
        <Switch
          size="small"
          aria-label={`${e.name}本次参加评审`}
          checked={v}
          disabled={!e.active}
          onChange={(available) => setPanel.mutateAsync({ campaignId: campaignId!, expertId: e.id, available, cap: e.cap }).catch(fail)}
        />
      ),
    },
    {
      title: '评审上限',
      dataIndex: 'cap',
      width: 110,
      render: (v: number, e) => (
        <InputNumber
          size="small"
          aria-label={`${e.name}的评审上限`}
          min={0}
          max={500}
          defaultValue={v}
          onBlur={(ev) => {
            const cap = Number(ev.target.value);
            if (cap !== v) setPanel.mutateAsync({ campaignId: campaignId!, expertId: e.id, available: e.available, cap }).catch(fail);
          }}
        />
      ),
    },
    { title: '已抽中', dataIndex: 'drawn', width: 80, render: (v: boolean) => (v ? <Tag color="gold">抽中</Tag> : '') },
    { title: '已分配', dataIndex: 'load', width: 80, sorter: (a, b) => a.load - b.load },
  ];

  return (
    <>
      <PageHeader title="评审分配" description="抽取专家、自动或手动分配候选职业；专家所在单位推荐的职业一律回避" extra={select} />
      {board.isError && <Alert type="error" showIcon style={{ marginBottom: 16 }} message={errorMessage(board.error)} />}
      {data && conflicted > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="board-conflicts"
          message={`${conflicted}项评审分配须回避`}
          description="这些专家所在单位推荐了所评审的职业（分配后单位或推荐单位发生了变化）：专家已不能查看或评审，其评审不计入结果，相关候选职业暂不能决定。请在“分配情况”中更换或移出标红的专家。"
        />
      )}
      {data && (
        <Card style={{ marginBottom: 16 }} size="small">
          <Space wrap size="large">
            <span>
              每个候选职业 <b>{data.campaign.reviewersPerCandidate}</b> 名专家评审
            </span>
            <span>
              评审截止：
              <DatePicker
                size="small"
                format={DATE_INPUT_FORMATS}
                aria-label="评审截止日期"
                value={data.round.deadline ? dayjs(data.round.deadline) : null}
                onChange={(d) =>
                  round
                    .mutateAsync({ campaignId: campaignId!, deadline: d ? d.format('YYYY-MM-DD') : null })
                    .then(() => message.success('截止日期已保存'), fail)
                }
              />
            </span>
            {data.round.closed ? <Tag color="red">评审已结束</Tag> : <Tag color="blue">评审进行中</Tag>}
            <Button size="small" onClick={() => remind.mutateAsync(campaignId!).then((r) => message.success(`已提醒${r.reminded}名专家`), fail)}>
              提醒未完成的专家
            </Button>
            <Button
              size="small"
              danger={!data.round.closed}
              onClick={() => close.mutateAsync({ campaignId: campaignId!, close: !data.round.closed }).catch(fail)}
            >
              {data.round.closed ? '重新开放评审' : '结束本轮评审'}
            </Button>
            {data.round.drawSeed && <Typography.Text type="secondary">抽取种子 {data.round.drawSeed}</Typography.Text>}
            {data.round.assignmentSeed && <Typography.Text type="secondary">分配种子 {data.round.assignmentSeed}</Typography.Text>}
          </Space>
        </Card>
      )}
      <Tabs
        items={[
          {
            key: 'matrix',
            label: '分配情况',
            children: data && (
              <Card
                title={
                  data.actions.autoAssign.reason && (
                    <Typography.Text type="warning" data-testid="auto-assign-reason" style={{ fontWeight: 'normal', whiteSpace: 'normal' }}>
                      {data.actions.autoAssign.reason}
                    </Typography.Text>
                  )
                }
                extra={
                  <Space>
                    <InputNumber placeholder="随机种子（可选）" style={{ width: 160 }} min={0} max={4294967295} value={seed} onChange={setSeed} />
                    <Tooltip title={data.actions.autoAssign.reason}>
                      <Button type="primary" loading={auto.isPending} disabled={!data.actions.autoAssign.allowed} onClick={() => void runAuto()}>
                        自动分配
                      </Button>
                    </Tooltip>
                  </Space>
                }
              >
                <AssignmentMatrix campaignId={campaignId!} board={data} />
              </Card>
            ),
          },
          {
            key: 'panel',
            label: `专家组（${data?.panel.filter((p) => p.inPanel).length ?? 0}）`,
            children: data && (
              <Card
                extra={
                  <Space>
                    <InputNumber placeholder="抽取人数" min={1} value={panelSize} onChange={setPanelSize} />
                    {drawReason && (
                      <Typography.Text type="warning" data-testid="draw-reason">
                        {drawReason}
                      </Typography.Text>
                    )}
                    <Tooltip title={drawReason ?? undefined}>
                      {/* A disabled button gets no pointer events: the span carries the tooltip. */}
                      <span>
                        <Button
                          disabled={!panelSize || drawReason !== null}
                          loading={draw.isPending}
                          onClick={() =>
                            draw
                              .mutateAsync({ campaignId: campaignId!, panelSize: panelSize!, seed: seed ?? undefined })
                              .then((r) => message.success(`已随机抽取${r.drawn.length}名专家（种子 ${r.seed}，可复现）`), fail)
                          }
                        >
                          随机抽取
                        </Button>
                      </span>
                    </Tooltip>
                  </Space>
                }
              >
                <Table<PanelMember> rowKey="id" size="small" columns={panelColumns} dataSource={data.panel} pagination={false} />
              </Card>
            ),
          },
        ]}
      />
    </>
  );
}
