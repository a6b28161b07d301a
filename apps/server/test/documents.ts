import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';
import { readOoxmlEntries } from '../src/documents/guarded-unzip.ts';
import { DEFAULT_INDUSTRY_TAGS } from '@zhengji/domain';

/** Helpers for the document tests: read generated archives back, build hostile ones, run poppler tools. */

/** All entries of a generated .docx/.xlsx as UTF-8 text. */
export async function unzipText(bytes: Buffer): Promise<Map<string, string>> {
  const entries = await readOoxmlEntries(bytes, bytes.includes(Buffer.from('word/')) ? 'docx' : 'xlsx', () => true);
  return new Map([...entries].map(([name, data]) => [name, data.toString('utf8')]));
}

export interface ZipEntrySpec {
  name: string;
  data: Buffer | string;
  /** Size to declare in the headers instead of the real one (a lying archive). */
  declaredSize?: number;
}

/** A minimal zip writer (deflate, no extras), enough to build archive bombs and odd packages in tests. */
export function buildZip(entries: readonly ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = Buffer.isBuffer(entry.data) ? entry.data : Buffer.from(entry.data, 'utf8');
    const compressed = deflateRawSync(raw);
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** A CFB (OLE) container header followed by the given UTF-16 stream names, like .xls/.doc or encrypted OOXML. */
export function fakeCfb(streamNames: readonly string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  return Buffer.concat([header, ...streamNames.map((n) => Buffer.from(n, 'utf16le')), Buffer.alloc(512)]);
}

const run = promisify(execFile);

/** Writes bytes to a fresh temporary file and returns its path. */
export async function tempFile(name: string, bytes: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zhengji-doc-'));
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** Runs a poppler tool (pdftotext, pdfinfo, pdffonts) and returns its standard output. */
export async function poppler(tool: 'pdftotext' | 'pdfinfo' | 'pdffonts', args: readonly string[]): Promise<string> {
  const { stdout } = await run(tool, [...args], { maxBuffer: 32 * 1024 * 1024 });
  return stdout;
}

/** The 13 industry tags of the bad-input documents: the notice's 11 defaults and two more a campaign may add. */
export const THIRTEEN_TAGS: string[] = [...DEFAULT_INDUSTRY_TAGS, '低空经济', '绿色低碳'];
