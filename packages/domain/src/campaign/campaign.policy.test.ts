import { describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR, ROLES, type Actor, type Role } from '../shared/actor.ts';
import { CAMPAIGN_POLICY_ACTIONS, campaignAbilities, canCampaign, type CampaignPolicyAction } from './campaign.policy.ts';
import { CAMPAIGN_STATUSES, type CampaignStatus } from './campaign.workflow.ts';

function user(role: Role): Actor {
  return { kind: 'user', userId: `u-${role}`, username: role, role, unitId: role === 'unit' ? 'unit-1' : null };
}

/** The center's answer per status, written out; every other actor gets only viewPublic (not for drafts). */
function centerExpected(action: CampaignPolicyAction, status: CampaignStatus): boolean {
  switch (action) {
    case 'delete':
      return status === 'draft';
    case 'update':
      return status !== 'archived';
    case 'grantLateException':
      return status === 'open' || status === 'closed';
    case 'sendReminders':
      return status === 'open';
    case 'viewPublic':
      return status !== 'draft';
    default:
      return true;
  }
}

describe('canCampaign: every (role, status, action)', () => {
  const actors: [string, Actor][] = [...ROLES.map((r) => [r, user(r)] as [string, Actor]), ['public', PUBLIC_ACTOR]];
  const rows = actors.flatMap(([name, actor]) =>
    CAMPAIGN_STATUSES.flatMap((status) => CAMPAIGN_POLICY_ACTIONS.map((action) => [name, status, action, actor] as const)),
  );
  it.each(rows)('%s / %s / %s', (name, status, action, actor) => {
    const expected = name === 'center' ? centerExpected(action, status) : action === 'viewPublic' && status !== 'draft';
    expect(canCampaign(actor, action, { status })).toBe(expected);
  });

  it('only the center creates; nothing but create works without a campaign', () => {
    expect(canCampaign(user('center'), 'create')).toBe(true);
    expect(canCampaign(user('admin'), 'create')).toBe(false);
    expect(canCampaign(user('center'), 'update')).toBe(false);
    expect(canCampaign(PUBLIC_ACTOR, 'viewPublic')).toBe(false);
  });

  it('abilities map covers every action', () => {
    const map = campaignAbilities(user('unit'), { status: 'open' });
    expect(Object.keys(map)).toEqual([...CAMPAIGN_POLICY_ACTIONS]);
    expect(Object.entries(map).filter(([, v]) => v)).toEqual([['viewPublic', true]]);
  });
});
