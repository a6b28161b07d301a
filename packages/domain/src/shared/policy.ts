import type { Actor, Role } from './actor.ts';

/** Actions on the platform objects (accounts, units, audit log). */
export const PLATFORM_ACTIONS = [
  'user.list',
  'user.create',
  'user.update',
  'user.resetPassword',
  'unit.list',
  'unit.create',
  'unit.update',
  'audit.read',
  'audit.export',
] as const;
export type PlatformAction = (typeof PLATFORM_ACTIONS)[number];

const PLATFORM_GRANTS: Record<PlatformAction, readonly Role[]> = {
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

/** Whether the actor may perform a platform action; deny by default. */
export function canPlatform(actor: Actor, action: PlatformAction): boolean {
  if (actor.kind !== 'user') return false;
  return PLATFORM_GRANTS[action].includes(actor.role);
}

/** The abilities map of an actor over the platform actions, for the UI. */
export function platformAbilities(actor: Actor): Record<PlatformAction, boolean> {
  return Object.fromEntries(PLATFORM_ACTIONS.map((a) => [a, canPlatform(actor, a)])) as Record<PlatformAction, boolean>;
}
