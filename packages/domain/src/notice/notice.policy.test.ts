import { describe, expect, it } from 'vitest';
import { ROLES, PUBLIC_ACTOR, type Actor } from '../index.ts';
import { NOTICE_ACTIONS, canNotice } from './notice.policy.ts';

describe('notice policy', () => {
  it.each(NOTICE_ACTIONS)('%s: center only', (action) => {
    expect(canNotice(PUBLIC_ACTOR, action)).toBe(false);
    for (const role of ROLES) {
      const actor: Actor = { kind: 'user', userId: 'u', username: 'x', role, unitId: null };
      expect(canNotice(actor, action)).toBe(role === 'center');
    }
  });
});
