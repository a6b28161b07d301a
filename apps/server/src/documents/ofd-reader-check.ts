import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import yauzl from 'yauzl';

/**
 * Test helper: reads an OFD package back independently of the code that wrote it (ofd-package.ts writes strings;
 * this unzips with yauzl, parses every XML part with fast-xml-parser and checks it against the structure of
 * GB/T 33190-2016: OFD.xml → DocRoot → CommonData/PageArea/PublicRes → Pages → Content with TextObject/TextCode; the
 * embedded fonts are opened by Skia (@napi-rs/canvas) and fontkit). ofd.js, the npm OFD reader, runs in Node under
 * happy-dom but its WebAssembly core refuses every file with “授权信息错误” (its built-in demo licence is only valid
 * for a fixed period, which has passed), so it cannot be the reader here; see docs/architecture.md.
 */

export interface OfdTextRun {
  font: string;
  size: number;
  x: number;
  y: number;
  text: string;
  /** Absolute x of every character. */
  xs: number[];
}

export interface OfdReadPage {
  width: number;
  height: number;
  runs: OfdTextRun[];
  lines: number;
  /** The page's text in reading order (top to bottom, left to right). */
  text: string;
}

export interface OfdRead {
  title: string;
  docId: string;
  fonts: { id: string; fontName: string; familyName: string; bytes: number; glyphsMissing: string[] }[];
  pages: OfdReadPage[];
  problems: string[];
}

const NS = 'http://www.ofdspec.org/2016';
const ARRAYS = new Set(['Page', 'Font', 'Layer', 'TextObject', 'PathObject', 'TextCode']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ARRAYS.has(name),
});
interface Face {
  glyphForCodePoint(cp: number): { id: number };
}
const fontkit = createRequire(import.meta.url)('fontkit') as { create(buffer: Buffer): Face };

function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

type Node = Record<string, unknown>;
const attr = (n: unknown, name: string): string => String((n as Node | undefined)?.[`@${name}`] ?? '');
const child = (n: unknown, name: string): Node | undefined => (n as Node | undefined)?.[name] as Node | undefined;
const list = (n: unknown, name: string): Node[] => ((n as Node | undefined)?.[name] as Node[] | undefined) ?? [];
const text = (n: unknown): string => (typeof n === 'string' ? n : String((n as Node | undefined)?.['#text'] ?? ''));
const box = (s: string) => s.trim().split(/\s+/).map(Number);

/** DeltaX with the `g count value` shorthand expanded. */
export function expandDeltaX(s: string): number[] {
  const parts = s.trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'g') {
      for (let k = 0; k < Number(parts[i + 1]); k++) out.push(Number(parts[i + 2]));
      i += 2;
    } else out.push(Number(parts[i]));
  }
  return out;
}

/** Reads an OFD package; `problems` lists every departure from the structure found. */
export async function readOfd(bytes: Buffer): Promise<OfdRead> {
  const files = await unzip(bytes);
  const problems: string[] = [];
  const ids = new Set<string>();
  let maxId = 0;
  const part = (path: string, root: string): Node => {
    const raw = files.get(path);
    if (!raw) {
      problems.push(`missing ${path}`);
      return {};
    }
    const xml = raw.toString('utf8');
    const valid = XMLValidator.validate(xml);
    if (valid !== true) problems.push(`${path}: not well-formed: ${valid.err.msg}`);
    const doc = parser.parse(xml) as Node;
    const found = doc[root] as Node | Node[] | undefined;
    // A root named like a repeated child (Page) is parsed as a one-element list.
    const top = Array.isArray(found) ? found[0] : found;
    if (!top) problems.push(`${path}: root is not ofd:${root}`);
    if (!new RegExp(`<ofd:${root}[^>]*xmlns:ofd="${NS}"`).test(xml)) problems.push(`${path}: ofd namespace missing`);
    return top ?? {};
  };
  const useId = (n: Node, where: string) => {
    const id = attr(n, 'ID');
    if (!/^\d+$/.test(id)) problems.push(`${where}: ID "${id}" is not a positive integer`);
    if (ids.has(id)) problems.push(`${where}: ID ${id} used twice`);
    ids.add(id);
    maxId = Math.max(maxId, Number(id));
  };

  const ofd = part('OFD.xml', 'OFD');
  if (attr(ofd, 'DocType') !== 'OFD') problems.push('OFD.xml: DocType is not OFD');
  if (!attr(ofd, 'Version')) problems.push('OFD.xml: no Version');
  const body = child(ofd, 'DocBody');
  const info = child(body, 'DocInfo');
  const docId = text(child(info, 'DocID'));
  if (!/^[0-9a-f]{32}$/i.test(docId)) problems.push('DocInfo: DocID is not 32 hex digits');
  const rootPath = text(child(body, 'DocRoot'));
  const docDir = rootPath.replace(/[^/]*$/, '');
  const document = part(rootPath, 'Document');
  const common = child(document, 'CommonData');
  const declaredMax = Number(text(child(common, 'MaxUnitID')));
  const defaultBox = box(text(child(child(common, 'PageArea'), 'PhysicalBox')));
  const resPath = text(child(common, 'PublicRes'));
  const res = part(`${docDir}${resPath}`, 'Res');
  const resDir = `${docDir}${resPath.replace(/[^/]*$/, '')}${attr(res, 'BaseLoc') ? `${attr(res, 'BaseLoc')}/` : ''}`;
  const faces = new Map<string, Face>();
  const fonts: OfdRead['fonts'] = [];
  for (const f of list(child(res, 'Fonts'), 'Font')) {
    useId(f, 'Font');
    const path = `${resDir}${text(child(f, 'FontFile'))}`;
    const file = files.get(path);
    if (!file) {
      problems.push(`font file ${path} missing`);
      continue;
    }
    if (!GlobalFonts.register(file, `ofd-check-${attr(f, 'ID')}-${String(Math.random())}`)) problems.push(`font ${path}: Skia cannot load it`);
    faces.set(attr(f, 'ID'), fontkit.create(file));
    fonts.push({ id: attr(f, 'ID'), fontName: attr(f, 'FontName'), familyName: attr(f, 'FamilyName'), bytes: file.length, glyphsMissing: [] });
  }
  const docRes = text(child(common, 'DocumentRes'));
  if (docRes) part(`${docDir}${docRes}`, 'Res');

  const pages: OfdReadPage[] = [];
  for (const p of list(child(document, 'Pages'), 'Page')) {
    useId(p, 'Page');
    const path = `${docDir}${attr(p, 'BaseLoc')}`;
    const page = part(path, 'Page');
    const own = child(child(page, 'Area'), 'PhysicalBox');
    const [, , width = 0, height = 0] = own ? box(text(own)) : defaultBox;
    const runs: OfdTextRun[] = [];
    let lines = 0;
    for (const layer of list(child(page, 'Content'), 'Layer')) {
      useId(layer, 'Layer');
      for (const po of list(layer, 'PathObject')) {
        useId(po, 'PathObject');
        if (!text(child(po, 'AbbreviatedData')).trim().startsWith('M')) problems.push(`${path}: a PathObject without AbbreviatedData`);
        lines++;
      }
      for (const to of list(layer, 'TextObject')) {
        useId(to, 'TextObject');
        const [bx = 0, by = 0] = box(attr(to, 'Boundary'));
        const font = attr(to, 'Font');
        const face = faces.get(font);
        if (!face) problems.push(`${path}: TextObject ${attr(to, 'ID')} uses unknown font ${font}`);
        for (const tc of list(to, 'TextCode')) {
          const chars = [...text(tc)];
          const dx = expandDeltaX(attr(tc, 'DeltaX'));
          if (dx.length !== Math.max(0, chars.length - 1))
            problems.push(`${path}: DeltaX has ${String(dx.length)} values for ${String(chars.length)} characters`);
          const x = bx + Number(attr(tc, 'X'));
          const y = by + Number(attr(tc, 'Y'));
          const xs = chars.map((_, i) => x + dx.slice(0, i).reduce((a, b) => a + b, 0));
          if (xs.some((v) => v < 0 || v > width) || y < 0 || y > height) problems.push(`${path}: text "${text(tc).slice(0, 20)}" outside the page`);
          const entry = fonts.find((f) => f.id === font);
          for (const ch of chars) if (face && entry && face.glyphForCodePoint(ch.codePointAt(0) ?? 0).id === 0) entry.glyphsMissing.push(ch);
          runs.push({ font, size: Number(attr(to, 'Size')), x, y, text: text(tc), xs });
        }
      }
    }
    const ordered = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
    const rows: string[] = [];
    let lastY = Number.NaN;
    for (const r of ordered) {
      if (rows.length === 0 || Math.abs(r.y - lastY) > 0.5) rows.push('');
      rows[rows.length - 1] += r.text;
      lastY = r.y;
    }
    pages.push({ width, height, runs, lines, text: rows.join('\n') });
  }
  if (pages.length === 0) problems.push('no pages');
  if (!(declaredMax >= maxId)) problems.push(`MaxUnitID ${String(declaredMax)} is below the largest ID ${String(maxId)}`);
  return { title: text(child(info, 'Title')), docId, fonts, pages, problems };
}
