import { formatShanghaiTimestamp } from '@zhengji/domain';

/**
 * The CSV files of the campaign dossier, written for Excel and WPS on Windows: UTF-8 with a BOM (so the Chinese is not
 * read as GBK), CRLF line ends, every cell quoted (line breaks and commas inside a cell stay in it), text that
 * looks like a formula defused with a leading apostrophe, times as Asia/Shanghai wall time `2024-10-22 14:03:05`.
 */

/** A cell value: text, number, instant or nothing. */
export type CsvValue = string | number | boolean | Date | null | undefined;

function cell(v: CsvValue): string {
  const s = v === null || v === undefined ? '' : v instanceof Date ? formatShanghaiTimestamp(v) : typeof v === 'boolean' ? (v ? '是' : '否') : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/\r?\n/g, '\r\n').replace(/"/g, '""')}"`;
}

/** A CSV text: BOM, header row, rows, CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** A file or folder name any file system and zip reader accept: forbidden characters replaced, length capped. */
export function dossierName(s: string, max = 80): string {
  return (
    s
      .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, '_')
      .trim()
      .slice(0, max) || '_'
  );
}
