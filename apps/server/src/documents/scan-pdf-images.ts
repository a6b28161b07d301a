// The fast path of the scan reader for what scanners write: PDF pages that are nothing but JPEG images. Finding those
// JPEGs in the file lets the native decoder of @napi-rs/canvas decode them (≈50 ms a 150 dpi page) instead of pdf.js
// rendering the page (≈350 ms, its JPEG decoder is JavaScript). Anything this small parser does not understand — text,
// vector drawing, other image filters, encryption, a broken structure — makes the page (or the file) fall back to pdf.js.
import { inflateSync } from 'node:zlib';

type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict;
interface PdfName {
  name: string;
}
interface PdfRef {
  ref: number;
}
interface PdfDict {
  dict: Map<string, PdfValue>;
  /** Start and end of the stream data when the dictionary is a stream's. */
  stream?: { start: number; end: number };
}

const isName = (v: PdfValue | undefined): v is PdfName => typeof v === 'object' && v !== null && 'name' in v;
const isRef = (v: PdfValue | undefined): v is PdfRef => typeof v === 'object' && v !== null && 'ref' in v;
const isDict = (v: PdfValue | undefined): v is PdfDict => typeof v === 'object' && v !== null && 'dict' in v;

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Unsupported extends Error {}

/** A tokenizer/parser of PDF objects over the raw bytes. */
class Lexer {
  constructor(
    readonly bytes: Uint8Array,
    public at = 0,
    readonly end = bytes.length,
  ) {}

  skipSpace(): void {
    const b = this.bytes;
    while (this.at < this.end) {
      const c = b[this.at]!;
      if (WHITE.has(c)) this.at++;
      else if (c === 0x25) while (this.at < this.end && b[this.at] !== 0x0a && b[this.at] !== 0x0d) this.at++;
      else break;
    }
  }

  /** A bare word (number, keyword, operator) at the position. */
  word(): string {
    const start = this.at;
    while (this.at < this.end && !WHITE.has(this.bytes[this.at]!) && !DELIM.has(this.bytes[this.at]!)) this.at++;
    return String.fromCharCode(...this.bytes.subarray(start, this.at));
  }

  /** The next object, or an operator keyword as a string starting with '#op:'. */
  value(depth = 0): PdfValue {
    if (depth > 64) throw new Unsupported('nesting');
    this.skipSpace();
    if (this.at >= this.end) throw new Unsupported('end of data');
    const c = this.bytes[this.at]!;
    if (c === 0x2f) {
      this.at++;
      return { name: this.word() };
    }
    if (c === 0x3c && this.bytes[this.at + 1] === 0x3c) {
      this.at += 2;
      const dict = new Map<string, PdfValue>();
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.at] === 0x3e && this.bytes[this.at + 1] === 0x3e) {
          this.at += 2;
          return { dict };
        }
        const key = this.value(depth + 1);
        if (!isName(key)) throw new Unsupported('dictionary key');
        dict.set(key.name, this.value(depth + 1));
      }
    }
    if (c === 0x3c) {
      const close = this.bytes.indexOf(0x3e, this.at);
      if (close < 0) throw new Unsupported('hex string');
      this.at = close + 1;
      return '';
    }
    if (c === 0x28) {
      this.literalString();
      return '';
    }
    if (c === 0x5b) {
      this.at++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.bytes[this.at] === 0x5d) {
          this.at++;
          return items;
        }
        if (this.at >= this.end) throw new Unsupported('array');
        items.push(this.value(depth + 1));
      }
    }
    if (DELIM.has(c)) {
      this.at++;
      throw new Unsupported('delimiter');
    }
    const word = this.word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
      // `n g R` is a reference
      if (/^\d+$/.test(word)) {
        const save = this.at;
        this.skipSpace();
        const gen = this.word();
        this.skipSpace();
        if (
          /^\d+$/.test(gen) &&
          this.bytes[this.at] === 0x52 &&
          (this.at + 1 >= this.end || !/[A-Za-z0-9]/.test(String.fromCharCode(this.bytes[this.at + 1]!)))
        ) {
          this.at++;
          return { ref: Number(word) };
        }
        this.at = save;
      }
      return Number(word);
    }
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return `#op:${word}`;
  }

  literalString(): void {
    let depth = 0;
    while (this.at < this.end) {
      const c = this.bytes[this.at++]!;
      if (c === 0x5c) this.at++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) return;
    }
    throw new Unsupported('string');
  }
}

/** The objects of a PDF, found by walking its bytes (not by its xref table, which scanners sometimes get wrong). */
class PdfFile {
  private readonly objects = new Map<number, PdfValue>();
  readonly text: string;

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const header = /(\d+)\s+(\d+)\s+obj\b/g;
    const streams: PdfDict[] = [];
    for (let m = header.exec(this.text); m; m = header.exec(this.text)) {
      const lexer = new Lexer(bytes, m.index + m[0].length);
      let value: PdfValue;
      try {
        value = lexer.value();
      } catch {
        continue;
      }
      if (isDict(value)) {
        lexer.skipSpace();
        if (this.text.startsWith('stream', lexer.at)) {
          let start = lexer.at + 6;
          if (bytes[start] === 0x0d) start++;
          if (bytes[start] === 0x0a) start++;
          const length = value.dict.get('Length');
          const direct = typeof length === 'number' ? start + length : -1;
          const trusted = direct >= start && /^\s*endstream/.test(this.text.slice(direct, direct + 16));
          const stop = trusted ? this.text.indexOf('endstream', direct) : this.text.indexOf('endstream', start);
          if (stop < 0) throw new Unsupported('stream without end');
          value.stream = { start, end: trusted ? direct : trimEol(bytes, start, stop) };
          streams.push(value);
          header.lastIndex = stop + 9; // never look for objects inside stream data
        } else {
          header.lastIndex = lexer.at;
        }
      } else {
        header.lastIndex = lexer.at;
      }
      this.objects.set(Number(m[1]), value); // a later definition (incremental update) replaces an earlier one
    }
    for (const s of streams) if (this.name(s.dict.get('Type')) === 'ObjStm') this.readObjectStream(s);
  }

  private readObjectStream(s: PdfDict): void {
    const data = this.streamData(s);
    if (!data) return;
    const n = this.resolve(s.dict.get('N'));
    const first = this.resolve(s.dict.get('First'));
    if (typeof n !== 'number' || typeof first !== 'number') return;
    const lexer = new Lexer(data);
    const entries: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const num = lexer.value();
      const off = lexer.value();
      if (typeof num !== 'number' || typeof off !== 'number') return;
      entries.push([num, off]);
    }
    for (const [num, off] of entries) {
      if (this.objects.has(num)) continue; // an object written directly wins
      try {
        this.objects.set(num, new Lexer(data, first + off).value());
      } catch {
        /* left out: a page using it falls back to pdf.js */
      }
    }
  }

  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    if (depth > 16) throw new Unsupported('reference loop');
    return isRef(v) ? this.resolve(this.objects.get(v.ref), depth + 1) : v;
  }

  name(v: PdfValue | undefined): string | undefined {
    const r = this.resolve(v);
    return isName(r) ? r.name : undefined;
  }

  dict(v: PdfValue | undefined): PdfDict | undefined {
    const r = this.resolve(v);
    return isDict(r) ? r : undefined;
  }

  /** The raw bytes of a stream. */
  rawStream(s: PdfDict): Uint8Array {
    if (!s.stream) throw new Unsupported('not a stream');
    const length = this.resolve(s.dict.get('Length'));
    const { start } = s.stream;
    const end = typeof length === 'number' && length > 0 && start + length <= this.bytes.length ? start + length : s.stream.end;
    return this.bytes.subarray(start, end);
  }

  /** The decoded bytes of a stream with no filter or FlateDecode (no predictor); null for any other filter. */
  streamData(s: PdfDict): Uint8Array | null {
    const filters = this.filters(s);
    if (filters.length === 0) return this.rawStream(s);
    if (filters.length === 1 && filters[0] === 'FlateDecode' && !s.dict.has('DecodeParms')) {
      try {
        return inflateSync(this.rawStream(s));
      } catch {
        return null;
      }
    }
    return null;
  }

  filters(s: PdfDict): string[] {
    const f = this.resolve(s.dict.get('Filter'));
    if (f === undefined || f === null) return [];
    const list = Array.isArray(f) ? f : [f];
    return list.map((x) => this.name(x) ?? '?');
  }
}

function trimEol(bytes: Uint8Array, start: number, stop: number): number {
  let end = stop;
  if (end > start && bytes[end - 1] === 0x0a) end--;
  if (end > start && bytes[end - 1] === 0x0d) end--;
  return end;
}

/** Operators an image-only page may use: state, transform, clipping and colour — nothing that paints but `Do`. */
const HARMLESS = new Set([
  'q',
  'Q',
  'cm',
  'gs',
  'Do',
  'w',
  'J',
  'j',
  'M',
  'd',
  'ri',
  'i',
  're',
  'm',
  'l',
  'h',
  'W',
  'W*',
  'n',
  'g',
  'G',
  'rg',
  'RG',
  'k',
  'K',
  'cs',
  'CS',
  'sc',
  'SC',
  'scn',
  'SCN',
]);

/** Number of colour components in a JPEG's frame header (1 grey, 3 colour, 4 CMYK), 0 when unreadable. */
function jpegComponents(jpeg: Uint8Array): number {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) return 0;
  let at = 2;
  while (at + 9 < jpeg.length) {
    if (jpeg[at] !== 0xff) return 0;
    const marker = jpeg[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return jpeg[at + 9]!;
    at += 2 + ((jpeg[at + 2]! << 8) | jpeg[at + 3]!);
  }
  return 0;
}

function pageImages(file: PdfFile, page: PdfDict, resources: PdfDict | undefined): Uint8Array[] | null {
  const contents = file.resolve(page.dict.get('Contents'));
  const parts = Array.isArray(contents) ? contents : contents === undefined ? [] : [contents];
  const streams: Uint8Array[] = [];
  for (const part of parts) {
    const s = file.dict(part);
    const data = s ? file.streamData(s) : null;
    if (!data) return null;
    streams.push(data);
  }
  const xobjects = file.dict(resources?.dict.get('XObject'));
  const images: Uint8Array[] = [];
  for (const data of streams) {
    const lexer = new Lexer(data);
    let last: PdfValue | undefined;
    for (;;) {
      lexer.skipSpace();
      if (lexer.at >= lexer.end) break;
      const v = lexer.value();
      if (typeof v !== 'string' || !v.startsWith('#op:')) {
        last = v;
        continue;
      }
      const op = v.slice(4);
      if (!HARMLESS.has(op)) return null; // text, painted paths, shadings, inline images…
      if (op === 'Do') {
        const xobject = isName(last) ? file.dict(xobjects?.dict.get(last.name)) : undefined;
        if (!xobject || file.name(xobject.dict.get('Subtype')) !== 'Image') return null; // a form: may draw anything
        const filters = file.filters(xobject);
        if (filters.length !== 1 || filters[0] !== 'DCTDecode') return null;
        if (xobject.dict.has('Decode') || file.resolve(xobject.dict.get('ImageMask')) === true) return null;
        const jpeg = file.rawStream(xobject);
        const components = jpegComponents(jpeg);
        if (components !== 1 && components !== 3) return null; // CMYK (Adobe inverted) and odd ones: pdf.js knows better
        images.push(jpeg);
      }
      last = undefined;
    }
  }
  return images.length ? images : null;
}

/**
 * For each page in order, the JPEG images it consists of, or null for a page that is anything else (text, vector
 * drawing, other filters: render it). The whole answer is null when the file is encrypted or cannot be walked, or its
 * page count differs from `expectedPages` (what pdf.js found).
 */
export function imageOnlyPages(bytes: Uint8Array, expectedPages: number): (Uint8Array[] | null)[] | null {
  try {
    const file = new PdfFile(bytes);
    if (/\/Encrypt\b/.test(file.text)) return null;
    const roots = [...file.text.matchAll(/\/Root\s+(\d+)\s+\d+\s+R/g)];
    const root = file.dict({ ref: Number(roots.at(-1)?.[1] ?? -1) });
    const pages: (Uint8Array[] | null)[] = [];
    const seen = new Set<PdfDict>();
    const walk = (node: PdfDict | undefined, inherited: PdfDict | undefined, depth: number): void => {
      if (!node || seen.has(node) || depth > 32) throw new Unsupported('page tree');
      seen.add(node);
      const resources = file.dict(node.dict.get('Resources')) ?? inherited;
      const kids = file.resolve(node.dict.get('Kids'));
      if (file.name(node.dict.get('Type')) === 'Pages' || Array.isArray(kids)) {
        if (!Array.isArray(kids)) throw new Unsupported('kids');
        for (const kid of kids) walk(file.dict(kid), resources, depth + 1);
      } else {
        let images: Uint8Array[] | null;
        try {
          images = pageImages(file, node, resources);
        } catch {
          images = null;
        }
        pages.push(images);
      }
      if (pages.length > expectedPages) throw new Unsupported('too many pages');
    };
    walk(file.dict(root?.dict.get('Pages')), undefined, 0);
    return pages.length === expectedPages ? pages : null;
  } catch {
    return null;
  }
}
