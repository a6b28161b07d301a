import type { Actor } from '../shared/actor.ts';
import { NO_PERMISSION_REASON, availability, type ActionAvailability } from '../shared/action-availability.ts';
import { canCampaign } from './campaign.policy.ts';
import { daysUntilDeadline } from './campaign.reminders.ts';
import {
  CAMPAIGN_ACTIONS,
  CAMPAIGN_STATUS_LABELS,
  campaignGuardFailure,
  campaignTableRefusal,
  indirectCampaignAction,
  type CampaignFacts,
  type CampaignStatus,
} from './campaign.workflow.ts';

/** The commands of the campaign page whose availability the server computes: the phase buttons and 提醒. */
export const CAMPAIGN_PAGE_ACTIONS = [...CAMPAIGN_ACTIONS, 'sendReminders'] as const;
/** A command of the campaign page. */
export type CampaignPageAction = (typeof CAMPAIGN_PAGE_ACTIONS)[number];

function remindersRefusal(actor: Actor, status: CampaignStatus, facts: CampaignFacts): string | null {
  if (actor.kind !== 'user' || actor.role !== 'center') return NO_PERMISSION_REASON;
  if (!canCampaign(actor, 'sendReminders', { status })) return `征集活动处于“${CAMPAIGN_STATUS_LABELS[status]}”阶段，只有征集中才能提醒单位`;
  if (!facts.deadline) return '请先设置截止日期';
  if (daysUntilDeadline(facts.deadline, facts.now) < 0) return '征集已过截止日期，无需再发送提醒';
  return null;
}

/**
 * What the campaign page may do now, each with the reason it cannot: the same refusals the server gives (role, the
 * transition table, the phase guards over `facts`, the deadline for reminders), so that the button is disabled with
 * the reason instead of failing after its confirmation. 开始公示 and 发布最终名单 are refused with the page where they
 * happen (their buttons lead there).
 */
export function campaignActions(actor: Actor, status: CampaignStatus, facts: CampaignFacts): Record<CampaignPageAction, ActionAvailability> {
  const out = {} as Record<CampaignPageAction, ActionAvailability>;
  for (const action of CAMPAIGN_ACTIONS) {
    out[action] = availability(
      canCampaign(actor, action, { status }) ? null : NO_PERMISSION_REASON,
      campaignTableRefusal(status, action),
      indirectCampaignAction(action)?.message ?? null,
      campaignGuardFailure(action, facts)?.message ?? null,
    );
  }
  out.sendReminders = availability(remindersRefusal(actor, status, facts));
  return out;
}
