import { App, Button, Popconfirm, Space, Steps } from 'antd';
import { CAMPAIGN_ACTION_LABELS, CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { useTransition, type Campaign } from '../campaign.api.ts';

/** The phases of a campaign as steps, with the transitions the workflow allows now (the server says why not). */
export function PhaseSteps({ campaign }: { campaign: Campaign }) {
  const { message } = App.useApp();
  const transition = useTransition(campaign.id);
  const current = CAMPAIGN_STATUSES.indexOf(campaign.status);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Steps size="small" current={current} items={CAMPAIGN_STATUSES.map((s) => ({ title: CAMPAIGN_STATUS_LABELS[s] }))} />
      <Space wrap>
        {campaign.allowedActions.map((action) => (
          <Popconfirm
            key={action}
            title={`确定要${CAMPAIGN_ACTION_LABELS[action]}吗？`}
            onConfirm={async () => {
              try {
                await transition.mutateAsync({ action, version: campaign.version });
                message.success(`已${CAMPAIGN_ACTION_LABELS[action]}`);
              } catch (e) {
                message.error(errorMessage(e));
              }
            }}
          >
            <Button type={action === 'open' ? 'primary' : 'default'} disabled={!campaign.abilities[action]} loading={transition.isPending}>
              {CAMPAIGN_ACTION_LABELS[action]}
            </Button>
          </Popconfirm>
        ))}
      </Space>
    </Space>
  );
}
