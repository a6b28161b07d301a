import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { referenceVersions } from '../../db/schema/index.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { assertAccess } from '../../access/require-access.ts';

/** Discards a preview (draft) version and its records; active and superseded versions are kept for reproducibility. */
export async function discardReferenceVersion(ctx: UseCaseContext, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(referenceVersions).where(eq(referenceVersions.id, id)).for('update');
    assertAccess(ctx.actor, 'reference.import', row);
    if (row.status !== 'draft') throw new DomainError('INVALID_STATE', '只能放弃尚未生效的预览版本；已生效或被替代的版本须保留，以便复核历年征集');
    await tx.delete(referenceVersions).where(eq(referenceVersions.id, id));
    await writeAudit(tx, ctx, { action: 'reference.discard', objectType: 'reference_version', objectId: id, changes: { kind: row.kind, name: row.name } });
  });
}
