import { ZipArchive } from 'archiver';

/**
 * An OFD package (GB/T 33190-2016, 电子文件存储与交换格式 版式文档): OFD.xml → Doc_0/Document.xml → PublicRes.xml (the
 * embedded fonts, in Doc_0/Res/) and DocumentRes.xml, one Pages/Page_N/Content.xml per page with TextObject/TextCode
 * and PathObject elements. Units are millimetres, the origin is the page's top left corner. Written with a small XML
 * writer and archiver (the zip library the project already uses).
 */

const NS = 'http://www.ofdspec.org/2016';

/** XML 1.0 text: the five escapes, and characters XML cannot carry dropped. */
export function xmlText(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** One element: `el('ofd:Font', { ID: 2 }, [el('ofd:FontFile', {}, 'a.otf')])`; a string child is text. */
export function el(name: string, attrs: Record<string, string | number | boolean | undefined>, children: string | readonly string[] = []): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlText(String(v))}"`)
    .join('');
  const body = typeof children === 'string' ? xmlText(children) : children.join('');
  return body === '' ? `<${name}${a}/>` : `<${name}${a}>${body}</${name}>`;
}

const doc = (root: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${root}`;
/** A number in millimetres, three decimals at most. */
export const mm = (v: number) => String(Math.round(v * 1000) / 1000);

/** A run of text on one baseline: `x`, `y` the first character's baseline origin; `deltaX` the advances between characters. */
export interface OfdText {
  fontId: number;
  size: number;
  x: number;
  y: number;
  text: string;
  deltaX: number[];
  color?: [number, number, number];
}

/** A straight line. */
export interface OfdLine {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
  color?: [number, number, number];
}

/** One page: its size and what is drawn on it. */
export interface OfdPage {
  width: number;
  height: number;
  texts: OfdText[];
  lines: OfdLine[];
}

/** An embedded font: its names and the .otf file. */
export interface OfdFont {
  id: number;
  fontName: string;
  familyName: string;
  bold: boolean;
  file: Buffer;
}

/** What the package holds. */
export interface OfdDocument {
  docId: string;
  title: string;
  author: string;
  creationDate: string;
  fonts: OfdFont[];
  pages: OfdPage[];
}

/** DeltaX with GB/T 33190's `g count value` shorthand for repeated advances. */
function deltaX(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j < values.length && mm(values[j] ?? 0) === mm(values[i] ?? 0)) j++;
    out.push(j - i > 2 ? `g ${String(j - i)} ${mm(values[i] ?? 0)}` : values.slice(i, j).map(mm).join(' '));
    i = j;
  }
  return out.join(' ');
}

const color = (c: [number, number, number] | undefined) => (c ? c.join(' ') : '0 0 0');

function pageXml(page: OfdPage, nextId: () => number): string {
  const objects: string[] = [];
  for (const l of page.lines) {
    const minX = Math.min(l.x1, l.x2);
    const minY = Math.min(l.y1, l.y2);
    const pad = l.width;
    objects.push(
      el(
        'ofd:PathObject',
        {
          ID: nextId(),
          Boundary: `${mm(minX - pad)} ${mm(minY - pad)} ${mm(Math.abs(l.x2 - l.x1) + 2 * pad)} ${mm(Math.abs(l.y2 - l.y1) + 2 * pad)}`,
          LineWidth: mm(l.width),
          Stroke: 'true',
          Fill: 'false',
        },
        [
          el('ofd:StrokeColor', { Value: color(l.color) }),
          el('ofd:AbbreviatedData', {}, `M ${mm(l.x1 - minX + pad)} ${mm(l.y1 - minY + pad)} L ${mm(l.x2 - minX + pad)} ${mm(l.y2 - minY + pad)}`),
        ],
      ),
    );
  }
  for (const t of page.texts) {
    const width = t.deltaX.reduce((a, b) => a + b, 0) + t.size * 1.2;
    const top = t.y - t.size * 1.1;
    objects.push(
      el('ofd:TextObject', { ID: nextId(), Boundary: `${mm(t.x)} ${mm(top)} ${mm(width)} ${mm(t.size * 1.5)}`, Font: t.fontId, Size: mm(t.size) }, [
        el('ofd:FillColor', { Value: color(t.color) }),
        el('ofd:TextCode', { X: '0', Y: mm(t.y - top), DeltaX: t.deltaX.length > 0 ? deltaX(t.deltaX) : undefined }, t.text),
      ]),
    );
  }
  return doc(
    el('ofd:Page', { 'xmlns:ofd': NS }, [
      el('ofd:Area', {}, [el('ofd:PhysicalBox', {}, `0 0 ${mm(page.width)} ${mm(page.height)}`)]),
      el('ofd:Content', {}, [el('ofd:Layer', { ID: nextId(), Type: 'Body' }, objects)]),
    ]),
  );
}

/** The OFD package as a zip file. */
export async function writeOfdPackage(d: OfdDocument): Promise<Buffer> {
  let id = Math.max(0, ...d.fonts.map((f) => f.id));
  const nextId = () => ++id;
  const pages = d.pages.map((p) => pageXml(p, nextId));
  const pageIds = pages.map(() => nextId());
  const first = d.pages[0];
  const entries: [string, string | Buffer][] = [
    [
      'OFD.xml',
      doc(
        el('ofd:OFD', { 'xmlns:ofd': NS, Version: '1.0', DocType: 'OFD' }, [
          el('ofd:DocBody', {}, [
            el('ofd:DocInfo', {}, [
              el('ofd:DocID', {}, d.docId),
              el('ofd:Title', {}, d.title),
              el('ofd:Author', {}, d.author),
              el('ofd:CreationDate', {}, d.creationDate),
              el('ofd:Creator', {}, '征集系统'),
            ]),
            el('ofd:DocRoot', {}, 'Doc_0/Document.xml'),
          ]),
        ]),
      ),
    ],
    [
      'Doc_0/Document.xml',
      doc(
        el('ofd:Document', { 'xmlns:ofd': NS }, [
          el('ofd:CommonData', {}, [
            el('ofd:MaxUnitID', {}, String(id)),
            el('ofd:PageArea', {}, [el('ofd:PhysicalBox', {}, `0 0 ${mm(first?.width ?? 210)} ${mm(first?.height ?? 297)}`)]),
            el('ofd:PublicRes', {}, 'PublicRes.xml'),
            el('ofd:DocumentRes', {}, 'DocumentRes.xml'),
          ]),
          el(
            'ofd:Pages',
            {},
            pages.map((_, i) => el('ofd:Page', { ID: pageIds[i], BaseLoc: `Pages/Page_${String(i)}/Content.xml` })),
          ),
        ]),
      ),
    ],
    [
      'Doc_0/PublicRes.xml',
      doc(
        el('ofd:Res', { 'xmlns:ofd': NS, BaseLoc: 'Res' }, [
          el(
            'ofd:Fonts',
            {},
            d.fonts.map((f) =>
              el('ofd:Font', { ID: f.id, FontName: f.fontName, FamilyName: f.familyName, Bold: f.bold ? 'true' : undefined }, [
                el('ofd:FontFile', {}, `font_${String(f.id)}.otf`),
              ]),
            ),
          ),
        ]),
      ),
    ],
    ['Doc_0/DocumentRes.xml', doc(el('ofd:Res', { 'xmlns:ofd': NS, BaseLoc: 'Res' }))],
    ...d.fonts.map((f): [string, Buffer] => [`Doc_0/Res/font_${String(f.id)}.otf`, f.file]),
    ...pages.map((xml, i): [string, string] => [`Doc_0/Pages/Page_${String(i)}/Content.xml`, xml]),
  ];
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const chunks: Buffer[] = [];
  zip.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    zip.on('end', () => resolve());
    zip.on('error', reject);
  });
  for (const [name, content] of entries) zip.append(content, { name, date: new Date('2024-01-01T00:00:00Z') });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}
