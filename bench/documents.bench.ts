import { manyRows, sampleForm } from '../apps/server/test/form-fixtures.ts';
import { importFormDocx } from '../apps/server/src/documents/import-form-docx.ts';
import { importFormXlsx } from '../apps/server/src/documents/import-form-xlsx.ts';
import { renderRecommendationFormDocx } from '../apps/server/src/documents/recommendation-form.docx.ts';
import { renderRecommendationFormPdf } from '../apps/server/src/documents/recommendation-form.pdf.ts';
import { renderRecommendationFormXlsx } from '../apps/server/src/documents/recommendation-form.xlsx.ts';

/** Budgets of issue 5, in milliseconds (medians). */
const BUDGETS = { docx200: 300, xlsx200: 300, pdf200: 1500, importXlsx200: 500, importDocx200: 500 } as const;
const RUNS = 7;

async function median(task: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await task(); // warm-up: module loading, font parsing, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? 0);
}

/** Export of a 20- and a 200-row 推荐表 as Word, Excel and PDF, and import of a 200-row Excel and Word form. */
export async function run(): Promise<Record<string, number | string>> {
  const form20 = sampleForm(manyRows(20));
  const form200 = sampleForm(manyRows(200));
  const figures: Record<string, number | string> = {};
  for (const [name, render] of [
    ['docx', renderRecommendationFormDocx],
    ['xlsx', renderRecommendationFormXlsx],
    ['pdf', renderRecommendationFormPdf],
  ] as const) {
    figures[`export ${name} 20 rows (ms)`] = await median(() => render(form20));
    figures[`export ${name} 200 rows (ms)`] = await median(() => render(form200));
  }
  const xlsx200 = await renderRecommendationFormXlsx(form200);
  const docx200 = await renderRecommendationFormDocx(form200);
  figures['import xlsx 200 rows (ms)'] = await median(() => importFormXlsx(xlsx200));
  figures['import docx 200 rows (ms)'] = await median(() => importFormDocx(docx200));

  const check = (label: string, value: number | string | undefined, budget: number): string =>
    `${label} ${String(value)} ms / ${budget} ms ${typeof value === 'number' && value <= budget ? 'ok' : 'OVER'}`;
  figures.budgets = [
    check('docx200', figures['export docx 200 rows (ms)'], BUDGETS.docx200),
    check('xlsx200', figures['export xlsx 200 rows (ms)'], BUDGETS.xlsx200),
    check('pdf200', figures['export pdf 200 rows (ms)'], BUDGETS.pdf200),
    check('importXlsx200', figures['import xlsx 200 rows (ms)'], BUDGETS.importXlsx200),
    check('importDocx200', figures['import docx 200 rows (ms)'], BUDGETS.importDocx200),
  ].join('; ');
  return figures;
}
