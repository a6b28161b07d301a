import { hasRole, type Actor } from '../shared/actor.ts';

/**
 * Actions on reference data. The grants:
 * every logged-in user searches and browses; the center manages versions and the Shanghai lists; admin and
 * auditor may read the version history.
 */
export const REFERENCE_ACTIONS = ['reference.search', 'reference.versions.read', 'reference.import', 'reference.activate', 'reference.lists.edit'] as const;
/** One action on reference data. */
export type ReferenceAction = (typeof REFERENCE_ACTIONS)[number];

/** Whether the actor may perform a reference action; deny by default. */
export function canReference(actor: Actor, action: ReferenceAction): boolean {
  switch (action) {
    case 'reference.search':
      return actor.kind === 'user';
    case 'reference.versions.read':
      return hasRole(actor, 'center', 'admin', 'auditor');
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
