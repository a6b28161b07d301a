import { useState } from 'react';
import { Link } from 'react-router-dom';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Tag } from 'antd';
import { CAMPAIGN_STATUS_LABELS } from '@zhengji/domain';
import { errorMessage } from '../../lib/api.ts';
import { PageHeader } from '../../components/page-header.tsx';
import { useCampaigns, type Campaign } from './campaign.api.ts';
import { CampaignFormModal } from './components/campaign-form-modal.tsx';

const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  open: 'green',
  closed: 'orange',
  reviewing: 'blue',
  publicizing: 'purple',
  published: 'cyan',
  archived: 'default',
};

/** The center's campaigns, newest first, with create. */
export function CampaignListPage() {
  const campaigns = useCampaigns();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="征集活动"
        description="按通知内容创建征集活动，设置应报单位名单，开启征集后跟踪填报进度"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建征集活动
          </Button>
        }
      />
      <Card>
        {campaigns.isError && <Alert type="error" showIcon message={errorMessage(campaigns.error)} style={{ marginBottom: 16 }} />}
        <Table<Campaign>
          rowKey="id"
          loading={campaigns.isPending}
          dataSource={campaigns.data ?? []}
          pagination={false}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '标题', dataIndex: 'title', render: (t: string, c) => <Link to={`/campaigns/${c.id}`}>{t}</Link> },
            { title: '文号', dataIndex: 'docNo', width: 200 },
            { title: '截止日期', dataIndex: 'deadlineLabel', width: 150 },
            { title: '应报单位', dataIndex: 'rosterSize', width: 100 },
            {
              title: '阶段',
              dataIndex: 'shownStatus',
              width: 110,
              render: (s: Campaign['status']) => <Tag color={STATUS_COLOR[s]}>{CAMPAIGN_STATUS_LABELS[s]}</Tag>,
            },
          ]}
        />
      </Card>
      <CampaignFormModal open={creating} campaign={null} onClose={() => setCreating(false)} />
    </>
  );
}
