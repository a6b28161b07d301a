import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { formVersions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { loadFormFor } from './form-state.ts';

/** One submitted version in the history list. */
export const FormVersionSummarySchema = z.object({
  number: z.number(),
  contentHash: z.string(),
  rowCount: z.number(),
  scanFileId: z.string(),
  submittedAt: z.date(),
  submittedBy: z.string().nullable(),
});
/** One submitted version in the history list. */
export type FormVersionSummary = z.infer<typeof FormVersionSummarySchema>;

/** The submitted versions of a form, oldest first. */
export async function listFormVersions(ctx: UseCaseContext, formId: string): Promise<FormVersionSummary[]> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  await loadFormFor(ctx.db, actor, formId, 'viewHistory');
  return ctx.db
    .select({
      number: formVersions.number,
      contentHash: formVersions.contentHash,
      rowCount: sql<number>`jsonb_array_length(${formVersions.rows})::int`,
      scanFileId: formVersions.scanFileId,
      submittedAt: formVersions.submittedAt,
      submittedBy: users.displayName,
    })
    .from(formVersions)
    .leftJoin(users, eq(users.id, formVersions.submittedBy))
    .where(eq(formVersions.formId, formId))
    .orderBy(asc(formVersions.number));
}
