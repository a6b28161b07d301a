import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError, SCAN_MATCH_KINDS, FindingSchema, FormHeaderSchema, FormRowSchema, checkRows } from '@zhengji/domain';
import { CHECK_FAIL_REASONS, verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import { FORM_POLICY_ACTIONS, formAbilities } from '@zhengji/domain/form/form.policy.ts';
import { FORM_STATUSES } from '@zhengji/domain/form/form.workflow.ts';
import type { Db } from '../db/client.ts';
import { auditLog, checkDecisions, formVersions, units } from '../db/schema/index.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { referenceIndexFor } from '../db/queries/form-reference.ts';
import { formFacts, type FormState } from '../db/queries/form-state.ts';

const DecisionSchema = z.object({
  decision: z.enum(['pass', 'fail']),
  reasonCode: z.enum(CHECK_FAIL_REASONS).nullable(),
  reasonText: z.string(),
  overrides: z.array(z.object({ code: z.string(), reason: z.string() })),
  decidedAt: z.date(),
});

/** A submitted form as the check page shows it: the sealed version's rows with findings and decisions, scan, history. */
export const CheckViewSchema = z.object({
  formId: z.string(),
  campaignId: z.string(),
  campaignTitle: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(FORM_STATUSES),
  version: z.number(),
  versionNumber: z.number(),
  verificationCode: z.string(),
  contentHash: z.string(),
  submittedAt: z.date(),
  scanFileId: z.string().nullable(),
  /** How the sealed scan was matched to the version: QR read (matched), code typed by the unit (manual), or null (before QR codes). */
  scanMatch: z.enum(SCAN_MATCH_KINDS).nullable(),
  checkingStartedAt: z.date().nullable(),
  returnReason: z.string().nullable(),
  header: FormHeaderSchema,
  rows: z.array(FormRowSchema.extend({ rowIndex: z.number(), findings: z.array(FindingSchema), decision: DecisionSchema.nullable() })),
  history: z.array(z.object({ at: z.date(), action: z.string(), actor: z.string().nullable(), changes: z.unknown() })),
  abilities: z.record(z.enum(FORM_POLICY_ACTIONS), z.boolean()),
});
/** The check page's data. */
export type CheckView = z.infer<typeof CheckViewSchema>;

/** The last submitted version of a form (NOT_FOUND before the first submission). */
export async function lastVersionOf(db: Db, formId: string, number: number) {
  const [version] = await db.select().from(formVersions).where(and(eq(formVersions.formId, formId), eq(formVersions.number, number)));
  if (!version) throw new DomainError('NOT_FOUND', '该推荐表尚未提交，没有可核验的版本');
  return version;
}

/** Builds the check view of a loaded form for the actor now. */
export async function presentCheck(ctx: Pick<UseCaseContext, 'db' | 'actor' | 'config'>, state: FormState, now: Date): Promise<CheckView> {
  const { form, campaign } = state;
  const version = await lastVersionOf(ctx.db, form.id, form.lastVersionNumber);
  const index = await referenceIndexFor(ctx.db, ctx.config, campaign.id);
  const findings = checkRows(version.rows, index, { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined });
  const decisions = await ctx.db.select().from(checkDecisions).where(and(eq(checkDecisions.formId, form.id), eq(checkDecisions.versionNumber, version.number)));
  const byRow = new Map(decisions.map((d) => [d.rowIndex, d]));
  const [unit] = await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, form.unitId));
  const history = await ctx.db
    .select({ at: auditLog.at, action: auditLog.action, actor: auditLog.actorUsername, changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.objectType, 'form'), eq(auditLog.objectId, form.id)))
    .orderBy(asc(auditLog.id));
  return {
    formId: form.id,
    campaignId: campaign.id,
    campaignTitle: campaign.title,
    unitId: form.unitId,
    unitName: unit?.name ?? '',
    status: form.status,
    version: form.version,
    versionNumber: version.number,
    verificationCode: verificationCodeOf(version.contentHash),
    contentHash: version.contentHash,
    submittedAt: version.submittedAt ?? version.finalizedAt,
    scanFileId: version.scanFileId,
    scanMatch: version.scanMatch,
    checkingStartedAt: form.checkingStartedAt,
    returnReason: form.returnReason,
    header: version.header,
    rows: version.rows.map((row, i) => {
      const d = byRow.get(i);
      return { ...row, rowIndex: i, findings: findings[i] ?? [], decision: d ? { decision: d.decision, reasonCode: d.reasonCode, reasonText: d.reasonText, overrides: d.overrides, decidedAt: d.decidedAt } : null };
    }),
    history,
    abilities: formAbilities(ctx.actor, form, formFacts(state, now)),
  };
}
