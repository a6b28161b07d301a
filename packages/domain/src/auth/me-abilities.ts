import type { Actor } from '../shared/actor.ts';
import { PLATFORM_ACTIONS, platformAbilities } from '../shared/policy.ts';
import { REFERENCE_ACTIONS, referenceAbilities } from '../reference/reference.policy.ts';
import { NOTICE_ACTIONS, noticeAbilities } from '../notice/notice.policy.ts';
import { REVIEW_MENU_ABILITIES, reviewMenuAbilities } from '../review/review.panel.ts';
import { canCampaign } from '../campaign/campaign.policy.ts';
import { canForm } from '../form/form.policy.ts';

/** The center's menu abilities that come from the campaign and form policies. */
export const CAMPAIGN_MENU_ABILITIES = ['campaign.manage', 'campaign.roster', 'campaign.statistics', 'check.run', 'pool.manage', 'outbox.view'] as const;
/** One of the center's menu abilities. */
export type CampaignMenuAbility = (typeof CAMPAIGN_MENU_ABILITIES)[number];

/** The center's menu abilities for /api/me, from the campaign and form policies. */
export function campaignMenuAbilities(actor: Actor): Record<CampaignMenuAbility, boolean> {
  const manage = canCampaign(actor, 'create');
  const sample = { status: 'open' } as const;
  return {
    'campaign.manage': manage,
    'campaign.roster': manage && canCampaign(actor, 'viewRoster', sample),
    'campaign.statistics': manage && canCampaign(actor, 'viewStatistics', sample),
    'check.run': actor.kind === 'user' && actor.role === 'center' && canForm(actor, 'check', { unitId: '', status: 'submitted' }),
    'pool.manage': manage && canCampaign(actor, 'update', sample),
    'outbox.view': manage,
  };
}

/** Every key of `Me.abilities`: the policies' action names the UI asks about (a mistyped key does not compile). */
export const ME_ABILITIES = [...PLATFORM_ACTIONS, ...REFERENCE_ACTIONS, ...NOTICE_ACTIONS, ...REVIEW_MENU_ABILITIES, ...CAMPAIGN_MENU_ABILITIES] as const;
/** One key of `Me.abilities`. */
export type MeAbility = (typeof ME_ABILITIES)[number];

/** What the actor may do, for `/api/me`; a feature adds its map here (and its names to ME_ABILITIES). */
export function meAbilities(actor: Actor): Record<MeAbility, boolean> {
  return {
    ...platformAbilities(actor),
    ...referenceAbilities(actor),
    ...noticeAbilities(actor),
    ...reviewMenuAbilities(actor),
    ...campaignMenuAbilities(actor),
  };
}
