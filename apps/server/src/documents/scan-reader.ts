import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { parseFormCode, type FormCodePayload } from './form-code.ts';

/** What reading a scan found. */
export type ScanReadResult =
  | { status: 'found'; pages: number; codes: { payload: FormCodePayload; page: number }[]; foreign: string[] }
  | { status: 'none'; pages: number; foreign: string[] }
  | { status: 'invalid'; message: string }
  | { status: 'timeout'; message: string };

const require = createRequire(import.meta.url);
let prepared = false;
function prepare(): void {
  if (prepared) return;
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  void prepareZXingModule({ overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer }, fireImmediately: true });
  prepared = true;
}

/** Interim in-process reader (images only); replaced by the worker-based reader. */
export async function readFormCodes(bytes: Buffer, mime: 'application/pdf' | 'image/jpeg' | 'image/png'): Promise<ScanReadResult> {
  prepare();
  if (mime === 'application/pdf') return { status: 'none', pages: 1, foreign: [] };
  const results = await readBarcodes(new Uint8Array(bytes), { formats: ['QRCode'], tryHarder: true });
  const codes: { payload: FormCodePayload; page: number }[] = [];
  const foreign: string[] = [];
  for (const r of results) {
    const payload = parseFormCode(r.text);
    if (payload) codes.push({ payload, page: 1 });
    else if (r.text) foreign.push(r.text);
  }
  return codes.length > 0 ? { status: 'found', pages: 1, codes, foreign } : { status: 'none', pages: 1, foreign };
}
