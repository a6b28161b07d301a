import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../shared/actor.ts';
import { REFERENCE_ACTIONS, canReference, type ReferenceAction } from './reference.policy.ts';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', username: 'u', role, unitId: role === 'unit' ? 'x' : null });

const ALLOWED: Record<ReferenceAction, Role[]> = {
  'reference.search': ['center', 'unit', 'expert', 'admin'],
  'reference.versions.read': ['center', 'admin'],
  'reference.import': ['center'],
  'reference.activate': ['center'],
  'reference.lists.edit': ['center'],
};

describe('reference policy: every (role, action) pair', () => {
  const table = REFERENCE_ACTIONS.flatMap((action) => ROLES.map((role) => [role, action, ALLOWED[action].includes(role)] as const));
  it.each(table)('%s may %s: %s', (role, action, allowed) => expect(canReference(actor(role), action)).toBe(allowed));
  it.each(REFERENCE_ACTIONS)('the public may not %s', (action) => expect(canReference({ kind: 'public' }, action)).toBe(false));
});
