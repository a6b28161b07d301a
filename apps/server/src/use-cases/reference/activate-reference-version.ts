import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { referenceVersions } from '../../db/schema/index.ts';
import type { ImportReport } from '../../reference/prepare-import.ts';
import { invalidateReferenceCache } from '../../reference/reference-cache.ts';
import { supersedeActive } from '../../reference/reference-queries.ts';
import { writeAudit } from '../audit/write-audit.ts';
import type { UseCaseContext } from '../context.ts';
import { assertAccess } from '../../access/require-access.ts';
import { getReferenceVersion } from './get-reference-version.ts';

/** Confirms a preview: the draft becomes the active version of its kind and the previous one is superseded. */
export async function activateReferenceVersion(ctx: UseCaseContext, id: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(referenceVersions).where(eq(referenceVersions.id, id)).for('update');
    assertAccess(ctx.actor, 'reference.activate', row);
    if (row.status !== 'draft')
      throw new DomainError('INVALID_STATE', row.status === 'active' ? '该版本已经生效' : '已被替代的版本不能再次启用；如需恢复，请重新导入该文件');
    const report = row.importReport as ImportReport;
    if (report.errorCount > 0) {
      throw new DomainError('INVALID_STATE', `预览中有 ${report.errorCount} 处错误，不能启用；请按导入报告修正文件后重新导入，并放弃此预览`);
    }
    await supersedeActive(tx, row.kind);
    await tx.update(referenceVersions).set({ status: 'active', activatedAt: ctx.clock.now() }).where(eq(referenceVersions.id, id));
    await writeAudit(tx, ctx, {
      action: 'reference.activate',
      objectType: 'reference_version',
      objectId: id,
      changes: { kind: row.kind, name: row.name, contentHash: row.contentHash },
    });
  });
  invalidateReferenceCache(ctx.db);
  return getReferenceVersion(ctx, id);
}
