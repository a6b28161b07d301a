import { useMemo, useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import { CANDIDATE_DECISION_LABELS, REVIEW_OPINION_LABELS, decisionRefusal, type CandidateDecision } from '@zhengji/domain';
import { downloadFile, errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { reviewApi, useReviewMutation, useReviewResults, type ResultItem } from './review.api.ts';
import { useCampaignChoice } from './components/campaign-select.tsx';

const STATUS_TAG: Record<ResultItem['status'], React.ReactNode> = {
  candidate: <Tag>待决定</Tag>,
  selected: <Tag color="green">入选</Tag>,
  not_selected: <Tag color="red">不入选</Tag>,
  withdrawn: <Tag>已撤销</Tag>,
};

/** Center: aggregated scores and opinions, filters, the threshold's proposals, and decisions one by one or in bulk. */
export function ReviewResultsPage() {
  const { campaignId, select } = useCampaignChoice();
  const { message } = AntApp.useApp();
  const [threshold, setThreshold] = useState({ minAgreeShare: 2 / 3, minReviews: 3 });
  const results = useReviewResults(campaignId, threshold);
  const decide = useReviewMutation(reviewApi.decide);
  const [filter, setFilter] = useState<{ status?: string; proposal?: string; flag?: string; q: string }>({ q: '' });
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<{ decision: CandidateDecision; reason: string } | null>(null);
  const items = results.data?.items ?? [];
  const rows = useMemo(
    () =>
      items.filter(
        (i) =>
          (!filter.status || i.status === filter.status) &&
          (!filter.proposal || (i.proposal ?? 'none') === filter.proposal) &&
          (!filter.flag ||
            (filter.flag === 'disagreement' ? i.disagreement : filter.flag === 'conflict' ? i.conflicts.length > 0 : i.submitted < i.assigned)) &&
          (!filter.q || i.occupationName.includes(filter.q) || i.occupationCode.includes(filter.q)),
      ),
    [items, filter],
  );
  // A selected candidate with an unresolved 回避 assignment would be refused: say so before the dialog.
  const blocked = decisionRefusal(items.filter((i) => selected.includes(i.id)));
  const confirm = () =>
    decide
      .mutateAsync({
        campaignId: campaignId!,
        candidates: items.filter((i) => selected.includes(i.id)).map((i) => ({ id: i.id, version: i.version })),
        decision: dialog!.decision,
        reason: dialog!.reason,
      })
      .then((r) => {
        void message.success(`已决定${r.decided}个候选职业`);
        setDialog(null);
        setSelected([]);
      });

  const columns: TableColumnsType<ResultItem> = [
    { title: '职业编码', dataIndex: 'occupationCode', width: 110, sorter: (a, b) => a.occupationCode.localeCompare(b.occupationCode) },
    { title: '职业（工种）', key: 'n', width: 180, render: (_, i) => `${i.occupationName}${i.jobTypeName ? `（${i.jobTypeName}）` : ''}` },
    { title: '推荐单位', key: 'u', width: 150, ellipsis: true, render: (_, i) => i.units.map((u) => u.unitName).join('、') },
    { title: '评审', key: 'r', width: 70, render: (_, i) => `${i.submitted}/${i.assigned}` },
    {
      title: '加权均分',
      dataIndex: 'weightedMean',
      width: 100,
      sorter: (a, b) => (a.weightedMean ?? -1) - (b.weightedMean ?? -1),
      render: (v: number | null) => v?.toFixed(2) ?? '—',
    },
    {
      title: '同意比例',
      dataIndex: 'agreeShare',
      width: 100,
      sorter: (a, b) => a.agreeShare - b.agreeShare,
      render: (v: number, i) => (i.submitted ? `${Math.round(v * 100)}%` : '—'),
    },
    {
      title: '专家意见',
      key: 'o',
      width: 230,
      render: (_, i) => (
        <Space size={2} wrap>
          {i.reviews.map((r) => (
            <Tooltip key={r.reviewId} title={`${r.expertName}：${r.comment || '（无意见）'}${r.status === 'draft' ? '（草稿，未计入）' : ''}`}>
              <Tag color={r.status === 'draft' ? undefined : r.opinion === 'agree' ? 'green' : r.opinion === 'disagree' ? 'red' : 'gold'}>
                {r.expertName} {r.opinion ? REVIEW_OPINION_LABELS[r.opinion] : '草稿'}
              </Tag>
            </Tooltip>
          ))}
          {i.disagreement && <Tag color="magenta">意见分歧</Tag>}
          {i.conflicts.length > 0 && (
            <Tooltip title="专家所在单位推荐了该职业，其评审不计入结果；请在“评审分配”中更换或移出该专家">
              <Tag color="red">须回避（未计入）：{i.conflicts.map((c) => c.expertName).join('、')}</Tag>
            </Tooltip>
          )}
          {i.removedDrafts.length > 0 && (
            <Tooltip title={i.removedDrafts.map((d) => `${d.expertName}：${d.comment}`).join('\n')}>
              <Tag>已移出专家的草稿 {i.removedDrafts.length}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '规则建议',
      dataIndex: 'proposal',
      width: 90,
      // 规则建议 and 决定 stay in view on narrow screens: what the clerk acts on must not scroll off to the right.
      fixed: 'right',
      render: (v: CandidateDecision | null) => (v ? <Tag color={v === 'selected' ? 'green' : 'red'}>{CANDIDATE_DECISION_LABELS[v]}</Tag> : '—'),
    },
    {
      title: '决定',
      dataIndex: 'status',
      width: 90,
      fixed: 'right',
      render: (v: ResultItem['status'], i) => <Tooltip title={i.decisionReason}>{STATUS_TAG[v]}</Tooltip>,
    },
  ];

  return (
    <>
      <PageHeader
        title="评审结果与决定"
        description="加权均分不计“不适用”；按规则建议批量选中后由中心确认决定，“不入选”须填写理由"
        extra={
          <>
            {select}
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadFile(`/api/campaigns/${campaignId}/review/summary`, { format: 'xlsx' }, '评审结果汇总表.xlsx')}
            >
              汇总表 Excel
            </Button>
            <Button
              icon={<DownloadOutlined />}
              onClick={() => void downloadFile(`/api/campaigns/${campaignId}/review/summary`, { format: 'docx' }, '评审结果汇总表.docx')}
            >
              汇总表 Word
            </Button>
          </>
        }
      />
      <Card>
        {results.isError && <Alert type="error" showIcon style={{ marginBottom: 12 }} message={errorMessage(results.error)} />}
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search allowClear placeholder="编码或名称" style={{ width: 200 }} onChange={(e) => setFilter((f) => ({ ...f, q: e.target.value.trim() }))} />
          <Select
            allowClear
            placeholder="决定状态"
            aria-label="决定状态"
            style={{ width: 120 }}
            onChange={(status?: string) => setFilter((f) => ({ ...f, status }))}
            options={[
              { value: 'candidate', label: '待决定' },
              { value: 'selected', label: '入选' },
              { value: 'not_selected', label: '不入选' },
            ]}
          />
          <Select
            allowClear
            placeholder="规则建议"
            aria-label="规则建议"
            style={{ width: 120 }}
            onChange={(proposal?: string) => setFilter((f) => ({ ...f, proposal }))}
            options={[
              { value: 'selected', label: '建议入选' },
              { value: 'not_selected', label: '建议不入选' },
              { value: 'none', label: '评审不足' },
            ]}
          />
          <Select
            allowClear
            placeholder="需关注"
            aria-label="需关注"
            style={{ width: 140 }}
            onChange={(flag?: string) => setFilter((f) => ({ ...f, flag }))}
            options={[
              { value: 'disagreement', label: '意见分歧' },
              { value: 'conflict', label: '回避冲突' },
              { value: 'incomplete', label: '评审未完成' },
            ]}
          />
          <span>规则：同意比例 ≥</span>
          <InputNumber
            size="small"
            aria-label="同意比例（%）"
            min={0}
            max={100}
            value={Math.round(threshold.minAgreeShare * 100)}
            formatter={(v) => `${v}%`}
            parser={(v) => Number((v ?? '').replace('%', ''))}
            onChange={(v) => v !== null && setThreshold((t) => ({ ...t, minAgreeShare: v / 100 }))}
          />
          <span>且评审数 ≥</span>
          <InputNumber
            size="small"
            aria-label="最少评审数"
            min={1}
            max={50}
            value={threshold.minReviews}
            onChange={(v) => v && setThreshold((t) => ({ ...t, minReviews: v }))}
          />
        </Space>
        <Space style={{ marginBottom: 12 }} wrap>
          <Button onClick={() => setSelected(rows.filter((i) => i.proposal === 'selected' && i.status === 'candidate').map((i) => i.id))}>
            选中“建议入选”的待决定项
          </Button>
          <Button onClick={() => setSelected(rows.filter((i) => i.proposal === 'not_selected' && i.status === 'candidate').map((i) => i.id))}>
            选中“建议不入选”的待决定项
          </Button>
          <Tooltip title={blocked ?? undefined}>
            {/* A disabled button gets no pointer events: the span carries the tooltip. */}
            <span>
              <Button
                type="primary"
                disabled={selected.length === 0 || blocked !== null}
                aria-describedby={blocked ? 'decide-reason' : undefined}
                onClick={() => setDialog({ decision: 'selected', reason: '' })}
              >
                决定（已选 {selected.length}）
              </Button>
            </span>
          </Tooltip>
          {blocked && (
            <Typography.Text type="warning" id="decide-reason" data-testid="decide-reason">
              {blocked}
            </Typography.Text>
          )}
        </Space>
        <Table<ResultItem>
          rowKey="id"
          size="small"
          loading={results.isPending}
          columns={columns}
          dataSource={rows}
          rowSelection={{ fixed: true, selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
          pagination={{ defaultPageSize: 50, showTotal: (t) => `共 ${t} 个候选职业` }}
          // A set width (not max-content) lets the 专家意见 tags wrap instead of widening the table to one line.
          scroll={{ x: 1240 }}
        />
      </Card>
      <Modal
        open={dialog !== null}
        title={`决定 ${selected.length} 个候选职业`}
        okText="确认决定"
        confirmLoading={decide.isPending}
        onCancel={() => setDialog(null)}
        onOk={() => void confirm().catch(() => undefined)}
        destroyOnHidden
      >
        {decide.isError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} message={errorMessage(decide.error)} />}
        <Radio.Group
          value={dialog?.decision}
          onChange={(e) => setDialog((d) => d && { ...d, decision: e.target.value as CandidateDecision })}
          options={[
            { value: 'selected', label: '入选' },
            { value: 'not_selected', label: '不入选' },
          ]}
        />
        <Input.TextArea
          style={{ marginTop: 12 }}
          rows={3}
          maxLength={1000}
          aria-label="决定理由"
          placeholder={dialog?.decision === 'not_selected' ? '不入选须填写理由' : '理由（可选）'}
          value={dialog?.reason}
          onChange={(e) => setDialog((d) => d && { ...d, reason: e.target.value })}
        />
      </Modal>
    </>
  );
}
