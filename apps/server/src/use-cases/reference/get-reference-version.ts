import { eq } from 'drizzle-orm';
import { referenceVersions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { assertAccess } from '../../access/require-access.ts';
import { presentVersion } from './list-reference-versions.ts';

/** One version with its full import report (counts, row errors and warnings, diff from the active version), as the object gate allows. */
export async function getReferenceVersion(ctx: UseCaseContext, id: string) {
  const [row] = await ctx.db
    .select({ v: referenceVersions, importer: users.displayName })
    .from(referenceVersions)
    .leftJoin(users, eq(users.id, referenceVersions.importedBy))
    .where(eq(referenceVersions.id, id));
  assertAccess(ctx.actor, 'reference.versions.read', row);
  return presentVersion(ctx, row.v, row.importer, true);
}
