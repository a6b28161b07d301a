import type { Actor } from '@zhengji/domain';

type UserActor = Extract<Actor, { kind: 'user' }>;

/**
 * The actor of a command on a unit's form: center staff act on behalf of the form's unit, so that the form policy
 * lets them do the unit's action and the audit row records the unit they acted for; unit users act as themselves.
 */
export function actingForUnit(actor: UserActor, unitId: string): UserActor {
  return actor.role === 'center' ? { ...actor, onBehalfOfUnitId: unitId } : actor;
}
