import { and, asc, eq, sql } from 'drizzle-orm';
import {
  DomainError,
  transitionForm,
  pickFormRow,
  type AccessPermission,
  type Actor,
  type FormRow,
  effectiveCampaignStatus,
  type CampaignStatus,
  type FormFacts,
} from '@zhengji/domain';
import { assertAccess } from '../../access/require-access.ts';
import type { Db } from '../client.ts';
import { preparedFor } from '../prepared.ts';
import { campaigns, formLateExceptions, formRows, forms, units } from '../schema/index.ts';

/** A form row as stored. */
export type FormRecord = typeof forms.$inferSelect;
/** A campaign as stored. */
export type CampaignRecord = typeof campaigns.$inferSelect;

/** A form with its campaign and the unit's late exception, as the guards need them. */
export interface FormState {
  form: FormRecord;
  campaign: CampaignRecord;
  lateExceptionUntil: Date | null;
  /** The unit's name, when it was read with the form (the presenter reads it otherwise). */
  unitName?: string;
  /** The form's current rows in priority order, when the caller knows them (it has just written them). */
  rows?: (FormRow & { id: string })[];
}

/** What the workflow guards need to know now. */
export function formFacts(state: FormState, now: Date): FormFacts {
  return {
    now,
    campaignStatus: state.campaign.status as CampaignStatus,
    deadline: state.campaign.deadline,
    lateExceptionUntil: state.lateExceptionUntil,
    returnedUntil: state.form.returnedUntil,
    checkingStarted: state.form.checkingStartedAt !== null,
    finalized: state.form.finalizedVersionNo !== null,
  };
}

/**
 * Requires the unit's writing window (deadline, late exception, return limit) whether or not the content is finalized:
 * the guard of the actions on a finalized form (scan, typed code, 撤销定稿), which the content lock does not stop.
 */
export function requireWritingWindow(state: FormState, now: Date): void {
  transitionForm(state.form.status, 'save', { ...formFacts(state, now), finalized: false });
}

/** The campaign status to show (an open campaign past its deadline shows as closed). */
export function shownCampaignStatus(campaign: CampaignRecord, now: Date): CampaignStatus {
  return effectiveCampaignStatus(campaign.status as CampaignStatus, campaign.deadline, now);
}

/** The unit's late exception in a campaign, if any. */
export async function lateExceptionOf(db: Db, campaignId: string, unitId: string): Promise<Date | null> {
  const [row] = await db
    .select({ until: formLateExceptions.until })
    .from(formLateExceptions)
    .where(and(eq(formLateExceptions.campaignId, campaignId), eq(formLateExceptions.unitId, unitId)));
  return row?.until ?? null;
}

/** An action on a form that the object gate answers. */
export type FormAccessAction = AccessPermission extends infer P ? (P extends `form.${infer A}` ? A : never) : never;

/**
 * Loads a form and asks the object gate for `action` on it: NOT_FOUND when the actor may not see it (another unit's
 * form is indistinguishable from a missing one), FORBIDDEN when they see it but may not do this. `forUpdate` locks the row.
 */
export async function loadFormFor(db: Db, actor: Actor, formId: string, action: FormAccessAction, forUpdate = false): Promise<FormState> {
  const [row] = await (forUpdate ? formStateForUpdate : formStateById)(db).execute({ formId });
  const form = row?.form;
  assertAccess(actor, `form.${action}`, form);
  if (!row?.campaign) throw new DomainError('NOT_FOUND', '该推荐表所属的征集活动不存在');
  return { form, campaign: row.campaign, lateExceptionUntil: row.lateExceptionUntil ?? null, unitName: row.unitName ?? '' };
}

// One round trip: the form (locked when asked), its campaign, the unit's late exception and the unit's name.
const formStateQuery = (db: Db) =>
  db
    .select({ form: forms, campaign: campaigns, lateExceptionUntil: formLateExceptions.until, unitName: units.name })
    .from(forms)
    .leftJoin(campaigns, eq(campaigns.id, forms.campaignId))
    .leftJoin(formLateExceptions, and(eq(formLateExceptions.campaignId, forms.campaignId), eq(formLateExceptions.unitId, forms.unitId)))
    .leftJoin(units, eq(units.id, forms.unitId))
    .where(eq(forms.id, sql.placeholder('formId')));
const formStateById = preparedFor((db) => formStateQuery(db).prepare('zj_form_state'));
const formStateForUpdate = preparedFor((db) => formStateQuery(db).for('update', { of: forms }).prepare('zj_form_state_for_update'));
const formRowsOf = preparedFor((db) =>
  db
    .select()
    .from(formRows)
    .where(eq(formRows.formId, sql.placeholder('formId')))
    .orderBy(asc(formRows.priority))
    .prepare('zj_form_rows'),
);

/** The rows of a form in priority order, as FormRow values plus their ids. */
export async function rowsOf(db: Db, formId: string): Promise<(FormRow & { id: string })[]> {
  const rows = await formRowsOf(db).execute({ formId });
  return rows.map((r) => ({ id: r.id, ...pickFormRow(r) }));
}
