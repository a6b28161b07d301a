import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { DomainError, transitionForm, type FormRow } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { formRows, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { parseFormContent } from '../../form/form-content.ts';
import { formFacts, loadFormFor } from '../../db/queries/form-state.ts';
import { maxRowsOf, presentForm, type FormView } from '../../presenters/form-view.ts';

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
 */
export async function saveForm(ctx: UseCaseContext, formId: string, input: SaveFormInput): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const content = parseFormContent(input.header, input.rows, maxRowsOf(ctx.config));
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'save', true);
    transitionForm(state.form.status, 'save', formFacts(state, now));
    if (state.form.version !== input.version) {
      throw new DomainError(
        'STALE_VERSION',
        `推荐表已被他人修改（您编辑的是第 ${String(input.version)} 次保存的内容，服务器上已是第 ${String(state.form.version)} 次），本次未保存。请重新加载后再修改，您输入的内容仍保留在页面上可复制`,
        { currentVersion: state.form.version },
      );
    }
    const [form] = await tx
      .update(forms)
      .set({ ...content.header, version: state.form.version + 1, updatedAt: now, updatedBy: actor.userId })
      .where(eq(forms.id, formId))
      .returning();
    await tx.delete(formRows).where(eq(formRows.formId, formId));
    // The row ids are made here, so the answer shows the rows just written without reading them back.
    const rows = content.rows.map((r) => ({ id: randomUUID(), ...r }));
    if (rows.length > 0) await insertRows(tx, formId, rows);
    await writeAudit(tx, ctx, { action: 'form.save', objectType: 'form', objectId: formId, changes: { version: form!.version, rows: rows.length } });
    return { ...state, form: form!, rows };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}

/**
 * Inserts a form's rows (序号 = order) as one JSON parameter the database expands: the statement's text is the same
 * for every save, and building it costs nothing next to a multi-row VALUES list of 12 parameters per row.
 */
async function insertRows(tx: Db, formId: string, rows: readonly (FormRow & { id: string })[]): Promise<void> {
  const payload = JSON.stringify(
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
  await tx.execute(sql`INSERT INTO ${formRows} (id, form_id, priority, occupation_code, occupation_name, job_type_name, standard_name, standard_version, in_shortage_catalog, industries, expected_assessments, reason)
    SELECT x.id, ${formId}::uuid, x.priority, x.occupation_code, x.occupation_name, x.job_type_name, x.standard_name, x.standard_version, x.in_shortage_catalog, x.industries, x.expected_assessments, x.reason
    FROM jsonb_to_recordset(${payload}::jsonb) AS x(id uuid, priority integer, occupation_code text, occupation_name text, job_type_name text, standard_name text, standard_version text, in_shortage_catalog boolean, industries jsonb, expected_assessments integer, reason text)`);
}
