import { createHash } from 'node:crypto';
import { DomainError, type Actor, type Clock } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { storedFiles } from '../../db/schema/index.ts';

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

/** Writes a checked file into the stored files, inside the caller's transaction; answers its metadata. */
export async function storeFile(
  tx: Db,
  ctx: { actor: Actor; clock: Clock },
  file: IncomingFile & { mime: string; ownerUnitId: string | null },
): Promise<StoredFileInfo> {
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const originalName = [...file.originalName.replace(/[\u0000-\u001f\u007f/\\]/g, '_')].slice(0, 200).join('') || 'scan';
  const [row] = await tx
    .insert(storedFiles)
    .values({
      sha256,
      mime: file.mime,
      size: file.content.length,
      originalName,
      ownerUnitId: file.ownerUnitId,
      uploadedBy: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      createdAt: ctx.clock.now(),
      content: file.content,
    })
    .returning({
      id: storedFiles.id,
      sha256: storedFiles.sha256,
      mime: storedFiles.mime,
      size: storedFiles.size,
      originalName: storedFiles.originalName,
      createdAt: storedFiles.createdAt,
    });
  return row!;
}
