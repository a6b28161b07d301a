import yauzl from 'yauzl';
import { DomainError } from '@zhengji/domain';

/** An .xlsx may expand to at most this many bytes in total … */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** … with at most this many entries and no entry compressed more than this ratio (beyond 1 MB). */
export const MAX_XLSX_ENTRIES = 2000;
export const MAX_XLSX_RATIO = 200;

const bomb = (detail: string): DomainError =>
  new DomainError('VALIDATION', `Excel 文件解压后过大（${detail}），疑似“压缩炸弹”，已拒绝导入；请检查文件来源，或另存为普通 .xlsx 后重试。当前生效版本未受影响。`);
const broken = (): DomainError =>
  new DomainError('VALIDATION', 'Excel 文件已损坏或不完整（无法解压），可能在传输中被截断；请重新导出 .xlsx 后导入。当前生效版本未受影响。');

/**
 * Checks an .xlsx (a zip) before exceljs inflates it: the central directory's declared sizes and ratios, then the
 * actual inflated bytes (yauzl verifies them against the declared sizes), stopping as soon as a limit is passed.
 */
export function checkZipLimits(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(broken());
      let declared = 0;
      let inflated = 0;
      let entries = 0;
      const fail = (e: DomainError) => {
        zip.close();
        reject(e);
      };
      zip.on('error', () => fail(broken()));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries++;
        declared += entry.uncompressedSize;
        if (entries > MAX_XLSX_ENTRIES) return fail(bomb(`超过 ${MAX_XLSX_ENTRIES} 个内部文件`));
        if (declared > MAX_XLSX_UNCOMPRESSED_BYTES) return fail(bomb(`声明解压大小超过 ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`));
        const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
        if (entry.uncompressedSize > 1024 * 1024 && ratio > MAX_XLSX_RATIO) return fail(bomb(`压缩比 ${Math.round(ratio)}:1`));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return fail(broken());
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > MAX_XLSX_UNCOMPRESSED_BYTES) {
              stream.destroy();
              fail(bomb(`实际解压超过 ${MAX_XLSX_UNCOMPRESSED_BYTES / 1024 / 1024} MB`));
            }
          });
          stream.on('error', () => fail(broken()));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}
