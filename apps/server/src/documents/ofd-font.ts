/**
 * A subset of a CFF-flavoured OpenType face (Noto Serif/Sans CJK from fonts-noto-cjk) as a standalone .otf file, for
 * embedding in an OFD package: only the glyphs of the characters a document prints, so a 300-item notice carries a
 * few hundred kilobytes of font instead of the 26 MB collection. fontkit (the font engine pdfkit/pdfmake measure
 * with) subsets the CFF table; the other tables an OpenType reader needs (cmap, head, hhea, hmtx, maxp, name, OS/2,
 * post) are written here.
 */

/** The part of a fontkit face this module uses (pdfkit hands us the face it laid the text out with). */
export interface FontkitFace {
  postscriptName: string;
  familyName: string;
  unitsPerEm: number;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number };
  getGlyph(id: number): { advanceWidth: number; bbox: { minX: number } };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
  _getTableStream(tag: string): { readBuffer(length: number): Uint8Array } | null;
}

function rawTable(face: FontkitFace, tag: string): Buffer {
  const entry = face.directory.tables[tag];
  const stream = face._getTableStream(tag);
  if (!entry || !stream) throw new Error(`字体 ${face.postscriptName} 缺少 ${tag} 表`);
  return Buffer.from(stream.readBuffer(entry.length));
}

function checksum(data: Buffer): number {
  const padded = data.length % 4 === 0 ? data : Buffer.concat([data, Buffer.alloc(4 - (data.length % 4))]);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** cmap with a format 4 (BMP) and a format 12 (all planes) subtable, one segment per character. */
function cmapTable(map: ReadonlyMap<number, number>): Buffer {
  const codes = [...map.keys()].sort((a, b) => a - b);
  const bmp = codes.filter((c) => c <= 0xfffe);
  const segCount = bmp.length + 1;
  const f4 = Buffer.alloc(16 + segCount * 8);
  f4.writeUInt16BE(4, 0);
  f4.writeUInt16BE(f4.length, 2);
  f4.writeUInt16BE(segCount * 2, 6);
  const searchRange = 2 ** Math.floor(Math.log2(segCount)) * 2;
  f4.writeUInt16BE(searchRange, 8);
  f4.writeUInt16BE(Math.log2(searchRange / 2), 10);
  f4.writeUInt16BE(segCount * 2 - searchRange, 12);
  const ends = 14;
  const starts = ends + segCount * 2 + 2;
  const deltas = starts + segCount * 2;
  const ranges = deltas + segCount * 2;
  bmp.forEach((c, i) => {
    f4.writeUInt16BE(c, ends + i * 2);
    f4.writeUInt16BE(c, starts + i * 2);
    f4.writeUInt16BE(((map.get(c) ?? 0) - c + 0x10000) & 0xffff, deltas + i * 2);
    f4.writeUInt16BE(0, ranges + i * 2);
  });
  const last = segCount - 1;
  f4.writeUInt16BE(0xffff, ends + last * 2);
  f4.writeUInt16BE(0xffff, starts + last * 2);
  f4.writeUInt16BE(1, deltas + last * 2);
  const f12 = Buffer.alloc(16 + codes.length * 12);
  f12.writeUInt16BE(12, 0);
  f12.writeUInt32BE(f12.length, 4);
  f12.writeUInt32BE(codes.length, 12);
  codes.forEach((c, i) => {
    f12.writeUInt32BE(c, 16 + i * 12);
    f12.writeUInt32BE(c, 20 + i * 12);
    f12.writeUInt32BE(map.get(c) ?? 0, 24 + i * 12);
  });
  const header = Buffer.alloc(4 + 2 * 8);
  header.writeUInt16BE(2, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(header.length, 8);
  header.writeUInt16BE(3, 12);
  header.writeUInt16BE(10, 14);
  header.writeUInt32BE(header.length + f4.length, 16);
  return Buffer.concat([header, f4, f12]);
}

/** The sfnt container: table directory sorted by tag, 4-byte aligned tables, head's checkSumAdjustment set. */
function sfnt(tables: Record<string, Buffer>): Buffer {
  const tags = Object.keys(tables).sort();
  const n = tags.length;
  const header = Buffer.alloc(12 + n * 16);
  header.write('OTTO', 0, 'latin1');
  header.writeUInt16BE(n, 4);
  const searchRange = 2 ** Math.floor(Math.log2(n)) * 16;
  header.writeUInt16BE(searchRange, 6);
  header.writeUInt16BE(Math.log2(searchRange / 16), 8);
  header.writeUInt16BE(n * 16 - searchRange, 10);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tags.forEach((tag, i) => {
    const data = tables[tag] ?? Buffer.alloc(0);
    header.write(tag, 12 + i * 16, 'latin1');
    header.writeUInt32BE(checksum(data), 16 + i * 16);
    header.writeUInt32BE(offset, 20 + i * 16);
    header.writeUInt32BE(data.length, 24 + i * 16);
    const padded = Buffer.concat([data, Buffer.alloc((4 - (data.length % 4)) % 4)]);
    bodies.push(padded);
    offset += padded.length;
  });
  const file = Buffer.concat([header, ...bodies]);
  const headAt = header.readUInt32BE(20 + tags.indexOf('head') * 16);
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, headAt + 8);
  return file;
}

/** A standalone .otf holding the glyphs of `text` (plus .notdef) of a CFF-based face. */
export function subsetOpenTypeFont(face: FontkitFace, codePoints: Iterable<number>): Buffer {
  const subset = face.createSubset();
  const map = new Map<number, number>();
  for (const cp of codePoints) {
    const glyph = face.glyphForCodePoint(cp);
    if (glyph.id !== 0) map.set(cp, subset.includeGlyph(glyph.id));
  }
  // includeGlyph keeps the order of first use: new id → old id.
  const oldIds: number[] = [0];
  for (const cp of map.keys()) {
    const newId = map.get(cp) ?? 0;
    oldIds[newId] = face.glyphForCodePoint(cp).id;
  }
  const cff = Buffer.from(subset.encode());
  const numGlyphs = oldIds.length;
  const hmtx = Buffer.alloc(numGlyphs * 4);
  oldIds.forEach((id, i) => {
    const glyph = face.getGlyph(id);
    hmtx.writeUInt16BE(Math.max(0, Math.round(glyph.advanceWidth)), i * 4);
    hmtx.writeInt16BE(Math.max(-32768, Math.min(32767, Math.round(Number.isFinite(glyph.bbox.minX) ? glyph.bbox.minX : 0))), i * 4 + 2);
  });
  const head = rawTable(face, 'head');
  head.writeUInt32BE(0, 8);
  const hhea = rawTable(face, 'hhea');
  hhea.writeUInt16BE(numGlyphs, 34);
  const maxp = Buffer.alloc(6);
  maxp.writeUInt32BE(0x00005000, 0);
  maxp.writeUInt16BE(numGlyphs, 4);
  const post = rawTable(face, 'post').subarray(0, 32);
  post.writeUInt32BE(0x00030000, 0);
  return sfnt({
    'CFF ': cff,
    'OS/2': rawTable(face, 'OS/2'),
    cmap: cmapTable(map),
    head,
    hhea,
    hmtx,
    maxp,
    name: rawTable(face, 'name'),
    post: Buffer.from(post),
  });
}
