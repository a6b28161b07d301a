import { and, eq, gt, getTableColumns } from 'drizzle-orm';
import { hasRole } from '@zhengji/domain';
import { formImportPreviews, forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { loadFormFor } from '../../db/queries/form-state.ts';
import { saveForm } from '../form/save-form.ts';
import type { FormView } from '../../presenters/form-view.ts';
import { actingForUnit } from '../../form/acting-for-unit.ts';
import { assertAccess } from '../../access/require-access.ts';

/** What the dialog sends: the version of the form the editor holds. */
export interface ConfirmFormImportInput {
  version: number;
}

/**
 * Replaces the draft's rows (and the header fields the file gave) with a preview's rows, through the save of the
 * form (deadline, status and version guards: a stale version is STALE_VERSION and nothing changes), then drops the
 * preview. Only its uploader confirms; center staff act on behalf of the form's unit.
 */
export async function confirmFormImport(ctx: UseCaseContext, formId: string, previewId: string, input: ConfirmFormImportInput): Promise<FormView> {
  const user = requireAllowed(hasRole(ctx.actor, 'unit', 'center'), ctx.actor);
  const state = await loadFormFor(ctx.db, user, formId, user.role === 'center' ? 'importOnBehalf' : 'save');
  const actingCtx = { ...ctx, actor: actingForUnit(user, state.form.unitId) };
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [preview] = await tx
      .select({ ...getTableColumns(formImportPreviews), userId: formImportPreviews.createdBy })
      .from(formImportPreviews)
      .where(and(eq(formImportPreviews.id, previewId), eq(formImportPreviews.formId, formId), gt(formImportPreviews.expiresAt, now)))
      .for('update');
    assertAccess(user, 'formImport.use', preview);
    const [form] = await tx
      .select({ contactName: forms.contactName, contactPhone: forms.contactPhone, fillDate: forms.fillDate })
      .from(forms)
      .where(eq(forms.id, formId));
    const header = {
      contactName: preview.header.contactName ?? form?.contactName ?? '',
      contactPhone: preview.header.contactPhone ?? form?.contactPhone ?? '',
      fillDate: preview.header.fillDate ?? form?.fillDate ?? null,
    };
    // The form's own save (its guards, validation, audit row) runs inside this transaction as a savepoint.
    const view = await saveForm({ ...actingCtx, db: tx }, formId, { version: input.version, header, rows: preview.rows });
    await tx.delete(formImportPreviews).where(eq(formImportPreviews.id, preview.id));
    await writeAudit(tx, actingCtx, {
      action: 'form.import',
      objectType: 'form',
      objectId: formId,
      changes: { previewId: preview.id, fileName: preview.fileName, kind: preview.kind, rows: preview.rows.length, version: view.version },
    });
    return view;
  });
}
