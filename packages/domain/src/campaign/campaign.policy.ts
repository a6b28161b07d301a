import type { Actor } from '../shared/actor.ts';
import { CAMPAIGN_ACTIONS, type CampaignStatus } from './campaign.workflow.ts';

/** Everything one can do with a campaign: reading, editing, the phase transitions and the center's tools. */
export const CAMPAIGN_POLICY_ACTIONS = [
  'viewPublic',
  'view',
  'create',
  'update',
  'delete',
  ...CAMPAIGN_ACTIONS,
  'grantLateException',
  'viewRoster',
  'sendReminders',
  'viewStatistics',
  'exportDossier',
] as const;
/** An action on a campaign. */
export type CampaignPolicyAction = (typeof CAMPAIGN_POLICY_ACTIONS)[number];

/** What the campaign policy needs to know about a campaign. */
export interface CampaignPolicyTarget {
  status: CampaignStatus;
}

/**
 * Whether the actor may perform the action, deny by default: the center manages campaigns; everyone,
 * including the public, reads the public information of a campaign once it is no longer a draft.
 * Phase rules (which transition is allowed now) live in campaign.workflow.ts.
 */
export function canCampaign(actor: Actor, action: CampaignPolicyAction, campaign?: CampaignPolicyTarget): boolean {
  if (action === 'viewPublic') return campaign !== undefined && campaign.status !== 'draft';
  if (actor.kind !== 'user' || actor.role !== 'center') return false;
  if (action === 'create') return true;
  if (campaign === undefined) return false;
  switch (action) {
    case 'delete':
      return campaign.status === 'draft';
    case 'update':
      return campaign.status !== 'archived';
    case 'grantLateException':
      return campaign.status === 'open' || campaign.status === 'closed';
    case 'sendReminders':
      return campaign.status === 'open';
    case 'view':
    case 'open':
    case 'close':
    case 'reopen':
    case 'startReview':
    case 'startPublicity':
    case 'publish':
    case 'archive':
    case 'viewRoster':
    case 'viewStatistics':
    case 'exportDossier':
      return true;
  }
}

/** The abilities map of an actor over one campaign, for the UI. */
export function campaignAbilities(actor: Actor, campaign: CampaignPolicyTarget): Record<CampaignPolicyAction, boolean> {
  return Object.fromEntries(CAMPAIGN_POLICY_ACTIONS.map((a) => [a, canCampaign(actor, a, campaign)])) as Record<CampaignPolicyAction, boolean>;
}
