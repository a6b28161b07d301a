import { randomUUID } from 'node:crypto';
import { DomainError, transitionForm, type FormRow } from '@zhengji/domain';
import { runFixed, type FixedStatement } from '../../db/prepared.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { AUDIT_INSERT_SQL, auditRowOf, auditValues } from '../audit/write-audit.ts';
import { parseFormContent } from '../../form/form-content.ts';
import { formFacts, loadFormFor, type FormState } from '../../db/queries/form-state.ts';
import { maxRowsOf, presentForm, presentSaved, type FormView } from '../../presenters/form-view.ts';
import type { FormSaved } from '@zhengji/domain/form/form-view.schemas.ts';

/** What the editor sends: the version it started from, the header and every row in order. */
export interface SaveFormInput {
  version: number;
  header: Record<string, unknown>;
  rows: Record<string, unknown>[];
}

/**
 * Saves the header and all rows of a draft or returned form (序号 = order). Refused after the deadline (by the
 * server clock, the unit's late exception or return time limit honoured) and when `version` is stale: then
 * STALE_VERSION and nothing is overwritten.
 *
 * Two round trips and no explicit transaction: the form is read and judged (access, workflow guards, version), then
 * one statement writes everything — header, rows, audit row — on condition that the form still is exactly what was
 * judged (same version, status, 定稿, check start and return limit). A single statement is atomic: it writes all or
 * nothing. When another save or command got there first, the condition fails, nothing is written, and the form is
 * read and judged again so the answer names what changed (usually STALE_VERSION).
 */
export async function saveForm(ctx: UseCaseContext, formId: string, input: SaveFormInput): Promise<FormView> {
  const saved = await writeSave(ctx, formId, input);
  return presentForm(ctx.db, saved.ctx, saved.state);
}

/** The same save, answering only the new version and what the checks found (the editor's autosave). */
export async function saveFormContent(ctx: UseCaseContext, formId: string, input: SaveFormInput): Promise<FormSaved> {
  const saved = await writeSave(ctx, formId, input);
  return presentSaved(ctx.db, saved.ctx, saved.state);
}

async function writeSave(ctx: UseCaseContext, formId: string, input: SaveFormInput) {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const content = parseFormContent(input.header, input.rows, maxRowsOf(ctx.config));
  const now = ctx.clock.now();
  const state = await loadFormFor(ctx.db, actor, formId, 'save');
  judge(state, input.version, now);
  const form = { ...state.form, ...content.header, version: state.form.version + 1, updatedAt: now, updatedBy: actor.userId };
  // The row ids are made here, so the answer shows the rows just written without reading them back.
  const rows = content.rows.map((r) => ({ id: randomUUID(), ...r }));
  const audit = auditRowOf(ctx, { action: 'form.save', objectType: 'form', objectId: formId, changes: { version: form.version, rows: rows.length } });
  const [written] = await runFixed<{ saved: number }>(ctx.db, SAVE_FORM, [
    formId,
    form.contactName,
    form.contactPhone,
    form.fillDate,
    form.version,
    now,
    actor.userId,
    rowsJson(rows),
    ...auditValues(audit),
    state.form.status,
    state.form.finalizedVersionNo,
    state.form.checkingStartedAt,
    state.form.returnedUntil,
  ]);
  if (written?.saved !== 1) {
    judge(await loadFormFor(ctx.db, actor, formId, 'save'), input.version, now);
    throw new DomainError('STALE_VERSION', '推荐表刚刚被其他操作修改，本次未保存。请重新加载后再修改，您输入的内容仍保留在页面上可复制');
  }
  return { ctx: { actor, config: ctx.config, now }, state: { ...state, form, rows } };
}

/** The guards of a save on the form as read: its workflow state now, then the version the editor started from. */
function judge(state: FormState, version: number, now: Date): void {
  transitionForm(state.form.status, 'save', formFacts(state, now));
  if (state.form.version !== version) {
    throw new DomainError(
      'STALE_VERSION',
      `推荐表已被他人修改（您编辑的是第 ${String(version)} 次保存的内容，服务器上已是第 ${String(state.form.version)} 次），本次未保存。请重新加载后再修改，您输入的内容仍保留在页面上可复制`,
      { currentVersion: state.form.version },
    );
  }
}

/**
 * The whole write of a save in one statement: the header and version, the audit row (as writeAudit writes it), and
 * the rows replaced — the old ones deleted and the new ones inserted from one JSON parameter the database expands (the
 * text is the same for every save, whatever the number of rows). All of it only when the UPDATE found the form as it
 * was judged ($5 − 1 is the version read; $21–$24 the status, 定稿, check start and return limit read): `saved` is
 * then 1, else 0 and nothing is written. The INSERT of the rows reads the DELETE's count first, so the old rows are
 * gone before the new ones take their 序号 (the unique index on form_id, priority sees its own statement's deletions).
 */
const SAVE_FORM: FixedStatement = {
  name: 'zj_save_form',
  text: `WITH saved AS (
    UPDATE forms SET contact_name = $2::text, contact_phone = $3::text, fill_date = $4::date, version = $5::integer, updated_at = $6::timestamptz, updated_by = $7::uuid
    WHERE id = $1::uuid AND version = $5::integer - 1 AND status = $21::text AND finalized_version_no IS NOT DISTINCT FROM $22::integer
      AND checking_started_at IS NOT DISTINCT FROM $23::timestamptz AND returned_until IS NOT DISTINCT FROM $24::timestamptz
    RETURNING id
  ), audited AS (
    ${AUDIT_INSERT_SQL(9)} WHERE EXISTS (SELECT 1 FROM saved)
  ), gone AS (
    DELETE FROM form_rows WHERE form_id = $1::uuid AND EXISTS (SELECT 1 FROM saved) RETURNING 1
  ), added AS (
    INSERT INTO form_rows (id, form_id, priority, occupation_code, occupation_name, job_type_name, standard_name, standard_version, in_shortage_catalog, industries, expected_assessments, reason)
    SELECT x.id, $1::uuid, x.priority, x.occupation_code, x.occupation_name, x.job_type_name, x.standard_name, x.standard_version, x.in_shortage_catalog, x.industries, x.expected_assessments, x.reason
    FROM jsonb_to_recordset($8::jsonb) AS x(id uuid, priority integer, occupation_code text, occupation_name text, job_type_name text, standard_name text, standard_version text, in_shortage_catalog boolean, industries jsonb, expected_assessments integer, reason text)
    WHERE EXISTS (SELECT 1 FROM saved) AND (SELECT count(*) FROM gone) >= 0
  )
  SELECT (SELECT count(*) FROM saved)::integer AS saved`,
};

/** A form's rows (序号 = order) as the statement's JSON parameter. */
function rowsJson(rows: readonly (FormRow & { id: string })[]): string {
  return JSON.stringify(
    rows.map((r, i) => ({
      id: r.id,
      priority: i + 1,
      occupation_code: r.occupationCode,
      occupation_name: r.occupationName,
      job_type_name: r.jobTypeName,
      standard_name: r.standardName,
      standard_version: r.standardVersion,
      in_shortage_catalog: r.inShortageCatalog,
      industries: r.industries,
      expected_assessments: r.expectedAssessments,
      reason: r.reason,
    })),
  );
}
