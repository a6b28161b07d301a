import { canReference, type Actor, type ReferenceAction } from '@zhengji/domain';
import { requireAllowed } from '../authorize.ts';

export { REFERENCE_ACTIONS, canReference, referenceAbilities, type ReferenceAction } from '@zhengji/domain';

/** Throws FORBIDDEN unless the actor may perform the reference action (policy: packages/domain/src/reference/reference.policy.ts). */
export function authorizeReference(actor: Actor, action: ReferenceAction) {
  return requireAllowed(canReference(actor, action), actor);
}
