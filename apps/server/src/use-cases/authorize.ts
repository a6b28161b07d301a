import { DomainError, canPlatform, type Actor, type PlatformAction } from '@zhengji/domain';

/** Throws FORBIDDEN unless the policy allows; returns the logged-in actor. */
export function requireAllowed(allowed: boolean, actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', '请先登录');
  if (!allowed) throw new DomainError('FORBIDDEN', '您没有执行此操作的权限');
  return actor;
}

/** Authorizes a platform action (accounts, units, audit). */
export function authorizePlatform(actor: Actor, action: PlatformAction): Extract<Actor, { kind: 'user' }> {
  return requireAllowed(canPlatform(actor, action), actor);
}
