import { transitionForm } from '@zhengji/domain';
import { eq } from 'drizzle-orm';
import { forms } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { attachFile, attachingPendingFiles, checkScanFile, storePendingFile, type IncomingFile, type StoredFileInfo } from '../file/store-file.ts';
import { discardFileIfUnreferenced } from '../file/discard-file.ts';
import { formFacts, loadFormFor } from './form-state.ts';

/**
 * Stores the scan of the printed form bearing the unit seal (PDF, JPEG or PNG by content, at most 20 MB). The content is
 * written first, outside the transaction (see storePendingFile), and attached by the transaction; the scan it replaces
 * is deleted unless a submitted version refers to it.
 */
export async function uploadScan(ctx: UseCaseContext, formId: string, file: IncomingFile): Promise<StoredFileInfo> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const before = await loadFormFor(ctx.db, actor, formId, 'uploadScan');
  transitionForm(before.form.status, 'save', formFacts(before, now));
  const mime = checkScanFile(file);
  const pending = await storePendingFile(ctx, { ...file, mime, ownerUnitId: before.form.unitId });
  return attachingPendingFiles(ctx.db, [pending], () => ctx.db.transaction(async (tx) => {
    const state = await loadFormFor(tx, actor, formId, 'uploadScan', true);
    transitionForm(state.form.status, 'save', formFacts(state, now));
    const stored = await attachFile(tx, pending, state.form.unitId);
    await tx.update(forms).set({ scanFileId: stored.id, updatedAt: now, updatedBy: actor.userId }).where(eq(forms.id, formId));
    await discardFileIfUnreferenced(tx, state.form.scanFileId);
    await writeAudit(tx, ctx, {
      action: 'form.uploadScan',
      objectType: 'form',
      objectId: formId,
      changes: { fileId: stored.id, sha256: stored.sha256, mime, size: stored.size, originalName: stored.originalName, replaced: state.form.scanFileId },
    });
    return stored;
  }));
}
