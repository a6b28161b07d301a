import { createHash } from 'node:crypto';
import type { NoticeListDocument } from './notice-list-layout.ts';
import { noticeListPdfDefinition } from './notice-list.pdf.ts';
import { pdfMakeWithCjkFonts } from './pdf-fonts.ts';
import { subsetOpenTypeFont, type FontkitFace } from './ofd-font.ts';
import { writeOfdPackage, type OfdFont, type OfdLine, type OfdPage, type OfdText } from './ofd-package.ts';

/**
 * The 公示 announcement and the final list as OFD (GB/T 33190). The pages are the PDF's: pdfmake lays out the same
 * definition (notice-list.pdf.ts), and each laid-out line and rule is written as an OFD TextObject or PathObject at
 * the same place, with the faces it was measured with embedded as subsets.
 */

const PT = 25.4 / 72;

/** pdfkit's font object on a laid-out inline. */
interface PdfkitFont {
  name: string;
  font: FontkitFace;
  ascender: number;
  widthOfString(text: string, size: number): number;
}
interface LaidInline {
  text: string;
  x: number;
  font: PdfkitFont;
  fontSize: number;
  characterSpacing?: number;
  color?: string;
}
interface LaidLine {
  x: number;
  y: number;
  inlines: LaidInline[];
  getAscenderHeight(): number;
}
interface LaidVector {
  type: string;
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  lineWidth?: number;
  lineColor?: string;
}
interface LaidPage {
  pageSize: { width: number; height: number };
  items: { type: string; item: unknown }[];
}

function rgb(color: string | undefined): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  return m ? [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)] : undefined;
}

/** 成文日期 (2024年10月22日) as xs:date. */
function isoDay(chinese: string): string {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(chinese);
  return m ? `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : '1970-01-01';
}

/** Lays the document out with pdfmake (what the PDF prints) and returns its pages. */
async function laidOutPages(d: NoticeListDocument): Promise<LaidPage[]> {
  // getStream() resolves to the pdfkit document after layout and rendering; pdfmake keeps the laid-out pages on it.
  const pdf = (await pdfMakeWithCjkFonts().createPdf(noticeListPdfDefinition(d)).getStream()) as unknown as { _pdfMakePages?: LaidPage[] };
  if (!pdf._pdfMakePages) throw new Error('pdfmake did not expose its laid-out pages');
  return pdf._pdfMakePages;
}

/** The announcement (or the final list) as an OFD package. */
export async function renderNoticeListOfd(d: NoticeListDocument): Promise<Buffer> {
  const pages = await laidOutPages(d);
  const faces = new Map<string, { id: number; face: FontkitFace; codePoints: Set<number> }>();
  const faceOf = (f: PdfkitFont) => {
    let entry = faces.get(f.name);
    if (!entry) {
      entry = { id: faces.size + 1, face: f.font, codePoints: new Set() };
      faces.set(f.name, entry);
    }
    return entry;
  };
  const ofdPages: OfdPage[] = pages.map((page) => {
    const texts: OfdText[] = [];
    const lines: OfdLine[] = [];
    for (const { type, item } of page.items) {
      if (type === 'line') {
        const line = item as LaidLine;
        const baseline = (line.y + line.getAscenderHeight()) * PT;
        let run: OfdText | null = null;
        let runEnd = 0;
        for (const inline of line.inlines) {
          const face = faceOf(inline.font);
          const spacing = inline.characterSpacing ?? 0;
          let x = line.x + inline.x;
          for (const ch of inline.text) {
            const advance = inline.font.widthOfString(ch, inline.fontSize) + spacing;
            const color = rgb(inline.color);
            if (!/\s/.test(ch)) {
              face.codePoints.add(ch.codePointAt(0) ?? 0);
              const same = run && run.fontId === face.id && run.size === inline.fontSize * PT && String(run.color) === String(color);
              if (run && same) {
                run.deltaX.push(x * PT - runEnd);
                run.text += ch;
              } else {
                run = { fontId: face.id, size: inline.fontSize * PT, x: x * PT, y: baseline, text: ch, deltaX: [], color };
                texts.push(run);
              }
              runEnd = x * PT;
            }
            x += advance;
          }
        }
      } else if (type === 'vector') {
        const v = item as LaidVector;
        if (v.type === 'line' && v.x1 !== undefined && v.y1 !== undefined && v.x2 !== undefined && v.y2 !== undefined) {
          lines.push({ x1: v.x1 * PT, y1: v.y1 * PT, x2: v.x2 * PT, y2: v.y2 * PT, width: (v.lineWidth ?? 1) * PT, color: rgb(v.lineColor) });
        }
      }
    }
    // pdfmake's A4 is 595.28 × 841.89 pt; the OFD page is the nominal 210 × 297 mm.
    return { width: Math.round(page.pageSize.width * PT * 10) / 10, height: Math.round(page.pageSize.height * PT * 10) / 10, texts, lines };
  });
  const fonts: OfdFont[] = [...faces.values()].map(({ id, face, codePoints }) => ({
    id,
    fontName: face.postscriptName,
    familyName: face.familyName,
    bold: /Bold/.test(face.postscriptName),
    file: subsetOpenTypeFont(face, codePoints),
  }));
  return writeOfdPackage({
    docId: createHash('md5').update(d.hash).update(d.title).digest('hex'),
    title: d.title,
    author: d.issuer,
    creationDate: isoDay(d.date),
    fonts,
    pages: ofdPages,
  });
}
