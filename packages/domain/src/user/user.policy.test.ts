import { describe, expect, it } from 'vitest';
import { ROLES, type Actor, type Role } from '../shared/actor.ts';
import { AUDITOR_ACCOUNT_REFUSALS, accountAbilities, accountActions, canManageAccount, type AccountAction } from './user.policy.ts';

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

describe('accountActions: 停用 with its reason', () => {
  it.each<[string, Actor, { id: string; role: Role }, string | null]>([
    ['the admin disables another account', actor('admin'), { id: 'other', role: 'expert' }, null],
    ['not his own', actor('admin'), { id: 'u', role: 'admin' }, '不能停用自己的账号'],
    ['not an auditor account', actor('admin'), { id: 'other', role: 'auditor' }, AUDITOR_ACCOUNT_REFUSALS['user.update']],
    ['the center none', actor('center'), { id: 'other', role: 'unit' }, '您没有执行此操作的权限'],
    ['the public none', { kind: 'public' }, { id: 'other', role: 'unit' }, '您没有执行此操作的权限'],
  ])('%s', (_, who, target, reason) => expect(accountActions(who, target).disable).toEqual({ allowed: reason === null, reason }));
});
