import { eq, sql } from 'drizzle-orm';
import { DomainError, shanghaiIsoDate, transitionForm } from '@zhengji/domain';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import { formVersions, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { formContentHash } from '../../form/form-content.ts';
import { contentProblem } from '../../form/form-readiness.ts';
import { formFacts, loadFormFor, rowsOf } from '../../db/queries/form-state.ts';
import { presentForm, type FormView } from '../../presenters/form-view.ts';

/**
 * Freezes the current content as the next numbered, immutable version (定稿) with its content hash: the copy to print,
 * seal and scan. Refused while a rule error remains (the rows named), without contact details, with a stale `version`,
 * or outside the unit's window. The content stays read-only until submitted or unfinalized.
 */
export async function finalizeForm(ctx: UseCaseContext, formId: string, input: { version: number }): Promise<FormView> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'finalize', true);
    const { form, campaign } = state;
    transitionForm(form.status, 'save', formFacts(state, now));
    if (form.version !== input.version)
      throw new DomainError('STALE_VERSION', '推荐表已被他人修改，请重新加载、核对后再定稿', { currentVersion: form.version });
    const rows = (await rowsOf(tx, formId)).map(({ id: _id, ...row }) => row);
    const header = { contactName: form.contactName, contactPhone: form.contactPhone, fillDate: form.fillDate ?? shanghaiIsoDate(now) };
    const problem = await contentProblem(tx, ctx.config, campaign, header, rows, '定稿');
    if (problem) throw new DomainError('INVALID_STATE', problem);
    const hash = formContentHash({ campaignId: campaign.id, unitId: form.unitId, header, rows });
    const [last] = await tx
      .select({ n: sql<number>`coalesce(max(${formVersions.number}), 0)::int` })
      .from(formVersions)
      .where(eq(formVersions.formId, formId));
    const number = (last?.n ?? 0) + 1;
    await tx.insert(formVersions).values({ formId, number, header, rows, contentHash: hash, finalizedBy: actor.userId, finalizedAt: now });
    const [updated] = await tx
      .update(forms)
      .set({
        finalizedVersionNo: number,
        fillDate: header.fillDate,
        scanFileId: null,
        scanMatch: null,
        pendingScanFileId: null,
        version: form.version + 1,
        updatedAt: now,
        updatedBy: actor.userId,
      })
      .where(eq(forms.id, formId))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'form.finalize',
      objectType: 'form',
      objectId: formId,
      changes: { versionNumber: number, contentHash: hash, verificationCode: verificationCodeOf(hash), rows: rows.length },
    });
    return { ...state, form: updated! };
  });
  return presentForm(ctx.db, { actor, config: ctx.config, now }, state);
}
