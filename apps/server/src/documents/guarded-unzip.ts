import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';

/**
 * The one guarded unzip of every uploaded OOXML file (.xlsx / .docx): form import, expert list, reference lists.
 * Checks what the bytes are, then expands entries under one set of archive-bomb limits, counting real bytes.
 */

/** Largest file accepted for import or upload (20 MB). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Limits applied while expanding an OOXML (zip) file, against archive bombs. */
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  /** Largest expanded/compressed ratio of one entry once it is past `ratioGraceBytes`. */
  maxRatio: number;
  ratioGraceBytes: number;
}

/** The limits of every upload (tests may lower them through `readOoxmlEntries`' options). */
export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioGraceBytes: 100 * 1024,
};

/** The file cannot be read at all; the message says why and what to do. */
export class ImportFailure extends Error {}

export type OoxmlKind = 'xlsx' | 'docx';

const KIND_NAMES: Record<OoxmlKind, { app: string; ext: string; old: string; kind: string }> = {
  xlsx: { app: 'Excel 或 WPS 表格', ext: '.xlsx', old: '.xls', kind: 'Excel' },
  docx: { app: 'Word 或 WPS 文字', ext: '.docx', old: '.doc', kind: 'Word' },
};

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ENCRYPTED_MARKERS = ['EncryptedPackage', 'EncryptionInfo'].map((name) => Buffer.from(name, 'utf16le'));

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/**
 * Checks what the bytes are before unzipping: size, password protection (an encrypted OOXML is a CFB
 * container holding an EncryptedPackage stream), the old binary formats (also CFB), anything not a zip.
 */
export function assertOoxmlContainer(bytes: Buffer, kind: OoxmlKind): void {
  const names = KIND_NAMES[kind];
  if (bytes.length > MAX_UPLOAD_BYTES) {
    throw new ImportFailure(`文件大小为 ${megabytes(bytes.length)} MB，超过 ${megabytes(MAX_UPLOAD_BYTES)} MB 的上限，请删除无关内容（如图片）后重新导入。`);
  }
  if (bytes.length === 0) throw new ImportFailure('文件为空，请选择填写好的文件重新导入。');
  if (bytes.subarray(0, 8).equals(CFB_SIGNATURE)) {
    if (ENCRYPTED_MARKERS.some((marker) => bytes.includes(marker))) {
      throw new ImportFailure(`文件设置了打开密码（已加密），系统无法读取。请在 ${names.app} 中打开文件，取消密码保护后另存为 ${names.ext} 再导入。`);
    }
    throw new ImportFailure(`这是旧版二进制格式（${names.old}，Office 97-2003），不支持导入。请在 ${names.app} 中打开后“另存为”${names.ext} 格式再导入。`);
  }
  if (!bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new ImportFailure(`文件不是有效的 ${names.ext} 文件（可能已损坏或扩展名不对）。请在 ${names.app} 中打开并另存为 ${names.ext} 后再导入。`);
  }
}

function corrupt(kind: OoxmlKind): ImportFailure {
  const names = KIND_NAMES[kind];
  return new ImportFailure(`${names.kind} 文件已损坏或不完整，无法读取。请在 ${names.app} 中打开确认内容完整，另存为 ${names.ext} 后重新导入。`);
}

function bomb(detail: string): ImportFailure {
  return new ImportFailure(`文件解压后${detail}，超出安全限制（疑似“压缩炸弹”），系统拒绝读取。请检查文件来源，或将内容复制到新的模板中重新导入。`);
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
      if (err !== null || zip === undefined) reject(err ?? new Error('zip'));
      else resolve(zip);
    });
  });
}

/** Expands one entry, counting real bytes so that a header that lies about sizes cannot get past the limits. */
function expandEntry(zip: ZipFile, entry: Entry, limits: ZipLimits, totalSoFar: number, keep: boolean): Promise<{ size: number; data?: Buffer }> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err !== null || stream === undefined) {
        reject(err ?? new Error('stream'));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        const ratioExceeded = size > limits.ratioGraceBytes && size > Math.max(1, entry.compressedSize) * limits.maxRatio;
        if (totalSoFar + size > limits.maxTotalBytes || ratioExceeded) {
          stream.destroy();
          reject(bomb(ratioExceeded ? `压缩比超过 ${limits.maxRatio}:1（${entry.fileName}）` : `超过 ${megabytes(limits.maxTotalBytes)} MB`));
          return;
        }
        if (keep) chunks.push(chunk);
      });
      stream.on('error', reject);
      stream.on('end', () => resolve({ size, data: keep ? Buffer.concat(chunks) : undefined }));
    });
  });
}

/**
 * Expands an OOXML file with archive-bomb limits (entry count, total expanded size, per-entry ratio, streamed
 * and aborted as soon as a limit is passed) and returns the entries `keep` selects. Every entry is expanded
 * once, so that another reader (exceljs) can later read the same bytes safely.
 */
export async function readOoxmlEntries(
  bytes: Buffer,
  kind: OoxmlKind,
  keep: (name: string) => boolean,
  options: { zipLimits?: Partial<ZipLimits> } = {},
): Promise<Map<string, Buffer>> {
  const limits: ZipLimits = { ...ZIP_LIMITS, ...options.zipLimits };
  assertOoxmlContainer(bytes, kind);
  let zip: ZipFile;
  try {
    zip = await openZip(bytes);
  } catch {
    throw corrupt(kind);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw bomb(`包含 ${zip.entryCount} 个文件（上限 ${limits.maxEntries} 个）`);
  }
  const kept = new Map<string, Buffer>();
  let total = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        if (total + entry.uncompressedSize > limits.maxTotalBytes) {
          reject(bomb(`超过 ${megabytes(limits.maxTotalBytes)} MB`));
          return;
        }
        const wanted = keep(entry.fileName);
        expandEntry(zip, entry, limits, total, wanted).then(({ size, data }) => {
          total += size;
          if (data !== undefined) kept.set(entry.fileName, data);
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
  } catch (error) {
    if (error instanceof ImportFailure) throw error;
    throw corrupt(kind);
  } finally {
    zip.close();
  }
  return kept;
}
