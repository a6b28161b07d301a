// Issue 15 item 4: the hand .xlsx reader (apps/server/src/documents/xlsx-reader.ts, regular expressions over the sheet
// XML after the guarded unzip) against exceljs, on a 10,000-row sheet written by exceljs and the same sheet re-saved by
// LibreOffice Calc. Each read runs in a fresh process (bench/support/xlsx-read-child.ts) so that its peak memory is its
// own: peak RSS minus the RSS before reading (modules loaded, file in memory). Time is the median of RUNS processes.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const ROWS = 10_000;
const RUNS = 3;
const HEADERS = ['职业编码', '职业名称', '工种', '标准名称', '标准版本', '备注', '依据文件'];

async function exceljsFile(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(HEADERS);
  for (let i = 0; i < ROWS; i++) {
    const code = `4-${String(10 + (i % 90)).padStart(2, '0')}-${String(i % 100).padStart(2, '0')}-${String(i % 97).padStart(2, '0')}`;
    ws.addRow([
      code,
      `职业名称${i}`,
      i % 3 === 0 ? '' : `工种${i}`,
      `国家职业技能标准${i % 500}`,
      `${2018 + (i % 7)}年版`,
      `第 ${i} 行的备注：本市需求较大 & “引号”`,
      `沪人社职〔2024〕${i % 400}号`,
    ]);
  }
  const file = path.join(dir, 'exceljs.xlsx');
  await writeFile(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

/** The exceljs file opened and saved again by LibreOffice Calc (its own shared strings, styles and row layout). */
async function libreOfficeFile(dir: string, source: string): Promise<string> {
  const out = path.join(dir, 'lo');
  await exec('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, source], {
    timeout: 180_000,
  });
  return path.join(out, 'exceljs.xlsx');
}

interface ChildResult {
  ms: number;
  rssBefore: number;
  peakRss: number;
  rows: number;
  cells: number;
  checksum: number;
}

async function readInChild(reader: 'hand' | 'exceljs', file: string): Promise<ChildResult> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'bench/support/xlsx-read-child.ts', reader, file], { cwd: ROOT, maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => bytes / 1024 / 1024;

export async function run(): Promise<Record<string, number | string>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'zj-xlsx-bench-'));
  try {
    const files = { exceljs: await exceljsFile(dir) } as Record<string, string>;
    files.libreoffice = await libreOfficeFile(dir, files.exceljs!);
    const figures: Record<string, number | string> = { rows: ROWS };
    for (const [maker, file] of Object.entries(files)) {
      figures[`${maker} file size (KB)`] = (await readFile(file)).length / 1024;
      const seen: Record<string, ChildResult> = {};
      for (const reader of ['hand', 'exceljs'] as const) {
        const results: ChildResult[] = [];
        for (let i = 0; i < RUNS; i++) results.push(await readInChild(reader, file));
        seen[reader] = results[0]!;
        figures[`${maker} file, ${reader}: read (ms, median of ${RUNS})`] = median(results.map((r) => r.ms));
        figures[`${maker} file, ${reader}: peak memory above start (MB)`] = Math.max(...results.map((r) => mb(r.peakRss - r.rssBefore)));
        figures[`${maker} file, ${reader}: peak RSS (MB)`] = Math.max(...results.map((r) => mb(r.peakRss)));
      }
      const same = seen.hand!.rows === seen.exceljs!.rows && seen.hand!.cells === seen.exceljs!.cells && seen.hand!.checksum === seen.exceljs!.checksum;
      figures[`${maker} file: both read the same cells`] = same
        ? `yes (${seen.hand!.rows} rows, ${seen.hand!.cells} cells)`
        : `NO: hand ${JSON.stringify(seen.hand)} exceljs ${JSON.stringify(seen.exceljs)}`;
    }
    return figures;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
