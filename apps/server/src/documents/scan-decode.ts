// The decoding half of the scan reader: turns an uploaded PDF or image into pixels and reads the QR codes in it. Pages
// that are only JPEGs (what scanners write) are decoded natively (scan-pdf-images.ts finds them), other pages rendered
// by pdf.js. CPU-heavy: it runs only inside the scan worker thread (scan-worker.ts); the server calls scan-reader.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Canvas from '@napi-rs/canvas';
import type { Image } from '@napi-rs/canvas';
import type * as PdfJs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type * as ZXing from 'zxing-wasm/reader';
import type { ReaderOptions } from 'zxing-wasm/reader';
import { imageOnlyPages } from './scan-pdf-images.ts';

/**
 * The decoding libraries, imported natively by the worker entry (scan-worker.mjs) and handed in: loaded through tsx's
 * hooks, pdf.js alone would cost ~200 MB more resident memory. So this module only imports their types.
 */
export interface DecoderLibraries {
  canvas: typeof Canvas;
  pdfjs: typeof PdfJs;
  zxing: typeof ZXing;
}

export type ScanMime = 'application/pdf' | 'image/jpeg' | 'image/png';

export interface DecodeRequest {
  bytes: Uint8Array;
  mime: ScanMime;
  maxPages: number;
  /** Epoch ms after which no optional (second) pass is started; the first pass always reads every page. */
  softDeadline: number;
}

/** A QR text read from a page (1-based); each distinct text once, with the first page it appears on. */
export interface PageText {
  text: string;
  page: number;
}

export type DecodeOutcome = { status: 'read'; pages: number; texts: PageText[] } | { status: 'invalid'; message: string };

/** RGBA pixels, the shape zxing-wasm takes instead of a DOM ImageData. */
interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** An uploaded image larger than this is refused before it is decoded (a 600 dpi A4 scan is 35 MP). */
export const MAX_IMAGE_PIXELS = 60_000_000;
export const MAX_IMAGE_SIDE = 16_000;
/** Pages rendered at this resolution first: the 72 pt code is then ~150 px, 4 px a module. */
const FIRST_PASS_DPI = 150;
const SECOND_PASS_DPI = 300;
/** Caps on the pixels handed to the decoder per pass (an oversized PDF page is rendered at a lower resolution). */
const FIRST_PASS_MAX_PIXELS = 4_000_000;
const SECOND_PASS_MAX_PIXELS = 12_000_000;
/** Images are downscaled to this longest side first (a phone photo is 4000 px; the code keeps ~150 px). */
const FIRST_PASS_IMAGE_SIDE = 2400;
const SECOND_PASS_IMAGE_SIDE = 4800;

const FIRST_PASS: ReaderOptions = {
  formats: ['QRCode'],
  tryHarder: true,
  tryRotate: true,
  tryInvert: false,
  tryDownscale: true,
  maxNumberOfSymbols: 8,
};
const SECOND_PASS: ReaderOptions = { ...FIRST_PASS, tryInvert: true, tryDenoise: true };

const require = createRequire(import.meta.url);
let lib: DecoderLibraries | null = null;
let ready: Promise<void> | null = null;

/**
 * Prepares decoding, once per thread: zxing-wasm is loaded from the package's own .wasm (its default fetches it from a
 * CDN, which a server must not need). pdf.js's parser is expected on `globalThis.pdfjsWorker` (set by the entry).
 */
export function prepareDecoder(libraries: DecoderLibraries): Promise<void> {
  lib = libraries;
  ready ??= (async () => {
    const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    const wasmBinary = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer;
    await libraries.zxing.prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  })();
  return ready;
}

function libraries(): DecoderLibraries {
  if (!lib) throw new Error('prepareDecoder() was not called');
  return lib;
}

const PDFJS_DIR = require.resolve('pdfjs-dist/package.json').replace(/package\.json$/, '');

class InvalidScan extends Error {}

/** Reads every QR code of every page; a file that cannot be read is an `invalid` outcome with a Chinese message. */
export async function decodeScan(request: DecodeRequest): Promise<DecodeOutcome> {
  await ready;
  try {
    return request.mime === 'application/pdf' ? await decodePdf(request) : await decodeImage(request);
  } catch (err) {
    if (err instanceof InvalidScan) return { status: 'invalid', message: err.message };
    throw err;
  }
}

async function readTexts(pixels: Pixels, options: ReaderOptions): Promise<string[]> {
  const results = await libraries().zxing.readBarcodes(pixels as unknown as ImageData, options);
  return results.filter((r) => r.isValid && r.text).map((r) => r.text);
}

function collect(found: PageText[], texts: string[], page: number): void {
  for (const text of texts) if (!found.some((f) => f.text === text)) found.push({ text, page });
}

// ---------------------------------------------------------------------------------------------------------------- PDF

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  if (bytes.byteLength === 0) throw new InvalidScan('上传的 PDF 文件是空的：请重新扫描推荐表后上传。');
  const task = libraries().pdfjs.getDocument({
    data: bytes,
    isEvalSupported: false,
    verbosity: 0,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    cMapUrl: `${PDFJS_DIR}cmaps/`,
    standardFontDataUrl: `${PDFJS_DIR}standard_fonts/`,
    wasmUrl: `${PDFJS_DIR}wasm/`,
    iccUrl: `${PDFJS_DIR}iccs/`,
  });
  try {
    return await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = err instanceof Error ? err.name : '';
    if (name === 'PasswordException') {
      throw new InvalidScan('PDF 文件已加密（需要密码才能打开）：请取消密码保护，或直接上传扫描得到的图片（JPG/PNG）。');
    }
    throw new InvalidScan('PDF 文件已损坏或不是有效的 PDF，无法读取：请重新扫描推荐表，另存为 PDF 后再上传。');
  }
}

interface CanvasAndContext {
  canvas: { width: number; height: number };
  context: { getImageData(x: number, y: number, w: number, h: number): Pixels };
}
interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(item: CanvasAndContext): void;
}

/** Renders a page with pdf.js's own canvas (its @napi-rs/canvas copy: Path2D objects cannot cross two copies). */
async function renderPage(doc: PDFDocumentProxy, page: PDFPageProxy, dpi: number, maxPixels: number): Promise<Pixels> {
  const unit = page.getViewport({ scale: 1 });
  const wanted = dpi / 72;
  const scale = Math.min(wanted, Math.sqrt(maxPixels / Math.max(1, unit.width * unit.height)));
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.round(viewport.width));
  const height = Math.max(1, Math.round(viewport.height));
  const factory = doc.canvasFactory as CanvasFactory;
  const made = factory.create(width, height);
  try {
    await page.render({ canvas: made.canvas as never, viewport, background: 'white', annotationMode: 0 }).promise;
    const image = made.context.getImageData(0, 0, width, height);
    return { width, height, data: image.data };
  } finally {
    factory.destroy(made);
  }
}

async function decodePdf(request: DecodeRequest): Promise<DecodeOutcome> {
  const doc = await openPdf(request.bytes.slice()); // pdf.js takes over (detaches) the bytes it is given
  try {
    const pages = doc.numPages;
    if (pages < 1) throw new InvalidScan('PDF 文件中没有任何页面：请重新扫描推荐表后上传。');
    if (pages > request.maxPages) {
      throw new InvalidScan(`PDF 文件共 ${pages} 页，超过上限 ${request.maxPages} 页：请只扫描推荐表各页后重新上传。`);
    }
    // What scanners write (pages that are only JPEGs) is decoded natively; every other page is rendered by pdf.js.
    const jpegPages = imageOnlyPages(request.bytes, pages);
    const found: PageText[] = [];
    const passes = [
      { dpi: FIRST_PASS_DPI, maxPixels: FIRST_PASS_MAX_PIXELS, options: FIRST_PASS },
      { dpi: SECOND_PASS_DPI, maxPixels: SECOND_PASS_MAX_PIXELS, options: SECOND_PASS },
    ];
    for (const [index, pass] of passes.entries()) {
      if (index > 0 && found.length) break; // the second, finer pass only when nothing was found at all
      for (let n = 1; n <= pages; n++) {
        if (index > 0 && Date.now() > request.softDeadline) break;
        const jpegs = jpegPages?.[n - 1];
        const fromJpegs = jpegs ? await readJpegs(jpegs, n, pass.maxPixels, index > 0, pass.options) : null;
        if (fromJpegs) {
          collect(found, fromJpegs, n);
          continue;
        }
        const page = await readPage(doc, n);
        try {
          collect(found, await readTexts(await renderPage(doc, page, pass.dpi, pass.maxPixels), pass.options), n);
        } finally {
          page.cleanup();
        }
      }
    }
    found.sort((a, b) => a.page - b.page);
    return { status: 'read', pages, texts: found };
  } finally {
    await doc.destroy();
  }
}

/** The QR texts of a page's JPEGs, each drawn within `maxPixels` (enlarged twice in the second pass); null if one cannot be decoded. */
async function readJpegs(jpegs: Uint8Array[], page: number, maxPixels: number, enlarge: boolean, options: ReaderOptions): Promise<string[] | null> {
  const texts: string[] = [];
  for (const jpeg of jpegs) {
    const size = imageDimensions(jpeg);
    if (!size) return null;
    if (size.width * size.height > MAX_IMAGE_PIXELS || Math.max(size.width, size.height) > MAX_IMAGE_SIDE) {
      throw new InvalidScan(`PDF 文件第 ${page} 页的图像尺寸过大（${size.width}×${size.height} 像素）：请以 150–300 dpi 扫描后重新上传。`);
    }
    let image: Image;
    try {
      image = await libraries().canvas.loadImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength));
    } catch {
      return null;
    }
    if (!image.width || !image.height) return null;
    const pixels = image.width * image.height;
    const factor = Math.min(enlarge ? 2 : 1, Math.sqrt(maxPixels / pixels));
    texts.push(...(await readTexts(drawAt(image, Math.max(image.width, image.height) * factor), options)));
  }
  return texts;
}

async function readPage(doc: PDFDocumentProxy, n: number): Promise<PDFPageProxy> {
  try {
    return await doc.getPage(n);
  } catch {
    throw new InvalidScan(`PDF 文件的第 ${n} 页已损坏，无法读取：请重新扫描推荐表，另存为 PDF 后再上传。`);
  }
}

// ------------------------------------------------------------------------------------------------------------- images

/** Width and height from a PNG or JPEG header, without decoding; null when the bytes are neither. */
export function imageDimensions(bytes: Uint8Array): { type: 'png' | 'jpeg'; width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length >= 24 && view.getUint32(0) === 0x89504e47 && view.getUint32(4) === 0x0d0a1a0a) {
    return { type: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { type: 'jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/** The image redrawn so that its longest side is `longSide` pixels (smaller or larger than it is). */
function drawAt(image: Image, longSide: number): Pixels {
  const factor = longSide / Math.max(image.width, image.height);
  const width = Math.max(1, Math.round(image.width * factor));
  const height = Math.max(1, Math.round(image.height * factor));
  const canvas = libraries().canvas.createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(image, 0, 0, width, height);
  return { width, height, data: ctx.getImageData(0, 0, width, height).data };
}

async function decodeImage(request: DecodeRequest): Promise<DecodeOutcome> {
  const kind = request.mime === 'image/png' ? 'PNG' : 'JPG';
  const damaged = `图片文件已损坏或不是有效的 ${kind} 图片，无法读取：请重新扫描推荐表后上传。`;
  const size = imageDimensions(request.bytes);
  if (!size || size.width < 1 || size.height < 1) {
    throw new InvalidScan(damaged);
  }
  if (size.width * size.height > MAX_IMAGE_PIXELS || Math.max(size.width, size.height) > MAX_IMAGE_SIDE) {
    throw new InvalidScan(`图片尺寸过大（${size.width}×${size.height} 像素）：请以 150–300 dpi 扫描，或把图片缩小到 6000 万像素以内后重新上传。`);
  }
  let image: Image;
  try {
    image = await libraries().canvas.loadImage(Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength));
  } catch {
    throw new InvalidScan(damaged);
  }
  if (!image.width || !image.height) {
    throw new InvalidScan(damaged);
  }
  const found: PageText[] = [];
  const longSide = Math.max(image.width, image.height);
  collect(found, await readTexts(drawAt(image, Math.min(longSide, FIRST_PASS_IMAGE_SIDE)), FIRST_PASS), 1);
  if (!found.length && Date.now() <= request.softDeadline) {
    // Second pass: a small image enlarged twice, a large one read at (nearly) full resolution.
    const target = longSide <= FIRST_PASS_IMAGE_SIDE ? longSide * 2 : Math.min(longSide, SECOND_PASS_IMAGE_SIDE);
    collect(found, await readTexts(drawAt(image, target), SECOND_PASS), 1);
  }
  return { status: 'read', pages: 1, texts: found };
}
