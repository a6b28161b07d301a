import { eq } from 'drizzle-orm';
import { DomainError, matchScan, type ScanMatch } from '@zhengji/domain';
import { forms } from '../../db/schema/index.ts';
import { readFormCodes } from '../../documents/scan-reader.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { attachFile, attachingPendingFiles, checkScanFile, storePendingFile, type IncomingFile } from '../../files/store-file.ts';
import { discardFileIfUnreferenced } from '../../files/discard-file.ts';
import { checkUploadAllowance } from '../../files/upload-allowance.ts';
import { finalizedTargetOf } from '../../db/queries/finalized-target.ts';
import { loadFormFor, requireWritingWindow } from '../../db/queries/form-state.ts';
import { presentForm } from '../../presenters/form-view.ts';
import type { ScanUploadResult } from '@zhengji/domain/form/form-view.schemas.ts';

/** The answer to a scan upload: the match, the file kept (null for a mismatch) and the form now. */

/**
 * Reads the QR code of an uploaded sealed scan (PDF pages, JPEG, PNG; outside any transaction) and compares it with the
 * finalized version: a matched scan becomes the form's scan; an unreadable one waits for the unit to type the code
 * printed on it (人工核对); a mismatch (another version, another form, a forged code) is refused and stored nowhere.
 * In every case but a match the form and its earlier scan stay as they were.
 */
export async function uploadScan(ctx: UseCaseContext, formId: string, file: IncomingFile): Promise<ScanUploadResult> {
  const actor = requireAllowed(ctx.actor.kind === 'user', ctx.actor);
  const now = ctx.clock.now();
  const before = await loadFormFor(ctx.db, actor, formId, 'uploadScan');
  const target = await finalizedTargetOf(ctx.db, before.form);
  requireWritingWindow(before, now);
  const mime = checkScanFile(file);
  // Rate and quota before reading: decoding costs CPU, a flood of uploads is refused before it.
  await checkUploadAllowance(ctx, file.content.length);
  const read = await readFormCodes(file.content, mime);
  if (read.status === 'invalid') throw new DomainError('VALIDATION', read.message);
  const codes = read.status === 'found' ? read.codes.map((c) => ({ ...c.payload, page: c.page })) : [];
  const found = matchScan(codes, target);
  const match: ScanMatch = read.status === 'timeout' ? { ...found, message: `${read.message}。${found.message}` } : found;
  // The content is written before, and outside, the transaction (chunk by chunk, so that other requests interleave).
  const pending =
    match.status === 'mismatch' ? null : await storePendingFile(ctx, { ...file, mime, ownerUnitId: before.form.unitId }, { allowanceChecked: true });
  const { state, stored } = await attachingPendingFiles(ctx.db, pending ? [pending] : [], () =>
    ctx.db.transaction(async (tx) => {
      const state = await loadFormFor(tx, actor, formId, 'uploadScan', true);
      if (state.form.finalizedVersionNo !== target.versionNo) {
        throw new DomainError('INVALID_STATE', '推荐表的定稿在上传期间发生了变化，请刷新页面，按当前定稿重新上传扫描件');
      }
      requireWritingWindow(state, now);
      const stored = pending ? await attachFile(tx, pending, state.form.unitId) : null;
      const change =
        stored === null
          ? null
          : match.status === 'matched'
            ? { scanFileId: stored.id, scanMatch: 'matched' as const, pendingScanFileId: null }
            : { pendingScanFileId: stored.id };
      const [form] = change
        ? await tx
            .update(forms)
            .set({ ...change, version: state.form.version + 1, updatedAt: now, updatedBy: actor.userId })
            .where(eq(forms.id, formId))
            .returning()
        : [state.form];
      // The scan (or pending scan) this one replaces is deleted unless a submitted version refers to it.
      if (change && 'scanFileId' in change) await discardFileIfUnreferenced(tx, state.form.scanFileId);
      if (change) await discardFileIfUnreferenced(tx, state.form.pendingScanFileId);
      await writeAudit(tx, ctx, {
        action: match.status === 'mismatch' ? 'form.rejectScan' : 'form.uploadScan',
        objectType: 'form',
        objectId: formId,
        changes: {
          match: match.status,
          finalizedVersion: target.versionNo,
          scanVersion: match.versionNo,
          fileId: stored?.id ?? null,
          sha256: stored?.sha256 ?? null,
          mime,
          size: file.content.length,
          originalName: file.originalName,
        },
      });
      return { state: { ...state, form: form! }, stored };
    }),
  );
  return { match, file: stored, form: await presentForm(ctx.db, { actor, config: ctx.config, now }, state) };
}
