import { asc, eq, sql } from 'drizzle-orm';
import { FORM_VERSION_STATES, type FormVersionSummary } from '@zhengji/domain/form/form-view.schemas.ts';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import { formVersions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';

/** The state of a stored version. */
export function versionState(v: { submittedAt: Date | null; voidedAt: Date | null }): (typeof FORM_VERSION_STATES)[number] {
  return v.submittedAt ? 'submitted' : v.voidedAt ? 'voided' : 'finalized';
}

/** The finalized versions of a form (submitted, voided or current), oldest first. */
export async function listFormVersions(ctx: UseCaseContext, formId: string): Promise<FormVersionSummary[]> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  await loadFormFor(ctx.db, actor, formId, 'viewHistory');
  const rows = await ctx.db
    .select({
      number: formVersions.number,
      contentHash: formVersions.contentHash,
      rowCount: sql<number>`jsonb_array_length(${formVersions.rows})::int`,
      finalizedAt: formVersions.finalizedAt,
      voidedAt: formVersions.voidedAt,
      scanFileId: formVersions.scanFileId,
      scanMatch: formVersions.scanMatch,
      submittedAt: formVersions.submittedAt,
      submittedBy: users.displayName,
    })
    .from(formVersions)
    .leftJoin(users, eq(users.id, formVersions.submittedBy))
    .where(eq(formVersions.formId, formId))
    .orderBy(asc(formVersions.number));
  return rows.map((r) => ({ ...r, state: versionState(r), verificationCode: verificationCodeOf(r.contentHash) }));
}
