import { and, asc, eq } from 'drizzle-orm';
import { DomainError, checkRows } from '@zhengji/domain';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import type { CheckView } from '@zhengji/domain/check/check-view.schemas.ts';
import { formAbilities } from '@zhengji/domain/form/form.policy.ts';
import type { Db } from '../db/client.ts';
import { auditLog, checkDecisions, formVersions, units } from '../db/schema/index.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { referenceIndexFor } from '../db/queries/form-reference.ts';
import { formFacts, type FormState } from '../db/queries/form-state.ts';

/** The check view (CheckViewSchema in the domain), as this presenter returns it. */
export type { CheckView };

/** The last submitted version of a form (NOT_FOUND before the first submission). */
export async function lastVersionOf(db: Db, formId: string, number: number) {
  const [version] = await db
    .select()
    .from(formVersions)
    .where(and(eq(formVersions.formId, formId), eq(formVersions.number, number)));
  if (!version) throw new DomainError('NOT_FOUND', '该推荐表尚未提交，没有可核验的版本');
  return version;
}

/** Builds the check view of a loaded form for the actor now. */
export async function presentCheck(ctx: Pick<UseCaseContext, 'db' | 'actor' | 'config'>, state: FormState, now: Date): Promise<CheckView> {
  const { form, campaign } = state;
  const version = await lastVersionOf(ctx.db, form.id, form.lastVersionNumber);
  const index = await referenceIndexFor(ctx.db, ctx.config, campaign.id);
  const findings = checkRows(version.rows, index, { industryTags: campaign.industryTags.length > 0 ? campaign.industryTags : undefined });
  const decisions = await ctx.db
    .select()
    .from(checkDecisions)
    .where(and(eq(checkDecisions.formId, form.id), eq(checkDecisions.versionNumber, version.number)));
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
      return {
        ...row,
        rowIndex: i,
        findings: findings[i] ?? [],
        decision: d ? { decision: d.decision, reasonCode: d.reasonCode, reasonText: d.reasonText, overrides: d.overrides, decidedAt: d.decidedAt } : null,
      };
    }),
    history,
    abilities: formAbilities(ctx.actor, form, formFacts(state, now)),
  };
}
