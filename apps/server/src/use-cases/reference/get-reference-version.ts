import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { referenceVersions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReference } from './reference-policy.ts';
import { presentVersion } from './list-reference-versions.ts';

/** One version with its full import report (counts, row errors and warnings, diff from the active version). */
export async function getReferenceVersion(ctx: UseCaseContext, id: string) {
  authorizeReference(ctx.actor, 'reference.versions.read');
  const [row] = await ctx.db
    .select({ v: referenceVersions, importer: users.displayName })
    .from(referenceVersions)
    .leftJoin(users, eq(users.id, referenceVersions.importedBy))
    .where(eq(referenceVersions.id, id));
  if (!row) throw new DomainError('NOT_FOUND', '该数据版本不存在');
  return presentVersion(ctx, row.v, row.importer, true);
}
