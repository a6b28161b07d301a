import type { Actor } from '@zhengji/domain';
import { canReference, type ReferenceAction } from '@zhengji/domain/reference/reference.policy.ts';
import { requireAllowed } from '../authorize.ts';

export { REFERENCE_ACTIONS, canReference, referenceAbilities, type ReferenceAction } from '@zhengji/domain/reference/reference.policy.ts';

/** Throws FORBIDDEN unless the actor may perform the reference action. */
export function authorizeReference(actor: Actor, action: ReferenceAction) {
  return requireAllowed(canReference(actor, action), actor);
}
