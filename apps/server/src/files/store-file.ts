import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { storedFileChunks, storedFiles } from '../db/schema/index.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { checkUploadAllowance } from './upload-allowance.ts';
import { sweepPendingFiles } from './discard-file.ts';

/** Largest file accepted (the multipart limit of the app is the same). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The content types a scan may have, with their Chinese names. */
export const SCAN_MIME_TYPES = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG' } as const;
/** One accepted content type. */
export type ScanMime = keyof typeof SCAN_MIME_TYPES;

/** A file as received, before it is stored. */
export interface IncomingFile {
  content: Buffer;
  originalName: string;
  /** Set by the multipart parser when the stream was cut at the size limit. */
  truncated?: boolean;
}

/** Metadata of a stored file (never its content). */
export interface StoredFileInfo {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  originalName: string;
  createdAt: Date;
}

const startsWith = (buf: Buffer, bytes: readonly number[], offset = 0) => bytes.every((b, i) => buf[offset + i] === b);

/** The content type recognized from the first bytes (PDF, JPEG, PNG), or null; the file name plays no part. */
export function detectScanMime(content: Buffer): ScanMime | null {
  // A PDF may carry a few bytes of garbage before the header; readers accept it within the first kilobyte.
  if (content.subarray(0, 1024).includes('%PDF-')) return 'application/pdf';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

function describeUnknown(content: Buffer): string {
  if (startsWith(content, [0x7f, 0x45, 0x4c, 0x46]) || startsWith(content, [0x4d, 0x5a])) return '该文件是可执行程序';
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) return '该文件是压缩包或 Word/Excel 文档';
  return '无法识别该文件的格式';
}

/** Refuses what is not a PDF, JPEG or PNG of 1 byte to 20 MB, recognized by content; answers its content type. */
export function checkScanFile(file: IncomingFile): ScanMime {
  if (file.truncated || file.content.length > MAX_FILE_BYTES) {
    throw new DomainError('PAYLOAD_TOO_LARGE', `文件“${file.originalName}”超过 20 MB，请降低扫描分辨率（如 200 dpi、灰度）后重新上传`);
  }
  if (file.content.length === 0) {
    throw new DomainError('VALIDATION', `文件“${file.originalName}”是空文件，请重新选择扫描件上传`);
  }
  const mime = detectScanMime(file.content);
  if (!mime) {
    throw new DomainError(
      'UNSUPPORTED_MEDIA',
      `${describeUnknown(file.content)}，不是 PDF、JPEG 或 PNG 文件（系统按文件内容识别，与扩展名无关），请上传加盖公章的推荐表扫描件`,
    );
  }
  return mime;
}

/** Size of one stored piece of content (one statement each; see stored_file_chunks). */
export const FILE_CHUNK_BYTES = 256 * 1024;

/** A file written outside the command's transaction, waiting for that transaction to attach it. */
export type PendingFile = StoredFileInfo;

type StoreContext = Pick<UseCaseContext, 'db' | 'actor' | 'clock' | 'ip'>;

/**
 * Writes a checked file as a pending file, piece by piece, each piece a short statement of its own and none inside a
 * transaction, so that other requests keep being served while a 20 MB scan is stored (PGlite runs one statement at a
 * time). Checks the uploader's rate and quota first (unless the caller did, e.g. before reading a scan). The command then attaches it with `attachFile` inside its
 * transaction; `releasePendingFile` removes it when the command fails, and pending files never attached are swept.
 */
export async function storePendingFile(
  ctx: StoreContext,
  file: IncomingFile & { mime: string; ownerUnitId: string | null },
  opts: { allowanceChecked?: boolean } = {},
): Promise<PendingFile> {
  if (!opts.allowanceChecked) await checkUploadAllowance(ctx, file.content.length);
  await sweepPendingFiles(ctx.db, ctx.clock.now());
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const originalName = [...file.originalName.replace(/[\u0000-\u001f\u007f/\\]/g, '_')].slice(0, 200).join('') || 'scan';
  const [row] = await ctx.db
    .insert(storedFiles)
    .values({
      sha256,
      mime: file.mime,
      size: file.content.length,
      originalName,
      ownerUnitId: file.ownerUnitId,
      uploadedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: ctx.clock.now(),
      pending: true,
    })
    .returning({
      id: storedFiles.id,
      sha256: storedFiles.sha256,
      mime: storedFiles.mime,
      size: storedFiles.size,
      originalName: storedFiles.originalName,
      createdAt: storedFiles.createdAt,
    });
  try {
    for (let seq = 0, at = 0; at < file.content.length || seq === 0; seq++, at += FILE_CHUNK_BYTES) {
      // Sent as base64 text: PGlite encodes a bytea parameter byte by byte, several times slower than decode() in SQL.
      const base64 = file.content.subarray(at, at + FILE_CHUNK_BYTES).toString('base64');
      await ctx.db.insert(storedFileChunks).values({ fileId: row!.id, seq, bytes: sql`decode(${base64}, 'base64')` });
      // Let waiting requests reach the database between two pieces (the loop alone would run on microtasks only).
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (e) {
    await releasePendingFile(ctx.db, row!.id).catch(() => undefined);
    throw e;
  }
  return row!;
}

/** Inside the command's transaction: makes a pending file permanent (and names the unit it belongs to). */
export async function attachFile(tx: Db, file: PendingFile, ownerUnitId: string | null): Promise<StoredFileInfo> {
  const [row] = await tx
    .update(storedFiles)
    .set({ pending: false, ownerUnitId })
    .where(and(eq(storedFiles.id, file.id), eq(storedFiles.pending, true)))
    .returning({ id: storedFiles.id });
  if (!row) throw new DomainError('CONFLICT', `文件“${file.originalName}”的上传已失效，请重新上传`);
  return file;
}

/** Removes a pending file (its command failed); a file already attached is left alone. */
export async function releasePendingFile(db: Db, id: string): Promise<void> {
  await db.delete(storedFiles).where(and(eq(storedFiles.id, id), eq(storedFiles.pending, true)));
}

/** Runs the command that attaches the pending files; when it fails, the files are removed and its error rethrown. */
export async function attachingPendingFiles<T>(db: Db, files: PendingFile[], command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (e) {
    for (const f of files) await releasePendingFile(db, f.id).catch(() => undefined);
    throw e;
  }
}
