import { describe, expect, it } from 'vitest';
import { PUBLIC_ACTOR, type Actor, type Role } from '../shared/actor.ts';
import { FORM_POLICY_ACTIONS, canForm, formAbilities, type FormPolicyAction } from './form.policy.ts';
import { FORM_STATUSES, type FormFacts, type FormStatus } from './form.workflow.ts';

const user = (role: Role, unitId: string | null = null, onBehalfOfUnitId?: string): Actor => ({
  kind: 'user',
  userId: `u-${role}`,
  username: role,
  role,
  unitId,
  ...(onBehalfOfUnitId ? { onBehalfOfUnitId } : {}),
});

const ACTORS: Record<string, Actor> = {
  ownUnit: user('unit', 'unit-a'),
  otherUnit: user('unit', 'unit-b'),
  unitWithoutUnit: user('unit', null),
  center: user('center'),
  centerOnBehalf: user('center', null, 'unit-a'),
  centerOnBehalfOther: user('center', null, 'unit-b'),
  admin: user('admin'),
  expert: user('expert', 'unit-a'),
  auditor: user('auditor'),
  public: PUBLIC_ACTOR,
};

const UNIT_SET: FormPolicyAction[] = ['view', 'create', 'save', 'finalize', 'unfinalize', 'submit', 'withdraw', 'uploadScan', 'exportDocument', 'viewHistory'];
const CENTER_SET: FormPolicyAction[] = ['view', 'exportDocument', 'viewHistory', 'check', 'overrideRule', 'return', 'accept', 'importOnBehalf'];
const POLICY: Record<string, FormPolicyAction[]> = {
  ownUnit: UNIT_SET,
  center: CENTER_SET,
  centerOnBehalf: [...new Set([...CENTER_SET, ...UNIT_SET])],
  centerOnBehalfOther: CENTER_SET,
};

/** What the workflow allows per status in an open campaign before the deadline, nothing checked yet, not finalized. */
const STATE: Record<FormStatus, FormPolicyAction[]> = {
  draft: ['view', 'create', 'save', 'finalize', 'importOnBehalf', 'exportDocument', 'viewHistory'],
  submitted: ['view', 'withdraw', 'check', 'overrideRule', 'return', 'accept', 'exportDocument', 'viewHistory'],
  returned: ['view', 'save', 'finalize', 'importOnBehalf', 'exportDocument', 'viewHistory'],
  accepted: ['view', 'exportDocument', 'viewHistory'],
};
/** The same once the content is finalized (定稿): read-only, scan and submit, or unfinalize. */
const FINALIZED_STATE: Record<FormStatus, FormPolicyAction[]> = {
  draft: ['view', 'unfinalize', 'submit', 'uploadScan', 'exportDocument', 'viewHistory'],
  submitted: STATE.submitted,
  returned: ['view', 'unfinalize', 'submit', 'uploadScan', 'exportDocument', 'viewHistory'],
  accepted: STATE.accepted,
};

const facts: FormFacts = {
  now: new Date('2024-11-01T10:00:00+08:00'),
  campaignStatus: 'open',
  deadline: '2024-11-20',
  checkingStarted: false,
  finalized: false,
};

describe('form policy and abilities: every (status, action, actor)', () => {
  const rows = Object.keys(ACTORS).flatMap((who) => FORM_STATUSES.flatMap((status) => FORM_POLICY_ACTIONS.map((action) => [who, status, action] as const)));
  it.each(rows)('%s / %s / %s', (who, status, action) => {
    const actor = ACTORS[who]!;
    const form = { unitId: 'unit-a', status };
    const byPolicy = (POLICY[who] ?? []).includes(action);
    expect(canForm(actor, action, form)).toBe(byPolicy);
    expect(formAbilities(actor, form, facts)[action]).toBe(byPolicy && STATE[status].includes(action));
    expect(formAbilities(actor, form, { ...facts, finalized: true })[action]).toBe(byPolicy && FINALIZED_STATE[status].includes(action));
  });

  it('after the deadline a unit can only read', () => {
    const late: FormFacts = { ...facts, now: new Date('2024-11-21T09:00:00+08:00') };
    const abilities = formAbilities(ACTORS.ownUnit!, { unitId: 'unit-a', status: 'draft' }, late);
    expect(
      Object.entries(abilities)
        .filter(([, v]) => v)
        .map(([k]) => k),
    ).toEqual(['view', 'exportDocument', 'viewHistory']);
  });
});
