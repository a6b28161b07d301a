import { hasRole, type Actor } from '../shared/actor.ts';

/** Actions on reference data (the occupation catalogue versions and the Shanghai lists). */
export const REFERENCE_ACTIONS = ['reference.search', 'reference.versions.read', 'reference.import', 'reference.activate', 'reference.lists.edit'] as const;
/** One action on reference data. */
export type ReferenceAction = (typeof REFERENCE_ACTIONS)[number];

/**
 * Whether the actor may perform a reference action, deny by default: every logged-in user but the auditor (who reads
 * the audit log only, 三权分立) searches and browses; the center manages versions and the Shanghai lists; the admin
 * may read the version history.
 */
export function canReference(actor: Actor, action: ReferenceAction): boolean {
  switch (action) {
    case 'reference.search':
      return hasRole(actor, 'center', 'unit', 'expert', 'admin');
    case 'reference.versions.read':
      return hasRole(actor, 'center', 'admin');
    case 'reference.import':
    case 'reference.activate':
    case 'reference.lists.edit':
      return hasRole(actor, 'center');
  }
}

/** The abilities map over the reference actions, for `/api/me`. */
export function referenceAbilities(actor: Actor): Record<ReferenceAction, boolean> {
  return Object.fromEntries(REFERENCE_ACTIONS.map((a) => [a, canReference(actor, a)])) as Record<ReferenceAction, boolean>;
}
