import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Skeleton, Tabs, Tag } from 'antd';
import { CAMPAIGN_STATUS_LABELS } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { formatDate } from '../../lib/dates.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaign } from './campaign.api.ts';
import { CampaignFormModal } from './components/campaign-form-modal.tsx';
import { PhaseSteps } from './components/phase-steps.tsx';
import { RosterBoard } from './components/roster-board.tsx';
import { RosterEditor } from './components/roster-editor.tsx';
import { LateExceptions } from './components/late-exceptions.tsx';

/** One campaign: notice fields, phases, roster board, roster, late exceptions. */
export function CampaignPage() {
  const { id } = useParams();
  const campaign = useCampaign(id);
  const [editing, setEditing] = useState(false);
  if (campaign.isError) return <Alert type="error" showIcon message={errorMessage(campaign.error)} />;
  if (!campaign.data) return <Skeleton active />;
  const c = campaign.data;
  return (
    <>
      <PageHeader
        title={c.title}
        description={
          <>
            {c.docNo} · 截止 {c.deadlineLabel} · <Tag color={c.shownStatus === 'open' ? 'green' : 'default'}>{CAMPAIGN_STATUS_LABELS[c.shownStatus]}</Tag>
          </>
        }
        extra={
          <Button disabled={!c.abilities.update} onClick={() => setEditing(true)}>
            编辑通知内容
          </Button>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <PhaseSteps campaign={c} />
      </Card>
      <Card>
        <Tabs
          items={[
            { key: 'roster', label: '填报进度', children: <RosterBoard campaign={c} /> },
            { key: 'units', label: `应报单位名单（${String(c.rosterSize)}）`, children: <RosterEditor campaign={c} /> },
            { key: 'late', label: '延期填报', children: <LateExceptions campaign={c} /> },
            {
              key: 'notice',
              label: '通知内容',
              children: (
                <Descriptions column={2} bordered size="small">
                  <Descriptions.Item label="发文单位">{c.issuer}</Descriptions.Item>
                  <Descriptions.Item label="发文日期">{formatDate(c.issueDate)}</Descriptions.Item>
                  <Descriptions.Item label="联系人">{[c.contactName, c.contactPhone, c.contactEmail].filter(Boolean).join(' ') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="产业标签">{c.industryTags.join('、') || '—'}</Descriptions.Item>
                  <Descriptions.Item label="推荐条件" span={2}>
                    <div style={{ whiteSpace: 'pre-wrap' }}>{c.conditionsText || '—'}</div>
                  </Descriptions.Item>
                  <Descriptions.Item label="填表说明" span={2}>
                    <ol style={{ margin: 0 }}>
                      {c.instructions.map((t, i) => (
                        <li key={i}>{t}</li>
                      ))}
                    </ol>
                  </Descriptions.Item>
                  <Descriptions.Item label="公开页面" span={2}>
                    <a href={`/api/campaigns/${c.id}/public`} target="_blank" rel="noreferrer">
                      /api/campaigns/{c.id}/public
                    </a>
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
          ]}
        />
      </Card>
      <CampaignFormModal open={editing} campaign={c} onClose={() => setEditing(false)} />
    </>
  );
}
