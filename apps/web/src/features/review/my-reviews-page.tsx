import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Progress, Space, Table, Tag, Typography, theme } from 'antd';
import { useNavigate } from 'react-router-dom';
import { REVIEW_OPINION_LABELS, formatChineseDate } from '@zhengji/domain';
import { downloadFile, errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useMyReviews, type MyReviews } from './review.api.ts';
import { useCampaignChoice } from './components/campaign-select.tsx';

type Item = MyReviews['items'][number];

/** Expert: the candidates assigned to me, with progress; opens the scoring page (Enter on a row works too). */
export function MyReviewsPage() {
  const { campaignId, select, campaigns } = useCampaignChoice();
  const my = useMyReviews(campaignId);
  const navigate = useNavigate();
  // A recused row is greyed in the theme's tertiary text colour, which still reads at 4.5:1 (WCAG 1.4.3).
  const { token } = theme.useToken();
  const data = my.data;
  const next = data?.items.find((i) => !i.conflicted && i.reviewStatus !== 'submitted');
  const percent = data && data.progress.total > 0 ? Math.round((data.progress.submitted / data.progress.total) * 100) : 0;
  return (
    <>
      <PageHeader
        title="我的评审"
        description="仅显示分配给您的候选职业；您所在单位推荐的职业已自动回避"
        extra={
          <>
            {select}
            {data && (
              <Button
                icon={<DownloadOutlined />}
                onClick={() =>
                  void downloadFile(`/api/campaigns/${campaignId}/review/experts/${data.expert.id}/score-sheet`, { format: 'pdf' }, '专家评审表.pdf')
                }
              >
                下载专家评审表（签字用）
              </Button>
            )}
          </>
        }
      />
      {campaigns.data?.length === 0 && (
        <Card>
          <Empty description="暂无分配给您的评审任务" />
        </Card>
      )}
      {my.isError && <Alert type="error" showIcon message={errorMessage(my.error)} />}
      {data?.conflictReason && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="review-conflict"
          message={`${data.progress.conflicted}个候选职业须回避，已不能查看或评审`}
          description={data.conflictReason}
        />
      )}
      {data && (
        <Card>
          <Space size="large" align="center" style={{ marginBottom: 16 }} wrap>
            <Progress type="circle" size={72} percent={percent} aria-label="评审进度" />
            <div>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="review-progress">
                已提交 {data.progress.submitted} / {data.progress.total}，草稿 {data.progress.drafts}
              </Typography.Title>
              <Typography.Text type="secondary">
                {data.round.closed
                  ? '本轮评审已结束'
                  : data.round.deadline
                    ? `请于${formatChineseDate(new Date(`${data.round.deadline}T00:00:00+08:00`))}前完成`
                    : '评审进行中'}
              </Typography.Text>
            </div>
            {next && !data.round.closed && (
              <Button type="primary" onClick={() => navigate(`/review/my/${next.candidateId}`)}>
                {data.progress.submitted + data.progress.drafts === 0 ? '开始评审' : '继续评审'}
              </Button>
            )}
          </Space>
          <Table<Item>
            rowKey="candidateId"
            size="middle"
            dataSource={data.items}
            pagination={false}
            onRow={(r) =>
              r.conflicted
                ? { style: { color: token.colorTextTertiary } }
                : { onClick: () => navigate(`/review/my/${r.candidateId}`), style: { cursor: 'pointer' } }
            }
            columns={[
              { title: '序号', key: 'i', width: 60, render: (_, __, i) => i + 1 },
              { title: '职业编码', dataIndex: 'occupationCode', width: 120 },
              {
                title: '职业（工种）',
                key: 'n',
                render: (_, r) => {
                  const label = `${r.occupationName}${r.jobTypeName ? `（${r.jobTypeName}）` : ''}`;
                  return r.conflicted ? (
                    label
                  ) : (
                    <a href={`/review/my/${r.candidateId}`} onClick={(e) => e.preventDefault()}>
                      {label}
                    </a>
                  );
                },
              },
              { title: '产业类别', dataIndex: 'industries', render: (v: string[]) => v.join('、') },
              {
                title: '状态',
                dataIndex: 'reviewStatus',
                width: 100,
                render: (v: Item['reviewStatus'], r) =>
                  r.conflicted ? (
                    <Tag color="red">须回避</Tag>
                  ) : v === 'submitted' ? (
                    <Tag color="green">已提交</Tag>
                  ) : v === 'draft' ? (
                    <Tag color="orange">草稿</Tag>
                  ) : (
                    <Tag>未评审</Tag>
                  ),
              },
              { title: '意见', dataIndex: 'opinion', width: 90, render: (v: Item['opinion']) => (v ? REVIEW_OPINION_LABELS[v] : '') },
            ]}
          />
        </Card>
      )}
    </>
  );
}
