import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { CAMPAIGN_STATUS_LABELS, OBJECTION_STATUS_LABELS, chineseIsoDate, formatChineseDateTime, type CampaignStatus } from '@zhengji/domain';
import type { NoticeView, ObjectionListItem } from '@zhengji/domain/notice/notice.schemas.ts';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { downloadDossier, useFinalList, useNotice, useNoticeCampaigns, useObjections, usePublishFinalList, usePublishNotice } from './notice.api.ts';
import { NoticeForm } from './components/notice-form.tsx';
import { NoticeItemsTable } from './components/notice-items-table.tsx';
import { ObjectionDrawer } from './components/objection-drawer.tsx';

const objectionColumns = (open: (id: string) => void): TableColumnsType<ObjectionListItem> => [
  { title: '受理编号', dataIndex: 'receiptNo', width: 170 },
  { title: '异议对象', key: 'item', render: (_: unknown, o) => `${o.itemSeq}. ${o.itemLabel}` },
  { title: '异议人', key: 'who', width: 150, render: (_: unknown, o) => [o.name, o.phone ?? o.email].filter(Boolean).join(' ') },
  { title: '理由', dataIndex: 'grounds', ellipsis: true },
  { title: '状态', dataIndex: 'status', width: 110, render: (s: ObjectionListItem['status']) => <Tag>{OBJECTION_STATUS_LABELS[s]}</Tag> },
  { title: '提交时间', dataIndex: 'createdAt', width: 160, render: (v: string) => formatChineseDateTime(new Date(v)) },
  {
    title: '操作',
    key: 'a',
    width: 80,
    render: (_: unknown, o) => (
      <Button type="link" size="small" onClick={() => open(o.id)}>
        处理
      </Button>
    ),
  },
];

/** A button that cannot succeed now: disabled, its reason in a tooltip and written beside it. */
function Blockable({ reason, id, children }: { reason: string | null; id: string; children: ReactNode }) {
  if (!reason) return <>{children}</>;
  return (
    <Space wrap>
      <Tooltip title={reason}>
        {/* A disabled button gets no pointer events: the span carries the tooltip. */}
        <span>{children}</span>
      </Tooltip>
      <Typography.Text type="secondary" id={id} data-testid={id} style={{ fontSize: 12 }}>
        {reason}
      </Typography.Text>
    </Space>
  );
}

const period = (n: NoticeView) => `${chineseIsoDate(n.startDate)}至${chineseIsoDate(n.endDate)}`;

/** What publishing the notice does, for its confirmation. */
function publishSummary(n: NoticeView) {
  return (
    <div data-testid="notice-publish-summary">
      <p>
        将发布公示“{n.title}”，共 {n.items.length} 项职业（工种），公示期{period(n)}。
      </p>
      <p>发布后公示名单固定（生成快照校验码），不能再修改；征集活动进入“公示中”阶段，公众可在公示期内提出异议。</p>
    </div>
  );
}

/** What publishing the final list does: how many items, which ones withdrawn after objections. */
function finalSummary(n: NoticeView, objections: readonly ObjectionListItem[]) {
  const withdrawn = [
    ...new Map(objections.filter((o) => o.status === 'concluded' && o.effect === 'withdrawn').map((o) => [o.itemSeq, `${o.itemSeq}. ${o.itemLabel}`])).values(),
  ];
  return (
    <div data-testid="final-publish-summary">
      <p>
        公示期{period(n)}。公示的 {n.items.length} 项中，列入最终名单 {n.items.length - withdrawn.length} 项，撤销 {withdrawn.length} 项
        {withdrawn.length > 0 ? '：' : '。'}
      </p>
      {withdrawn.length > 0 && (
        <ul>
          {withdrawn.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <p>发布后征集活动进入“已发布”阶段，最终名单公开且不能再修改。</p>
    </div>
  );
}

/** The issued document in each format (the public site's downloads; OFD is GB/T 33190, the format for electronic official documents). */
function IssuedDownloads({ base, testId }: { base: string; testId: string }) {
  return (
    <Space size="small" data-testid={testId}>
      <span>下载：</span>
      <a href={`${base}/docx`}>Word</a>
      <a href={`${base}/pdf`}>PDF</a>
      <a href={`${base}/ofd`}>OFD</a>
      <a href={`${base}/xlsx`}>Excel</a>
    </Space>
  );
}

/** Center: the notice of a campaign (create, preview, publish), its objections, the final list and the dossier. */
export function NoticePage() {
  const campaigns = useNoticeCampaigns();
  const [campaignId, setCampaignId] = useState<string | null>(null);
  useEffect(() => {
    if (!campaignId && campaigns.data?.[0]) setCampaignId(campaigns.data[0].id);
  }, [campaigns.data, campaignId]);
  const campaign = campaigns.data?.find((c) => c.id === campaignId) ?? null;
  const notice = useNotice(campaign?.noticeId ?? null);
  const objections = useObjections(notice.data?.status === 'published' ? notice.data.id : null);
  const final = useFinalList(campaignId, Boolean(campaign?.finalPublished));
  const publish = usePublishNotice();
  const publishFinal = usePublishFinalList();
  const [openId, setOpenId] = useState<string | null>(null);
  const { modal } = App.useApp();
  const n = notice.data;
  const confirm = (title: string, content: ReactNode, okText: string, onOk: () => void) =>
    modal.confirm({ title, content, okText, cancelText: '取消', autoFocusButton: 'cancel', width: 520, onOk });

  return (
    <>
      <PageHeader title="公示与发布" description="由入选职业（工种）生成公示，处理异议，发布最终名单" />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <span>征集活动：</span>
          <Select
            style={{ minWidth: 360 }}
            value={campaignId ?? undefined}
            onChange={setCampaignId}
            loading={campaigns.isLoading}
            data-testid="notice-campaign"
            aria-label="征集活动"
            options={(campaigns.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.title}（${CAMPAIGN_STATUS_LABELS[c.status as CampaignStatus] ?? c.status}）`,
            }))}
          />
          {campaign && (
            <Button onClick={() => void downloadDossier(campaign.id)} data-testid="dossier-download">
              下载档案（ZIP）
            </Button>
          )}
        </Space>
      </Card>
      {campaigns.data?.length === 0 && <Empty description="暂无进入评估或公示阶段的征集活动" />}
      {campaign && !campaign.noticeId && <NoticeForm key={campaign.id} campaignId={campaign.id} campaignTitle={campaign.title} notice={null} />}
      {n && n.status === 'draft' && <NoticeForm key={`${n.id}-${n.version}`} campaignId={n.campaignId} campaignTitle={n.campaignTitle} notice={n} />}
      {n && (
        <Card
          size="small"
          style={{ marginBottom: 16 }}
          title={n.status === 'draft' ? '公示预览（发布时固定）' : '已发布的公示'}
          extra={
            n.status === 'draft' ? (
              <Blockable reason={n.actions.publish.reason} id="notice-publish-reason">
                <Button
                  type="primary"
                  disabled={!n.actions.publish.allowed}
                  loading={publish.isPending}
                  onClick={() => confirm('发布公示？', publishSummary(n), '确认发布', () => publish.mutate({ id: n.id, version: n.version }))}
                  aria-describedby={n.actions.publish.reason ? 'notice-publish-reason' : undefined}
                  data-testid="notice-publish"
                >
                  发布公示…
                </Button>
              </Blockable>
            ) : (
              <Space size="middle">
                <a href={`/public/notices/${n.id}`} target="_blank" rel="noreferrer">
                  查看公开页面
                </a>
                <IssuedDownloads base={`/public/notices/${n.id}/download`} testId="notice-downloads" />
              </Space>
            )
          }
        >
          {publish.isError && <Alert type="error" showIcon message={errorMessage(publish.error)} style={{ marginBottom: 12 }} />}
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="标题">{n.title}</Descriptions.Item>
            <Descriptions.Item label="文号">{n.docNo || '—'}</Descriptions.Item>
            <Descriptions.Item label="公示期">{period(n)}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <span data-testid="notice-status">{n.status === 'draft' ? '草稿' : '已发布'}</span>
            </Descriptions.Item>
            {n.snapshotHash && (
              <Descriptions.Item label="快照校验码">
                <Typography.Text copyable code>
                  {n.snapshotHash}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
          <NoticeItemsTable items={n.items} />
        </Card>
      )}
      {n?.status === 'published' && (
        <Card size="small" style={{ marginBottom: 16 }} title={`异议（${n.objectionCounts.total}，未办结 ${n.objectionCounts.open}）`}>
          <Table<ObjectionListItem>
            rowKey="id"
            size="small"
            columns={objectionColumns(setOpenId)}
            dataSource={objections.data ?? []}
            loading={objections.isLoading}
            pagination={{ pageSize: 20 }}
            data-testid="objection-list"
          />
        </Card>
      )}
      {n?.status === 'published' && (
        <Card size="small" title="最终名单">
          {publishFinal.isError && (
            <Alert type="error" showIcon message={errorMessage(publishFinal.error)} style={{ marginBottom: 12 }} data-testid="final-error" />
          )}
          {campaign?.finalPublished && final.data ? (
            <>
              <Typography.Paragraph data-testid="final-summary">
                已于 {formatChineseDateTime(new Date(final.data.publishedAt))} 发布，共 {final.data.items.length} 项，撤销 {final.data.removed.length} 项。
                <a href={`/public/final/${final.data.campaignId}`} target="_blank" rel="noreferrer">
                  查看公开页面
                </a>
              </Typography.Paragraph>
              <Typography.Paragraph>
                <IssuedDownloads base={`/public/final/${final.data.campaignId}/download`} testId="final-downloads" />
              </Typography.Paragraph>
              <NoticeItemsTable items={final.data.items} />
            </>
          ) : (
            <Blockable reason={n.actions.publishFinal.reason} id="final-publish-reason">
              <Button
                type="primary"
                disabled={!n.actions.publishFinal.allowed}
                loading={publishFinal.isPending}
                onClick={() => confirm('发布最终名单？', finalSummary(n, objections.data ?? []), '确认发布', () => publishFinal.mutate(n.campaignId))}
                aria-describedby={n.actions.publishFinal.reason ? 'final-publish-reason' : undefined}
                data-testid="final-publish"
              >
                发布最终名单…
              </Button>
            </Blockable>
          )}
        </Card>
      )}
      <ObjectionDrawer id={openId} onClose={() => setOpenId(null)} />
    </>
  );
}
