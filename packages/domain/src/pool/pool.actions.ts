import type { Actor } from '../shared/actor.ts';
import { NO_PERMISSION_REASON, availability, type ActionAvailability } from '../shared/action-availability.ts';
import { canCampaign } from '../campaign/campaign.policy.ts';
import type { CampaignStatus } from '../campaign/campaign.workflow.ts';

/** Why the pool of a campaign in this phase cannot be built or adjusted, or null (while the call is open or closed). */
export function poolPhaseRefusal(status: CampaignStatus): string | null {
  return status === 'open' || status === 'closed' ? null : '专家评估开始后候选职业库不能再生成或调整';
}

/**
 * Whether the pool page's commands (生成/刷新, 确认分别保留, 合并, 拆分) can succeed now, with the reason the server
 * would refuse them, so that the buttons are disabled with it.
 */
export function poolActions(actor: Actor, status: CampaignStatus): { change: ActionAvailability } {
  const center = canCampaign(actor, 'create');
  return { change: availability(center ? null : NO_PERMISSION_REASON, poolPhaseRefusal(status)) };
}
