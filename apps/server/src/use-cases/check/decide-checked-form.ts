import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { AcceptCheckedSchema, ReturnCheckedSchema } from '@zhengji/domain/check/check.schemas.ts';
import type { Db } from '../../db/client.ts';
import { checkDecisions } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireUser } from '../../access/require-access.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { acceptFormIn } from '../form/accept-form.ts';
import { returnFormIn } from '../form/return-form.ts';
import { lastVersionOf, presentCheck, type CheckView } from '../../presenters/check-view.ts';
import { CHECK_STALE_MESSAGE } from './save-check-decisions.ts';

/**
 * Before accepting or returning, inside the same transaction: the clerk's version must still be current, and undecided
 * rows are recorded as passed when accepting. Two clerks at once: one wins, the other gets 409 (STALE_VERSION here, or
 * INVALID_STATE from the workflow) and nothing of theirs is written; a refused accept leaves no pass decision behind.
 */
async function checkVersion(tx: Db, ctx: UseCaseContext, formId: string, version: number, fillPasses: boolean): Promise<void> {
  const actor = requireUser(ctx.actor); // the object gate in loadFormFor requires the form's 'check'
  const state = await loadFormFor(tx, actor, formId, 'check', true);
  if (state.form.version !== version) throw new DomainError('STALE_VERSION', CHECK_STALE_MESSAGE);
  if (!fillPasses || state.form.status !== 'submitted') return;
  const v = await lastVersionOf(tx, formId, state.form.lastVersionNumber);
  const decided = new Set(
    (
      await tx
        .select({ i: checkDecisions.rowIndex })
        .from(checkDecisions)
        .where(and(eq(checkDecisions.formId, formId), eq(checkDecisions.versionNumber, v.number)))
    ).map((d) => d.i),
  );
  const now = ctx.clock.now();
  const missing = v.rows.map((_, i) => i).filter((i) => !decided.has(i));
  if (missing.length === 0) return;
  await tx
    .insert(checkDecisions)
    .values(missing.map((rowIndex) => ({ formId, versionNumber: v.number, rowIndex, decision: 'pass' as const, decidedBy: actor.userId, decidedAt: now })));
  await writeAudit(tx, ctx, { action: 'check.decide', objectType: 'form', objectId: formId, changes: { versionNumber: v.number, passedByDefault: missing } });
}

/** Accepts a checked form (受理) in one transaction: rows without a decision pass, then the form is accepted. */
export async function acceptCheckedForm(ctx: UseCaseContext, formId: string, input: z.input<typeof AcceptCheckedSchema>): Promise<CheckView> {
  const data = AcceptCheckedSchema.parse(input);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    await checkVersion(tx, ctx, formId, data.version, true);
    return acceptFormIn(tx, ctx, formId, now);
  });
  return presentCheck(ctx, state, now);
}

/** Returns a checked form with a reason (required) and a time limit, in one transaction; the unit is told in the application and by e-mail. */
export async function returnCheckedForm(ctx: UseCaseContext, formId: string, input: z.input<typeof ReturnCheckedSchema>): Promise<CheckView> {
  const data = ReturnCheckedSchema.parse(input);
  const now = ctx.clock.now();
  const state = await ctx.db.transaction(async (tx) => {
    await checkVersion(tx, ctx, formId, data.version, false);
    return returnFormIn(tx, ctx, formId, { reason: data.reason, until: data.until }, now);
  });
  return presentCheck(ctx, state, now);
}
