import { transitionForm } from '@zhengji/domain';
import { eq } from 'drizzle-orm';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { checkScanFile, storeFile, type IncomingFile, type StoredFileInfo } from '../file/store-file.ts';
import { formFacts, loadFormFor } from './form-state.ts';

/** Stores the scan of the printed form bearing the unit seal (PDF, JPEG or PNG by content, at most 20 MB). */
export async function uploadScan(ctx: UseCaseContext, formId: string, file: IncomingFile): Promise<StoredFileInfo> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'uploadScan', true);
    transitionForm(state.form.status, 'save', formFacts(state, now));
    const mime = checkScanFile(file);
    const stored = await storeFile(tx, ctx, { ...file, mime, ownerUnitId: state.form.unitId });
    await tx.update(forms).set({ scanFileId: stored.id, updatedAt: now, updatedBy: actor.userId }).where(eq(forms.id, formId));
    await writeAudit(tx, ctx, {
      action: 'form.uploadScan',
      objectType: 'form',
      objectId: formId,
      changes: { fileId: stored.id, sha256: stored.sha256, mime, size: stored.size, originalName: stored.originalName },
    });
    return stored;
  });
}
