// One read of an .xlsx by one reader, in a process of its own so that its peak memory can be measured:
// `node --import tsx bench/support/xlsx-read-child.ts hand|exceljs <file>` prints one JSON line.
import { readFile } from 'node:fs/promises';
import type { CellValue } from 'exceljs';

type Reader = (bytes: Buffer) => Promise<string[][]>;

async function handReader(): Promise<Reader> {
  const { readOoxmlEntries } = await import('../../apps/server/src/documents/guarded-unzip.ts');
  const { isXlsxValuePart, readXlsxSheets } = await import('../../apps/server/src/documents/xlsx-reader.ts');
  return async (bytes) => {
    const [sheet] = readXlsxSheets(await readOoxmlEntries(bytes, 'xlsx', isXlsxValuePart), 64);
    if (!sheet) return [];
    return [...sheet.cells.entries()].sort(([a], [b]) => a - b).map(([, row]) => [...row.entries()].sort(([a], [b]) => a - b).map(([, v]) => v));
  };
}

async function exceljsReader(): Promise<Reader> {
  const { default: ExcelJS } = await import('exceljs');
  const { readOoxmlEntries } = await import('../../apps/server/src/documents/guarded-unzip.ts');
  const text = (v: CellValue): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if (typeof v === 'object') {
      if ('richText' in v) return v.richText.map((t) => t.text).join('');
      if ('text' in v) return String(v.text);
      if ('result' in v) return text(v.result as CellValue);
      return '';
    }
    return String(v);
  };
  return async (bytes) => {
    // The same archive-bomb guard first (exceljs inflates everything itself), keeping nothing.
    await readOoxmlEntries(bytes, 'xlsx', () => false);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const rows: string[][] = [];
    ws?.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell) => void values.push(text(cell.value)));
      rows.push(values.filter((v) => v !== ''));
    });
    return rows;
  };
}

const [which, file] = process.argv.slice(2);
const bytes = await readFile(file!);
const read = which === 'hand' ? await handReader() : await exceljsReader();
global.gc?.();
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const rows = await read(bytes);
const ms = performance.now() - started;
const peakRss = process.resourceUsage().maxRSS * 1024;
const cells = rows.reduce((n, r) => n + r.length, 0);
const checksum = rows.flat().join('\u0001').length;
console.log(JSON.stringify({ ms, rssBefore, peakRss, rows: rows.length, cells, checksum, sample: rows[rows.length - 1] }));
