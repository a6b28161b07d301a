import { and, eq } from 'drizzle-orm';
import { hasRole } from '@zhengji/domain';
import { formImportPreviews } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { actingForUnit } from '../../form/acting-for-unit.ts';
import { assertAccess } from '../../access/require-access.ts';

/** Drops an import preview without touching the form (its uploader only). */
export async function discardFormImport(ctx: UseCaseContext, formId: string, previewId: string): Promise<void> {
  const user = requireAllowed(hasRole(ctx.actor, 'unit', 'center'), ctx.actor);
  const state = await loadFormFor(ctx.db, user, formId, 'view');
  const actor = actingForUnit(user, state.form.unitId);
  await ctx.db.transaction(async (tx) => {
    const [preview] = await tx
      .select({ id: formImportPreviews.id, userId: formImportPreviews.createdBy })
      .from(formImportPreviews)
      .where(and(eq(formImportPreviews.id, previewId), eq(formImportPreviews.formId, formId)))
      .for('update');
    assertAccess(user, 'formImport.use', preview);
    await tx.delete(formImportPreviews).where(eq(formImportPreviews.id, preview.id));
    await writeAudit(tx, { ...ctx, actor }, { action: 'form.import.discard', objectType: 'form', objectId: formId, changes: { previewId } });
  });
}
