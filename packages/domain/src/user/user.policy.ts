import { ROLES, type Actor, type Role } from '../shared/actor.ts';
import { canPlatform } from '../shared/policy.ts';
import { NO_PERMISSION_REASON, availability, type ActionAvailability } from '../shared/action-availability.ts';

/**
 * Roles an administrator may give and whose accounts he may manage: every role but the auditor. Separation of duties
 * (三权分立, 等保 2.0 三级): auditor accounts are created, enabled, disabled and reset only by the operator's CLI.
 */
export const ADMIN_MANAGED_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'auditor');

/** The account actions an administrator performs on one account. */
export type AccountAction = 'user.create' | 'user.update' | 'user.resetPassword';

/** Whether the actor may perform an account action on an account of the given role; deny by default. */
export function canManageAccount(actor: Actor, action: AccountAction, targetRole: Role): boolean {
  return canPlatform(actor, action) && ADMIN_MANAGED_ROLES.includes(targetRole);
}

/** The abilities map of the actor over one account, for the UI. */
export function accountAbilities(actor: Actor, target: { role: Role }): { update: boolean; resetPassword: boolean } {
  return { update: canManageAccount(actor, 'user.update', target.role), resetPassword: canManageAccount(actor, 'user.resetPassword', target.role) };
}

/** Why an administrator is refused an action on an auditor account, in Chinese, with what to do instead. */
export const AUDITOR_ACCOUNT_REFUSALS: Record<AccountAction, string> = {
  'user.create': '系统管理员不能创建审计管理员账号（三权分立）：请由运维人员在服务器上执行 npm run cli -- create-user --role auditor',
  'user.update': '系统管理员不能修改、停用或启用审计管理员账号（三权分立）：请由运维人员在服务器上用命令行操作',
  'user.resetPassword': '系统管理员不能重置审计管理员的密码（三权分立）：请由运维人员在服务器上执行 npm run cli -- reset-password',
};

/** Why an administrator cannot disable his own account (he would lock himself out). */
export const SELF_DISABLE_REFUSAL = '不能停用自己的账号';

/**
 * Whether the actor can disable this account, with the reason when not (no permission, an auditor's account, his own
 * account): the 停用 button is disabled with it instead of failing after its confirmation.
 */
export function accountActions(actor: Actor, target: { id: string; role: Role }): { disable: ActionAvailability } {
  const refusal = !canPlatform(actor, 'user.update')
    ? NO_PERMISSION_REASON
    : !canManageAccount(actor, 'user.update', target.role)
      ? AUDITOR_ACCOUNT_REFUSALS['user.update']
      : actor.kind === 'user' && actor.userId === target.id
        ? SELF_DISABLE_REFUSAL
        : null;
  return { disable: availability(refusal) };
}
