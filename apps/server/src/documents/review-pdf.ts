import type { Content, TDocumentDefinitions, TableCell } from 'pdfmake/interfaces';
import { PDF_CJK_FONT, pdfMakeWithCjkFonts } from './pdf-fonts.ts';
import { SCORE_SHEET_PLEDGE, SCORE_SHEET_TITLE, SIGNATURE_LINE, scoreSheetCells, scoreSheetHeader, type ScoreSheetData } from './review-layout.ts';

/** A4 landscape content width in points minus margins. */
const CONTENT_WIDTH = 841.89 - 2 * 36;

function widths(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const usable = CONTENT_WIDTH - 9 * weights.length - 1;
  return weights.map((w) => Math.floor(((w * usable) / sum) * 100) / 100);
}

function definition(data: ScoreSheetData): TDocumentDefinitions {
  const header = scoreSheetHeader(data.criteria);
  const weights = [4, 9, 16, ...data.criteria.map(() => 8), 7, 6, 24];
  const body: TableCell[][] = [
    header.map((h) => ({ text: h, bold: true, alignment: 'center' as const, fontSize: 8.5 })),
    ...data.rows.map((r, i) =>
      scoreSheetCells(r, i, data.criteria).map((t, j) => ({ text: t, alignment: j === header.length - 1 ? ('left' as const) : ('center' as const) })),
    ),
  ];
  const content: Content[] = [
    { text: SCORE_SHEET_TITLE, fontSize: 18, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
    { text: data.campaignTitle, fontSize: 11, alignment: 'center', margin: [0, 0, 0, 10] },
    { text: `评审专家：${data.expertName}　　工作单位：${data.organization}　　职称/职务：${data.title || '—'}`, fontSize: 11, margin: [0, 0, 0, 6] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: widths(weights), body },
      layout: { hLineWidth: () => 0.6, vLineWidth: () => 0.6, paddingTop: () => 3, paddingBottom: () => 3 },
      fontSize: 9,
    },
    {
      unbreakable: true,
      stack: [
        { text: '评分说明：各项指标按0～10分评分，不适用的填“不适用”，加权得分不计不适用的指标。', fontSize: 9.5, margin: [0, 10, 0, 0] },
        { text: SCORE_SHEET_PLEDGE, fontSize: 11, margin: [0, 6, 0, 0] },
        { text: SIGNATURE_LINE, fontSize: 12, alignment: 'right', margin: [0, 24, 20, 0] },
      ],
    },
  ];
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 40, 36, 40],
    info: { title: SCORE_SHEET_TITLE, subject: data.campaignTitle, author: data.expertName, creator: '征集系统' },
    defaultStyle: { font: PDF_CJK_FONT, fontSize: 10, lineHeight: 1.15 },
    footer: (page: number, pages: number): Content => ({
      text: `第 ${String(page)} 页 / 共 ${String(pages)} 页　　打印时间：${data.printedAt}`,
      alignment: 'center',
      fontSize: 8.5,
      margin: [0, 12, 0, 0],
    }),
    content,
  };
}

/** An expert's 专家评审表 as PDF (A4 landscape, Noto Sans CJK embedded), to be printed and signed. */
export async function renderScoreSheetPdf(data: ScoreSheetData): Promise<Buffer> {
  const pdfMake = pdfMakeWithCjkFonts();
  const buffer: unknown = await pdfMake.createPdf(definition(data)).getBuffer();
  return Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer as Uint8Array);
}
