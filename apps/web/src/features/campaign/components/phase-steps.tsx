import { App, Button, Popconfirm, Space, Steps, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { CAMPAIGN_ACTION_LABELS, CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, indirectCampaignAction, type CampaignAction } from '@zhengji/domain';
import { errorMessage } from '../../../lib/api.ts';
import { useTransition, type Campaign } from '../campaign.api.ts';

/**
 * The phases of a campaign as steps, with the transitions the workflow allows now (the server says why not).
 * 开始公示 and 发布最终名单 are not transitions of their own: their buttons say where they happen and lead there.
 * A transition that cannot succeed now (the server's `actions`: deadline, roster, unchecked forms, empty pool) is
 * disabled, with its reason in a tooltip and written under the buttons, instead of failing after the confirmation.
 */
export function PhaseSteps({ campaign }: { campaign: Campaign }) {
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const transition = useTransition(campaign.id);
  const current = CAMPAIGN_STATUSES.indexOf(campaign.status);
  const blocked = campaign.allowedActions.filter((a) => !indirectCampaignAction(a) && !campaign.actions[a].allowed);
  const explain = (action: CampaignAction) => {
    const indirect = indirectCampaignAction(action)!;
    modal.confirm({
      title: CAMPAIGN_ACTION_LABELS[action],
      content: indirect.message,
      okText: `前往“${indirect.pageLabel}”`,
      cancelText: '关闭',
      autoFocusButton: 'cancel',
      onOk: () => navigate(indirect.path),
    });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <Steps size="small" current={current} items={CAMPAIGN_STATUSES.map((s) => ({ title: CAMPAIGN_STATUS_LABELS[s] }))} />
      <Space wrap>
        {campaign.allowedActions.map((action) =>
          indirectCampaignAction(action) ? (
            <Button key={action} onClick={() => explain(action)} data-testid={`phase-${action}`}>
              {CAMPAIGN_ACTION_LABELS[action]}…
            </Button>
          ) : (
            <Tooltip key={action} title={campaign.actions[action].reason ?? undefined}>
              {/* A disabled button gets no pointer events: the span carries the tooltip. */}
              <span>
                <Popconfirm
                  title={`确定要${CAMPAIGN_ACTION_LABELS[action]}吗？`}
                  okText="确定"
                  cancelText="取消"
                  disabled={!campaign.actions[action].allowed}
                  onConfirm={async () => {
                    try {
                      await transition.mutateAsync({ action, version: campaign.version });
                      message.success(`已${CAMPAIGN_ACTION_LABELS[action]}`);
                    } catch (e) {
                      message.error(errorMessage(e));
                    }
                  }}
                >
                  <Button
                    type={action === 'open' ? 'primary' : 'default'}
                    disabled={!campaign.actions[action].allowed}
                    loading={transition.isPending}
                    aria-describedby={campaign.actions[action].reason ? `phase-reason-${action}` : undefined}
                    data-testid={`phase-${action}`}
                  >
                    {CAMPAIGN_ACTION_LABELS[action]}
                  </Button>
                </Popconfirm>
              </span>
            </Tooltip>
          ),
        )}
      </Space>
      {blocked.map((action) => (
        <Typography.Text key={action} type="secondary" id={`phase-reason-${action}`} data-testid={`phase-reason-${action}`}>
          {CAMPAIGN_ACTION_LABELS[action]}：{campaign.actions[action].reason}
        </Typography.Text>
      ))}
    </Space>
  );
}
