import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { SCAN_MATCH_KINDS } from '@zhengji/domain';
import { verificationCodeOf } from '@zhengji/domain/check/check.schemas.ts';
import { formVersions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';

/** What became of a finalized version: submitted, voided (撤销定稿), or the current 定稿 awaiting its scan and submission. */
export const FORM_VERSION_STATES = ['submitted', 'voided', 'finalized'] as const;

/** One finalized version in the history list. */
export const FormVersionSummarySchema = z.object({
  number: z.number(),
  state: z.enum(FORM_VERSION_STATES),
  contentHash: z.string(),
  verificationCode: z.string(),
  rowCount: z.number(),
  finalizedAt: z.date(),
  voidedAt: z.date().nullable(),
  scanFileId: z.string().nullable(),
  scanMatch: z.enum(SCAN_MATCH_KINDS).nullable(),
  submittedAt: z.date().nullable(),
  submittedBy: z.string().nullable(),
});

/** The state of a stored version. */
export function versionState(v: { submittedAt: Date | null; voidedAt: Date | null }): (typeof FORM_VERSION_STATES)[number] {
  return v.submittedAt ? 'submitted' : v.voidedAt ? 'voided' : 'finalized';
}
/** One submitted version in the history list. */
export type FormVersionSummary = z.infer<typeof FormVersionSummarySchema>;

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
