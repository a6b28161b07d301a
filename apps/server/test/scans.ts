// Test helpers: print copies carrying the form code, and "scans" made from them the way an office scanner or a phone
// would (rasterized, rotated, grey, noisy, photographed at an angle), as JPEG, PNG or an image-only PDF. Pure JS:
// pdf.js renders the pages, @napi-rs/canvas transforms and encodes them, the PDF wrapper is written by hand.
import { createCanvas, type Canvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import QRCode from 'qrcode';
import { encodeFormCode, type FormCodePayload } from '../src/documents/form-code.ts';
import { PDF_CJK_FONT, pdfMakeWithCjkFonts } from '../src/documents/pdf-fonts.ts';

export interface ScanOptions {
  format: 'jpeg' | 'png' | 'pdf';
  /** Scanner resolution; default 150. */
  dpi?: number;
  /** Rotation clockwise in degrees: 90, 180, 270 turn the page, anything else skews it too (e.g. 2). */
  rotateDeg?: number;
  /** Grey scan with a greyish paper and less contrast. */
  grey?: boolean;
  /** Amplitude of the pixel noise, 0–255 (e.g. 40). */
  noise?: number;
  /** A phone photo at an angle: the page as a trapezoid on a darker desk. */
  perspective?: boolean;
  /** Which pages of the source to keep (1-based); default all. */
  pages?: number[];
  /** JPEG quality 0–100; default 80. */
  quality?: number;
  /** Seed of the noise; default 1 (the same options give the same bytes). */
  seed?: number;
}

export const QR_SIZE_PT = 72;

export interface PrintCopyOptions {
  /** The code to print; default a fixed sample payload. */
  payload?: FormCodePayload;
  /** Print this text in the QR code instead of our payload (a foreign code). */
  qrText?: string;
  /** Number of pages; default 1. */
  pages?: number;
  /** Pages (1-based) that carry the code; default all. */
  codeOnPages?: number[];
}

export const SAMPLE_PAYLOAD: FormCodePayload = {
  formId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  versionNo: 3,
  verificationCode: '7A3F09C2',
};

/**
 * A print copy of a finalized 推荐表 as the lead prints it: A4 landscape, the QR code as a 72 pt SVG near the top right
 * corner of every page (or of `codeOnPages`), the code in words beside it, some Chinese text and a table.
 */
export async function makePrintCopy(opts: PrintCopyOptions = {}): Promise<Buffer> {
  const payload = opts.payload ?? SAMPLE_PAYLOAD;
  const text = opts.qrText ?? encodeFormCode(payload);
  const svg = await QRCode.toString(text, { errorCorrectionLevel: 'M', margin: 4, type: 'svg' });
  const pages = opts.pages ?? 1;
  const withCode = new Set(opts.codeOnPages ?? Array.from({ length: pages }, (_, i) => i + 1));
  const content: Content[] = [];
  for (let n = 1; n <= pages; n++) {
    content.push(
      {
        text: '社会化职业技能等级认定职业（工种）推荐表',
        fontSize: 18,
        bold: true,
        alignment: 'center',
        margin: [0, 0, 0, 12],
        pageBreak: n > 1 ? 'before' : undefined,
      },
      { text: `推荐单位（盖章）：某某职业技能培训学校　　第 ${n} 页`, fontSize: 12, margin: [0, 0, 0, 8] },
      {
        table: {
          headerRows: 1,
          widths: [30, 120, 120, 60, '*'],
          body: [
            ['序号', '职业名称', '工种名称', '等级', '推荐理由'],
            ...Array.from({ length: 8 }, (_, i) => [String(i + 1), '电工', '维修电工', '三级', '本单位具备培训与考核条件，师资与场地齐全。']),
          ],
        },
        fontSize: 9,
      },
    );
  }
  const doc: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 100, 36, 40],
    defaultStyle: { font: PDF_CJK_FONT, fontSize: 10.5 },
    header: (currentPage: number): Content =>
      withCode.has(currentPage)
        ? {
            margin: [0, 14, 0, 0],
            columns: [
              { width: '*', text: '' },
              {
                width: 170,
                stack: [
                  { text: `校验码：${payload.verificationCode}`, fontSize: 10, alignment: 'right' },
                  { text: `第 ${payload.versionNo} 版定稿`, fontSize: 9, alignment: 'right' },
                ],
                margin: [0, 24, 6, 0],
              },
              { width: QR_SIZE_PT, svg, fit: [QR_SIZE_PT, QR_SIZE_PT] },
              { width: 36, text: '' },
            ],
          }
        : { text: '' },
    content,
  };
  const buffer: unknown = await pdfMakeWithCjkFonts().createPdf(doc).getBuffer();
  return Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer as Uint8Array);
}

interface Raster {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

interface PdfJsCanvas {
  canvas: unknown;
  context: { getImageData(x: number, y: number, w: number, h: number): Raster };
}

/** Renders the pages of a PDF with pdf.js (its own canvas copy) and returns their RGBA pixels. */
export async function rasterize(pdf: Buffer, dpi: number, pages?: number[]): Promise<Raster[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const wanted = pages ?? Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const out: Raster[] = [];
    const factory = doc.canvasFactory as { create(w: number, h: number): PdfJsCanvas; destroy(c: PdfJsCanvas): void };
    for (const n of wanted) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      const width = Math.round(viewport.width);
      const height = Math.round(viewport.height);
      const made = factory.create(width, height);
      await page.render({ canvas: made.canvas as never, viewport, background: 'white' }).promise;
      const image = made.context.getImageData(0, 0, width, height);
      out.push({ width, height, data: new Uint8ClampedArray(image.data) });
      factory.destroy(made);
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

function toCanvas(r: Raster): Canvas {
  const canvas = createCanvas(r.width, r.height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(r.width, r.height);
  image.data.set(r.data);
  ctx.putImageData(image, 0, 0);
  return canvas;
}

function rotate(source: Canvas, deg: number): Canvas {
  const quarter = (((Math.round(deg / 90) % 4) + 4) % 4) as 0 | 1 | 2 | 3;
  const swap = quarter % 2 === 1;
  const canvas = createCanvas(swap ? source.height : source.width, swap ? source.width : source.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.translate(canvas.width / 2, canvas.height / 2);
  ctx.rotate((deg * Math.PI) / 180);
  ctx.drawImage(source, -source.width / 2, -source.height / 2);
  return canvas;
}

/** Solves the 8 unknowns of the homography mapping the 4 points `from` onto `to`. */
function homography(from: [number, number][], to: [number, number][]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  for (let c = 0; c < 8; c++) {
    let pivot = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return a.map((row, i) => row[8]! / row[i]!);
}

/** The page photographed at an angle: a trapezoid on a darker, slightly uneven desk, sampled bilinearly. */
function perspective(source: Canvas): Canvas {
  const sw = source.width;
  const sh = source.height;
  const width = Math.round(sw * 1.12);
  const height = Math.round(sh * 1.12);
  const src = source.getContext('2d').getImageData(0, 0, sw, sh).data;
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const out = ctx.createImageData(width, height);
  // Camera tilted back and a little to the side: the far (top) edge shorter, the corners uneven.
  const quad: [number, number][] = [
    [width * 0.13, height * 0.07],
    [width * 0.88, height * 0.04],
    [width * 0.97, height * 0.95],
    [width * 0.03, height * 0.91],
  ];
  const rect: [number, number][] = [
    [0, 0],
    [sw, 0],
    [sw, sh],
    [0, sh],
  ];
  const [h0, h1, h2, h3, h4, h5, h6, h7] = homography(quad, rect) as [number, number, number, number, number, number, number, number];
  const d = out.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const w = h6 * x + h7 * y + 1;
      const u = (h0 * x + h1 * y + h2) / w;
      const v = (h3 * x + h4 * y + h5) / w;
      const o = (y * width + x) * 4;
      if (u < 0 || v < 0 || u >= sw - 1 || v >= sh - 1) {
        const desk = 90 + Math.round((40 * x) / width);
        d[o] = desk;
        d[o + 1] = desk - 10;
        d[o + 2] = desk - 25;
      } else {
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fx = u - x0;
        const fy = v - y0;
        const i = (y0 * sw + x0) * 4;
        const j = i + sw * 4;
        // Light falls off towards the bottom right, as under a desk lamp.
        const light = 1 - 0.18 * ((x / width + y / height) / 2);
        for (let c = 0; c < 3; c++) {
          const top = src[i + c]! * (1 - fx) + src[i + 4 + c]! * fx;
          const bottom = src[j + c]! * (1 - fx) + src[j + 4 + c]! * fx;
          d[o + c] = (top * (1 - fy) + bottom * fy) * light;
        }
      }
      d[o + 3] = 255;
    }
  }
  ctx.putImageData(out, 0, 0);
  return canvas;
}

/** Deterministic noise (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function greyAndNoise(canvas: Canvas, grey: boolean, noise: number, seed: number): void {
  if (!grey && !noise) return;
  const ctx = canvas.getContext('2d');
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const d = image.data;
  const next = random(seed);
  for (let i = 0; i < d.length; i += 4) {
    const n = noise ? (next() - 0.5) * 2 * noise : 0;
    if (grey) {
      // Greyish paper (≈225) and not quite black ink (≈40), as an office scanner in grey mode gives.
      const lum = 0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!;
      d[i] = d[i + 1] = d[i + 2] = 40 + (lum * 185) / 255 + n;
    } else {
      d[i] = d[i]! + n;
      d[i + 1] = d[i + 1]! + n;
      d[i + 2] = d[i + 2]! + n;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** Size and colour components from a JPEG's frame header. */
function jpegInfo(jpeg: Buffer): { width: number; height: number; components: number } {
  let at = 2;
  while (at + 9 < jpeg.length) {
    const marker = jpeg[at + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7), components: jpeg[at + 9]! };
    }
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('not a JPEG');
}

/** An image-only PDF (one JPEG per page, DCTDecode, no text, no vector): what a scanner's "scan to PDF" writes. */
export function imagesToPdf(jpegs: Buffer[], dpi = 150): Buffer {
  const images = jpegs.map((jpeg) => ({ jpeg, ...jpegInfo(jpeg) }));
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const write = (b: Buffer | string): void => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: (Buffer | string)[]): void => {
    offsets[n] = length;
    write(`${n} 0 obj\n`);
    for (const part of body) write(part);
    write('\nendobj\n');
  };
  write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  const pageRefs = images.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${pageRefs}] /Count ${images.length} >>`]);
  images.forEach((img, i) => {
    const page = 3 + i * 3;
    const w = ((img.width * 72) / dpi).toFixed(2);
    const h = ((img.height * 72) / dpi).toFixed(2);
    const contents = `q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q`;
    const colorSpace = img.components === 1 ? '/DeviceGray' : '/DeviceRGB';
    object(page, [`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << /XObject << /Im0 ${page + 1} 0 R >> >> /Contents ${page + 2} 0 R >>`]);
    object(page + 1, [
      `<< /Type /XObject /Subtype /Image /Width ${img.width} /Height ${img.height} /ColorSpace ${colorSpace} /BitsPerComponent 8 /Filter /DCTDecode /Length ${img.jpeg.length} >>\nstream\n`,
      img.jpeg,
      '\nendstream',
    ]);
    object(page + 2, [`<< /Length ${contents.length} >>\nstream\n${contents}\nendstream`]);
  });
  const count = 3 + images.length * 3;
  const xref = length;
  write(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return Buffer.concat(chunks);
}

/**
 * The pages of a PDF (the print copy) as a scanner sees them: every kept page rasterized at `dpi`, turned, greyed,
 * noised or photographed, each encoded as JPEG or PNG.
 */
export async function scanPages(pdf: Buffer, opts: Omit<ScanOptions, 'format'> & { format: 'jpeg' | 'png' }): Promise<Buffer[]> {
  const rasters = await rasterize(pdf, opts.dpi ?? 150, opts.pages);
  return rasters.map((raster, i) => {
    let canvas = toCanvas(raster);
    if (opts.rotateDeg) canvas = rotate(canvas, opts.rotateDeg);
    if (opts.perspective) canvas = perspective(canvas);
    greyAndNoise(canvas, opts.grey ?? false, opts.noise ?? 0, (opts.seed ?? 1) + i);
    return opts.format === 'png' ? canvas.encodeSync('png') : canvas.encodeSync('jpeg', opts.quality ?? 80);
  });
}

/**
 * A scan of a PDF: JPEG or PNG of the first kept page, or (format 'pdf') an image-only PDF of all kept pages as JPEGs —
 * no text, no vector code: a true scan.
 */
export async function makeScan(pdf: Buffer, opts: ScanOptions): Promise<Buffer> {
  if (opts.format === 'pdf') return imagesToPdf(await scanPages(pdf, { ...opts, format: 'jpeg' }), opts.dpi ?? 150);
  const [first] = await scanPages(pdf, { ...opts, format: opts.format, pages: [opts.pages?.[0] ?? 1] });
  return first!;
}

/** A scan of a blank A4 landscape page (grey, a little noise), in the given format. */
export async function makeBlankPage(format: ScanOptions['format'] = 'pdf'): Promise<Buffer> {
  const empty = await pdfMakeWithCjkFonts()
    .createPdf({ pageSize: 'A4', pageOrientation: 'landscape', defaultStyle: { font: PDF_CJK_FONT }, content: [{ text: ' ' }] })
    .getBuffer();
  return makeScan(Buffer.from(empty as Uint8Array), { format, grey: true, noise: 20 });
}

/** A well-formed PDF whose page tree is empty (/Count 0). */
export function makePdfWithoutPages(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
