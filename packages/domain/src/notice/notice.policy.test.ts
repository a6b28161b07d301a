import { describe, expect, it } from 'vitest';
import { ROLES, PUBLIC_ACTOR, type Actor } from '../index.ts';
import { NOTICE_ACTIONS, canNotice, noticeViewAbilities } from './notice.policy.ts';

describe('notice policy', () => {
  it.each(NOTICE_ACTIONS)('%s: center only', (action) => {
    expect(canNotice(PUBLIC_ACTOR, action)).toBe(false);
    for (const role of ROLES) {
      const actor: Actor = { kind: 'user', userId: 'u', username: 'x', role, unitId: null };
      expect(canNotice(actor, action)).toBe(role === 'center');
    }
  });
});

describe('the abilities of one notice: every (role, notice status, campaign phase)', () => {
  const phases = ['open', 'closed', 'reviewing', 'publicizing', 'published', 'archived'] as const;
  const table = ROLES.flatMap((role) =>
    (['draft', 'published'] as const).flatMap((noticeStatus) => phases.map((campaignStatus) => [role, noticeStatus, campaignStatus] as const)),
  );
  it.each(table)('%s, notice %s, campaign %s', (role, noticeStatus, campaignStatus) => {
    const actor: Actor = { kind: 'user', userId: 'u', username: 'x', role, unitId: null };
    const center = role === 'center';
    expect(noticeViewAbilities(actor, { noticeStatus, campaignStatus })).toEqual({
      update: center && noticeStatus === 'draft',
      publish: center && noticeStatus === 'draft' && campaignStatus === 'reviewing',
      publishFinal: center && campaignStatus === 'publicizing',
      exportDossier: center,
    });
  });
  it('the public may do nothing with a notice', () => {
    expect(Object.values(noticeViewAbilities(PUBLIC_ACTOR, { noticeStatus: 'draft', campaignStatus: 'reviewing' }))).toEqual([false, false, false, false]);
  });
});
