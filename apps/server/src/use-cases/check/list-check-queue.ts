import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { CheckQueueItem } from '@zhengji/domain/check/check-view.schemas.ts';
import { campaigns, checkDecisions, formVersions, forms, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';

/** Queue filter: a campaign and the statuses to list (default: submitted). */
export const CheckQueueQuerySchema = z.object({
  campaignId: z.uuid('征集活动编号格式不正确').optional(),
  status: z.enum(['submitted', 'returned', 'accepted', 'all'], '状态不正确').default('submitted'),
});
/** The submitted forms waiting for the material check, oldest submission first (the center). */
export async function listCheckQueue(ctx: UseCaseContext, query: z.input<typeof CheckQueueQuerySchema>): Promise<CheckQueueItem[]> {
  requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  const q = CheckQueueQuerySchema.parse(query);
  const statuses = q.status === 'all' ? (['submitted', 'returned', 'accepted'] as const) : ([q.status] as const);
  const rows = await ctx.db
    .select({ form: forms, unitName: units.name, unitType: units.type, campaignTitle: campaigns.title, rows: formVersions.rows })
    .from(forms)
    .innerJoin(units, eq(units.id, forms.unitId))
    .innerJoin(campaigns, eq(campaigns.id, forms.campaignId))
    .innerJoin(formVersions, and(eq(formVersions.formId, forms.id), eq(formVersions.number, forms.lastVersionNumber)))
    .where(and(inArray(forms.status, [...statuses]), q.campaignId ? eq(forms.campaignId, q.campaignId) : undefined))
    .orderBy(forms.submittedAt, desc(forms.updatedAt));
  const ids = rows.map((r) => r.form.id);
  const decided =
    ids.length > 0
      ? await ctx.db
          .select({ formId: checkDecisions.formId, version: checkDecisions.versionNumber, n: count() })
          .from(checkDecisions)
          .where(inArray(checkDecisions.formId, ids))
          .groupBy(checkDecisions.formId, checkDecisions.versionNumber)
      : [];
  const decidedOf = new Map(decided.map((d) => [`${d.formId}:${String(d.version)}`, d.n]));
  return rows.map(({ form, unitName, unitType, campaignTitle, rows: versionRows }) => ({
    formId: form.id,
    campaignId: form.campaignId,
    campaignTitle,
    unitName,
    unitType,
    status: form.status,
    versionNumber: form.lastVersionNumber,
    rowCount: versionRows.length,
    decidedCount: decidedOf.get(`${form.id}:${String(form.lastVersionNumber)}`) ?? 0,
    submittedAt: form.submittedAt,
    checkingStartedAt: form.checkingStartedAt,
  }));
}
