import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from './actor.ts';
import { PLATFORM_ACTIONS, canPlatform, type PlatformAction } from './policy.ts';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', username: 'u', role, unitId: role === 'unit' ? 'x' : null });

const ALLOWED: Record<PlatformAction, Role[]> = {
  'user.list': ['admin'],
  'user.create': ['admin'],
  'user.update': ['admin'],
  'user.resetPassword': ['admin'],
  'unit.list': ['admin', 'center'],
  'unit.create': ['admin'],
  'unit.update': ['admin'],
  'audit.read': ['auditor'],
  'audit.export': ['auditor'],
};

describe('platform policy: every (role, action) pair', () => {
  const table = PLATFORM_ACTIONS.flatMap((action) => ROLES.map((role) => [role, action, ALLOWED[action].includes(role)] as const));
  it.each(table)('%s may %s: %s', (role, action, allowed) => expect(canPlatform(actor(role), action)).toBe(allowed));
  it.each(PLATFORM_ACTIONS)('the public may not %s', (action) => expect(canPlatform({ kind: 'public' }, action)).toBe(false));
});
