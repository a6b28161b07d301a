import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import {
  SCORE_SHEET_PLEDGE,
  SCORE_SHEET_TITLE,
  SIGNATURE_LINE,
  SUMMARY_HEADER,
  SUMMARY_TITLE,
  scoreSheetCells,
  scoreSheetHeader,
  summaryCells,
  type ScoreSheetData,
  type SummaryData,
} from './review-layout.ts';

/** Word documents of the expert evaluation: an expert's score sheet (to be signed) and the score summary. */

const A4_SHORT = 11906;
const A4_LONG = 16838;
const MARGIN = 1134;
const TABLE_WIDTH = A4_LONG - 2 * MARGIN;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const run = (text: string, size = 21, bold = false, title = false) => new TextRun({ text, size, bold, font: title ? TITLE_FONT : BODY_FONT });

function cell(text: string, width: number, bold: boolean, left: boolean, keepWithNext = false): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 40, bottom: 40, left: 60, right: 60 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
          keepNext: keepWithNext,
          keepLines: keepWithNext,
          children: [run(line, 18, bold)],
        }),
    ),
  });
}

/** `keepTail`: the last rows keep with the paragraphs after the table (the pledge and the signature). */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  weights: readonly number[],
  leftColumns: ReadonlySet<number>,
  keepTail = 0,
): Table {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * TABLE_WIDTH) / sum));
  return new Table({
    width: { size: TABLE_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, widths[i] ?? 0, true, false)) }),
      ...rows.map(
        (r, index) =>
          new TableRow({ cantSplit: true, children: r.map((t, i) => cell(t, widths[i] ?? 0, false, leftColumns.has(i), index >= rows.length - keepTail)) }),
      ),
    ],
  });
}

function landscape(title: string, subject: string, children: (Paragraph | Table)[], footerText: string): Document {
  return new Document({
    title,
    subject,
    creator: '征集系统',
    styles: { default: { document: { run: { font: BODY_FONT, size: 21 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_SHORT, height: A4_LONG, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN, header: 567, footer: 567 },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    font: BODY_FONT,
                    size: 18,
                    children: ['第 ', PageNumber.CURRENT, ' 页 / 共 ', PageNumber.TOTAL_PAGES, ` 页　　${footerText}`],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/** An expert's 专家评审表 as Word: header with the expert, one row per assigned candidate, pledge and signature line. */
export async function renderScoreSheetDocx(data: ScoreSheetData): Promise<Buffer> {
  const header = scoreSheetHeader(data.criteria);
  const weights = [4, 9, 16, ...data.criteria.map(() => 8), 7, 6, 24];
  const rows = data.rows.map((r, i) => scoreSheetCells(r, i, data.criteria));
  const doc = landscape(
    SCORE_SHEET_TITLE,
    data.campaignTitle,
    [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(SCORE_SHEET_TITLE, 36, true, true)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(data.campaignTitle, 22)] }),
      new Paragraph({
        spacing: { after: 120 },
        children: [run(`评审专家：${data.expertName}　　工作单位：${data.organization}　　职称/职务：${data.title || '—'}`, 22)],
      }),
      table(header, rows, weights, new Set([header.length - 1]), 1),
      new Paragraph({
        spacing: { before: 240 },
        keepNext: true,
        keepLines: true,
        children: [run('评分说明：各项指标按0～10分评分，不适用的填“不适用”，加权得分不计不适用的指标。', 20)],
      }),
      new Paragraph({ spacing: { before: 120 }, keepNext: true, keepLines: true, children: [run(SCORE_SHEET_PLEDGE, 22)] }),
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run(SIGNATURE_LINE, 24)] }),
    ],
    `打印时间：${data.printedAt}`,
  );
  return Packer.toBuffer(doc);
}

/** The 评审结果汇总表 as Word. */
export async function renderSummaryDocx(data: SummaryData): Promise<Buffer> {
  const weights = [4, 9, 12, 9, 18, 6, 6, 5, 5, 5, 6, 5, 7, 7, 14];
  const rows = data.rows.map((r, i) => summaryCells(r, i).map(String));
  const doc = landscape(
    SUMMARY_TITLE,
    data.campaignTitle,
    [
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [run(SUMMARY_TITLE, 36, true, true)] }),
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(data.campaignTitle, 22)] }),
      new Paragraph({
        spacing: { after: 120 },
        children: [run(`评审指标及权重：${data.criteria.map((c) => `${c.name}（${String(c.weight)}）`).join('；')}`, 20)],
      }),
      table(SUMMARY_HEADER, rows, weights, new Set([4, 14]), 1),
      new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 480 }, children: [run('市职业技能鉴定中心（盖章）　　　　　年　　月　　日', 24)] }),
    ],
    `打印时间：${data.printedAt}`,
  );
  return Packer.toBuffer(doc);
}
