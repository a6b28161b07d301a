import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../shared/actor.ts';
import { accountAbilities, canManageAccount, type AccountAction } from './user.policy.ts';

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', username: 'u', role, unitId: role === 'unit' ? 'x' : null });
const ACTIONS: AccountAction[] = ['user.create', 'user.update', 'user.resetPassword'];

describe('account policy: every (actor role, action, target role)', () => {
  const table = ROLES.flatMap((role) =>
    ACTIONS.flatMap((action) => ROLES.map((target) => [role, action, target, role === 'admin' && target !== 'auditor'] as const)),
  );
  it.each(table)('%s may %s on a %s account: %s', (role, action, target, allowed) => expect(canManageAccount(actor(role), action, target)).toBe(allowed));
  it('the public may manage no account', () => expect(ROLES.some((t) => canManageAccount({ kind: 'public' }, 'user.update', t))).toBe(false));
  it('gives the admin no action on an auditor account', () => {
    expect(accountAbilities(actor('admin'), { role: 'auditor' })).toEqual({ update: false, resetPassword: false });
    expect(accountAbilities(actor('admin'), { role: 'expert' })).toEqual({ update: true, resetPassword: true });
  });
});
