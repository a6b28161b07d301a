import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readOoxmlEntries } from './guarded-unzip.ts';
import { isXlsxValuePart, readXlsxSheets, type SheetCells } from './xlsx-reader.ts';

// The one reader of uploaded .xlsx files, on files written by exceljs and by LibreOffice Calc (what a WPS or Excel
// user's file looks like is covered by the import tests; these two writers differ in shared strings, inline strings,
// row and cell references left out, styles and formula caching).
const run = promisify(execFile);

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['职业编码', '职业名称', '人次', '比例', '备注']);
  ws.addRow(['4-10-01-05', '养老<护理>员 & “伙伴”', 3000, 0.5, { richText: [{ text: '加粗', font: { bold: true } }, { text: '与普通' }] }]);
  ws.addRow(['4-04-05-05', '', 800, { formula: 'C2+C3', result: 3800 }, '  前后空格  ']);
  ws.getCell('A5').value = '合并';
  ws.mergeCells('A5:C6');
  ws.getCell('E100').value = '远处的一格';
  const hidden = wb.addWorksheet('说明');
  hidden.state = 'hidden';
  hidden.getCell('A1').value = '隐藏的说明';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function read(bytes: Buffer): Promise<SheetCells[]> {
  return readXlsxSheets(await readOoxmlEntries(bytes, 'xlsx', isXlsxValuePart), 20);
}

const rowsOf = (sheet: SheetCells | undefined) =>
  Object.fromEntries([...(sheet?.cells ?? [])].map(([r, cells]) => [r + 1, Object.fromEntries([...cells].map(([c, v]) => [String.fromCharCode(65 + c), v]))]));

function expectTheSheet(sheets: SheetCells[]): void {
  expect(sheets.map((s) => [s.name, s.visible])).toEqual([
    ['名单', true],
    ['说明', false],
  ]);
  expect(rowsOf(sheets[0])).toEqual({
    1: { A: '职业编码', B: '职业名称', C: '人次', D: '比例', E: '备注' },
    2: { A: '4-10-01-05', B: '养老<护理>员 & “伙伴”', C: '3000', D: '0.5', E: '加粗与普通' },
    3: { A: '4-04-05-05', C: '800', D: '3800', E: '  前后空格  ' },
    5: { A: '合并' },
    100: { E: '远处的一格' },
  });
  expect(sheets[0]?.merges).toEqual([{ top: 4, left: 0, bottom: 5, right: 2 }]);
  expect(sheets[0]?.rowCount).toBe(100);
  expect(rowsOf(sheets[1])).toEqual({ 1: { A: '隐藏的说明' } });
}

describe('the xlsx reader', () => {
  it('reads a file written by exceljs: texts, numbers, rich text, formula results, merges, hidden sheets', async () => {
    expectTheSheet(await read(await workbook()));
  });

  it('reads the same file saved again by LibreOffice Calc', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zhengji-xlsx-'));
    await writeFile(join(dir, 'source.xlsx'), await workbook());
    await run(
      'soffice',
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        join(dir, 'lo'),
        join(dir, 'source.xlsx'),
      ],
      { timeout: 180_000 },
    );
    const saved = await readFile(join(dir, 'lo', 'source.xlsx'));
    expectTheSheet(await read(saved));
  }, 240_000);
});
