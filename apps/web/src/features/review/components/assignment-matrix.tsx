import { useMemo, useState } from 'react';
import { App as AntApp, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { errorMessage } from '../../../lib/api.ts';
import { reviewApi, useReviewMutation, type BoardCandidate, type ReviewBoard } from '../review.api.ts';

const REVIEW_TAG = { draft: <Tag color="orange">草稿</Tag>, submitted: <Tag color="green">已提交</Tag> } as const;

/**
 * The candidates with their reviewers: remove (drafts kept), add by hand (conflicts refused by the server), and replace
 * a reviewer whose assignment became 回避 (their review does not count until then).
 */
export function AssignmentMatrix({ campaignId, board }: { campaignId: string; board: ReviewBoard }) {
  const { message } = AntApp.useApp();
  const [keyword, setKeyword] = useState('');
  const assign = useReviewMutation(reviewApi.assign);
  const remove = useReviewMutation(reviewApi.remove);
  const reassign = useReviewMutation(reviewApi.reassign);
  const unitOf = useMemo(() => new Map(board.panel.map((p) => [p.id, p.unitName])), [board]);
  const rows = useMemo(
    () => board.candidates.filter((c) => !keyword || c.occupationName.includes(keyword) || c.occupationCode.includes(keyword)),
    [board, keyword],
  );
  const experts = board.panel.filter((p) => p.active);

  const columns: TableColumnsType<BoardCandidate> = [
    { title: '职业编码', dataIndex: 'occupationCode', width: 110 },
    { title: '职业（工种）', key: 'n', width: 200, render: (_, c) => `${c.occupationName}${c.jobTypeName ? `（${c.jobTypeName}）` : ''}` },
    { title: '推荐单位（优先级）', key: 'u', width: 240, render: (_, c) => c.units.map((u) => `${u.unitName}（${u.priority}）`).join('、') },
    {
      title: '评审专家',
      key: 'a',
      render: (_, c) => {
        const active = c.assignments.filter((a) => a.status === 'active');
        // A 回避 reviewer does not count towards the N reviewers.
        const counted = active.filter((a) => !a.conflictFlag).length;
        const short = counted < board.campaign.reviewersPerCandidate;
        return (
          <Space wrap size={4}>
            {c.assignments.map((a) =>
              a.status === 'removed' ? (
                <Tooltip key={a.id} title="已移出，保留其评审记录">
                  <Tag style={{ textDecoration: 'line-through' }}>
                    {a.expertName}
                    {a.reviewStatus ? REVIEW_TAG[a.reviewStatus] : null}
                  </Tag>
                </Tooltip>
              ) : (
                <Space key={a.id} size={2}>
                  <Tooltip
                    title={
                      a.conflictFlag
                        ? `专家所在单位“${unitOf.get(a.expertId) ?? ''}”推荐了该职业，须回避：专家已不能查看或评审，其评审不计入结果，请更换专家`
                        : undefined
                    }
                  >
                    <Tag
                      color={a.conflictFlag ? 'red' : a.source === 'manual' ? 'purple' : 'blue'}
                      data-testid={a.conflictFlag ? 'conflicted-expert' : 'assigned-expert'}
                    >
                      {a.conflictFlag && '须回避 · '}
                      {a.expertName}
                      {a.reviewStatus && ` · ${a.reviewStatus === 'draft' ? '草稿' : '已提交'}`}
                      <Popconfirm
                        title={`移出专家“${a.expertName}”？其已填写的内容会保留`}
                        okText="移出"
                        cancelText="取消"
                        onConfirm={() =>
                          remove.mutateAsync(a.id).then(
                            (r) => message.success(r.keptReview ? '已移出，评审草稿已保留' : '已移出'),
                            (e: unknown) => message.error(errorMessage(e)),
                          )
                        }
                      >
                        <a style={{ marginLeft: 6 }} aria-label={`移出${a.expertName}`}>
                          ×
                        </a>
                      </Popconfirm>
                    </Tag>
                  </Tooltip>
                  {a.conflictFlag && (
                    <Select
                      size="small"
                      showSearch
                      optionFilterProp="label"
                      placeholder="更换为…"
                      style={{ width: 120 }}
                      value={null}
                      aria-label={`更换须回避的专家${a.expertName}`}
                      options={experts.filter((e) => !active.some((x) => x.expertId === e.id)).map((e) => ({ value: e.id, label: `${e.name}（${e.load}）` }))}
                      onChange={(expertId: string) =>
                        reassign.mutateAsync({ assignmentId: a.id, expertId }).then(
                          () => message.success('已更换专家'),
                          (e: unknown) => message.error(errorMessage(e)),
                        )
                      }
                    />
                  )}
                </Space>
              ),
            )}
            {short && <Tag color="warning">缺{board.campaign.reviewersPerCandidate - counted}名</Tag>}
            <Select
              size="small"
              showSearch
              optionFilterProp="label"
              placeholder="添加专家"
              style={{ width: 130 }}
              value={null}
              aria-label={`为${c.occupationName}添加专家`}
              options={experts.filter((e) => !active.some((a) => a.expertId === e.id)).map((e) => ({ value: e.id, label: `${e.name}（${e.load}）` }))}
              onChange={(expertId: string) =>
                assign.mutateAsync({ campaignId, candidateId: c.id, expertId }).then(
                  () => message.success('已分配'),
                  (e: unknown) => message.error(errorMessage(e)),
                )
              }
            />
          </Space>
        );
      },
    },
  ];
  return (
    <>
      <Input.Search
        allowClear
        placeholder="按职业编码或名称筛选"
        style={{ width: 280, marginBottom: 12 }}
        onChange={(e) => setKeyword(e.target.value.trim())}
      />
      <Table<BoardCandidate>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ defaultPageSize: 50, showTotal: (t) => `共 ${t} 个候选职业` }}
      />
    </>
  );
}
