import type { Actor } from '../shared/actor.ts';
import { FORM_TRANSITIONS, isFormActionAllowed, type FormAction, type FormFacts, type FormStatus } from './form.workflow.ts';

/** Everything one can do with a recommendation form. */
export const FORM_POLICY_ACTIONS = [
  'view',
  'create',
  'save',
  'finalize',
  'unfinalize',
  'submit',
  'withdraw',
  'uploadScan',
  'exportDocument',
  'viewHistory',
  'check',
  'overrideRule',
  'return',
  'accept',
  'importOnBehalf',
] as const;
/** An action on a form. */
export type FormPolicyAction = (typeof FORM_POLICY_ACTIONS)[number];

/** What the form policy needs to know about a form. */
export interface FormPolicyTarget {
  unitId: string;
  status: FormStatus;
}

const UNIT_ACTIONS: ReadonlySet<FormPolicyAction> = new Set<FormPolicyAction>([
  'view',
  'create',
  'save',
  'finalize',
  'unfinalize',
  'submit',
  'withdraw',
  'uploadScan',
  'exportDocument',
  'viewHistory',
]);
const CENTER_ACTIONS: ReadonlySet<FormPolicyAction> = new Set<FormPolicyAction>([
  'view',
  'exportDocument',
  'viewHistory',
  'check',
  'overrideRule',
  'return',
  'accept',
  'importOnBehalf',
]);

/**
 * Whether the actor may perform the action on the form, by role and ownership, deny by default: a unit user
 * works on its own unit's form only; the center views, checks, returns and accepts every form, and does the
 * unit's actions when acting on behalf of that unit (forms that arrive by e-mail); experts, auditors, admins
 * and the public get nothing. Status rules are in form.workflow.ts (see formAbilities for both).
 */
export function canForm(actor: Actor, action: FormPolicyAction, form: FormPolicyTarget): boolean {
  if (actor.kind !== 'user') return false;
  switch (actor.role) {
    case 'unit':
      return actor.unitId !== null && actor.unitId === form.unitId && UNIT_ACTIONS.has(action);
    case 'center':
      if (CENTER_ACTIONS.has(action)) return true;
      return actor.onBehalfOfUnitId != null && actor.onBehalfOfUnitId === form.unitId && UNIT_ACTIONS.has(action);
    case 'admin':
    case 'expert':
    case 'auditor':
      return false;
  }
}

const EDITABLE: ReadonlySet<FormStatus> = new Set<FormStatus>(['draft', 'returned']);

function stateAllows(action: FormPolicyAction, status: FormStatus, facts: FormFacts): boolean {
  switch (action) {
    case 'save':
    case 'submit':
    case 'withdraw':
    case 'return':
    case 'accept':
      return isFormActionAllowed(status, action satisfies FormAction, facts);
    case 'finalize':
    case 'importOnBehalf':
      return EDITABLE.has(status) && isFormActionAllowed(status, 'save', facts);
    case 'unfinalize':
    case 'uploadScan':
      return EDITABLE.has(status) && facts.finalized === true && isFormActionAllowed(status, 'save', { ...facts, finalized: false });
    case 'check':
    case 'overrideRule':
      return FORM_TRANSITIONS[status].accept !== undefined && isFormActionAllowed(status, 'accept', facts);
    case 'create':
      return status === 'draft' && isFormActionAllowed('draft', 'save', facts);
    case 'view':
    case 'exportDocument':
    case 'viewHistory':
      return true;
  }
}

/** The abilities map of an actor over one form now: the policy and the workflow (table and guards) together. */
export function formAbilities(actor: Actor, form: FormPolicyTarget, facts: FormFacts): Record<FormPolicyAction, boolean> {
  return Object.fromEntries(FORM_POLICY_ACTIONS.map((a) => [a, canForm(actor, a, form) && stateAllows(a, form.status, facts)])) as Record<
    FormPolicyAction,
    boolean
  >;
}
