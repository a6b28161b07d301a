import { performance } from 'node:perf_hooks';
import { availableParallelism, loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfMakeWithCjkFonts, PDF_CJK_FONT } from './pdf-fonts.ts';
import { closeScanReader, readFormCodes, type ScanReadResult } from './scan-reader.ts';
import { imagesToPdf, makeBlankPage, makePdfWithoutPages, makePrintCopy, makeScan, SAMPLE_PAYLOAD, scanPages } from '../../test/scans.ts';

// Scans are made (pdf.js rendering, pixel work) and read on a shared 2-core machine: generous limits.
const SLOW = 180_000;
const READ = { timeoutMs: 90_000 };

let printCopy: Buffer;
let twentyPages: Buffer[]; // JPEG scans of a 20-page print copy carrying the code only on page 7

beforeAll(async () => {
  printCopy = await makePrintCopy();
  twentyPages = await scanPages(await makePrintCopy({ pages: 20, codeOnPages: [7] }), { format: 'jpeg', grey: true, noise: 15, rotateDeg: 1 });
}, SLOW);

afterAll(async () => {
  await closeScanReader();
});

function expectSample(result: ScanReadResult, page = 1, pages = 1): void {
  expect(result).toEqual({ status: 'found', pages, codes: [{ payload: SAMPLE_PAYLOAD, page }], foreign: [] });
}

describe('readFormCodes: the code of a finalized 推荐表 read from a scan', () => {
  it(
    'reads a 150 dpi grey JPEG rotated 2° with scanner noise',
    async () => {
      const scan = await makeScan(printCopy, { format: 'jpeg', dpi: 150, rotateDeg: 2, grey: true, noise: 30 });
      expectSample(await readFormCodes(scan, 'image/jpeg', READ));
    },
    SLOW,
  );

  it(
    'reads a PNG',
    async () => {
      const scan = await makeScan(printCopy, { format: 'png', dpi: 150 });
      expectSample(await readFormCodes(scan, 'image/png', READ));
    },
    SLOW,
  );

  it(
    'reads a page scanned upside down and one turned by 90°',
    async () => {
      const upsideDown = await makeScan(printCopy, { format: 'jpeg', rotateDeg: 180, grey: true, noise: 20 });
      expectSample(await readFormCodes(upsideDown, 'image/jpeg', READ));
      const quarter = await makeScan(printCopy, { format: 'jpeg', rotateDeg: 90, grey: true, noise: 20 });
      expectSample(await readFormCodes(quarter, 'image/jpeg', READ));
    },
    SLOW,
  );

  it(
    'reads a phone photo taken at an angle',
    async () => {
      const photo = await makeScan(printCopy, { format: 'jpeg', dpi: 200, perspective: true, noise: 15, quality: 85 });
      expectSample(await readFormCodes(photo, 'image/jpeg', READ));
    },
    SLOW,
  );

  it(
    'reads a 300 dpi scan (downscaled before decoding)',
    async () => {
      const scan = await makeScan(printCopy, { format: 'jpeg', dpi: 300, rotateDeg: -1, grey: true, noise: 20 });
      expectSample(await readFormCodes(scan, 'image/jpeg', READ));
    },
    SLOW,
  );

  it(
    'reads an image-only PDF (no text, no vector code) and the print copy itself',
    async () => {
      const scan = await makeScan(printCopy, { format: 'pdf', rotateDeg: -1.5, grey: true, noise: 25 });
      const objects = scan.toString('latin1').replace(/stream\r?\n[\s\S]*?endstream/g, '');
      expect(objects).toContain('/DCTDecode');
      expect(objects).not.toMatch(/\/Font|\/Subtype \/Form/); // no text, no vector drawing
      expect(objects.match(/\/Contents/g)).toHaveLength(1);
      expectSample(await readFormCodes(scan, 'application/pdf', READ));
      expectSample(await readFormCodes(printCopy, 'application/pdf', READ));
    },
    SLOW,
  );

  it(
    'reads every page of a 20-page PDF: the code only on page 7',
    async () => {
      const result = await readFormCodes(imagesToPdf(twentyPages), 'application/pdf', READ);
      expectSample(result, 7, 20);
    },
    SLOW,
  );

  it(
    'names each distinct code with its first page, and QR texts that are not ours as foreign',
    async () => {
      const other = { ...SAMPLE_PAYLOAD, versionNo: 2, verificationCode: '0C1D2E3F' };
      const [v3] = await scanPages(printCopy, { format: 'jpeg', grey: true });
      const [v2] = await scanPages(await makePrintCopy({ payload: other }), { format: 'jpeg', grey: true });
      const [url] = await scanPages(await makePrintCopy({ qrText: 'https://example.com/some/other/code' }), { format: 'jpeg', grey: true });
      const result = await readFormCodes(imagesToPdf([v3!, url!, v3!, v2!]), 'application/pdf', READ);
      expect(result).toEqual({
        status: 'found',
        pages: 4,
        codes: [
          { payload: SAMPLE_PAYLOAD, page: 1 },
          { payload: other, page: 4 },
        ],
        foreign: ['https://example.com/some/other/code'],
      });
    },
    SLOW,
  );

  it(
    'a QR code holding another text only: none, with that text as foreign',
    async () => {
      const scan = await makeScan(await makePrintCopy({ qrText: '这不是推荐表的二维码' }), { format: 'jpeg', grey: true, rotateDeg: 2 });
      expect(await readFormCodes(scan, 'image/jpeg', READ)).toEqual({ status: 'none', pages: 1, foreign: ['这不是推荐表的二维码'] });
    },
    SLOW,
  );

  it(
    'a forged but well-formed code (another form id) reads as found: matching it is the caller’s job',
    async () => {
      const forged = { formId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', versionNo: 1, verificationCode: 'DEADBEEF' };
      const scan = await makeScan(await makePrintCopy({ payload: forged }), { format: 'jpeg', grey: true, noise: 20 });
      expect(await readFormCodes(scan, 'image/jpeg', READ)).toEqual({ status: 'found', pages: 1, codes: [{ payload: forged, page: 1 }], foreign: [] });
    },
    SLOW,
  );

  it(
    'a blank page: none',
    async () => {
      expect(await readFormCodes(await makeBlankPage('pdf'), 'application/pdf', READ)).toEqual({ status: 'none', pages: 1, foreign: [] });
      expect(await readFormCodes(await makeBlankPage('jpeg'), 'image/jpeg', READ)).toEqual({ status: 'none', pages: 1, foreign: [] });
    },
    SLOW,
  );
});

describe('readFormCodes: files that cannot be read get a Chinese answer saying what to do', () => {
  it('a PDF with no pages', async () => {
    expect(await readFormCodes(makePdfWithoutPages(), 'application/pdf')).toEqual({
      status: 'invalid',
      message: 'PDF 文件中没有任何页面：请重新扫描推荐表后上传。',
    });
  });

  it('a damaged or empty PDF, and bytes that are no image', async () => {
    const damaged = { status: 'invalid', message: 'PDF 文件已损坏或不是有效的 PDF，无法读取：请重新扫描推荐表，另存为 PDF 后再上传。' };
    expect(await readFormCodes(Buffer.from('这不是 PDF 文件'), 'application/pdf')).toEqual(damaged);
    expect(await readFormCodes(printCopy.subarray(0, Math.floor(printCopy.length / 3)), 'application/pdf')).toEqual(damaged);
    expect(await readFormCodes(Buffer.alloc(0), 'application/pdf')).toEqual({
      status: 'invalid',
      message: '上传的 PDF 文件是空的：请重新扫描推荐表后上传。',
    });
    expect(await readFormCodes(Buffer.from('not a picture at all'), 'image/jpeg')).toEqual({
      status: 'invalid',
      message: '图片文件已损坏或不是有效的 JPG 图片，无法读取：请重新扫描推荐表后上传。',
    });
    expect(await readFormCodes(Buffer.from('not a picture at all'), 'image/png')).toEqual({
      status: 'invalid',
      message: '图片文件已损坏或不是有效的 PNG 图片，无法读取：请重新扫描推荐表后上传。',
    });
  });

  it('an encrypted PDF', async () => {
    const definition = { userPassword: 'secret', ownerPassword: 'owner', defaultStyle: { font: PDF_CJK_FONT }, content: ['加密的推荐表'] };
    const encrypted = Buffer.from((await pdfMakeWithCjkFonts().createPdf(definition).getBuffer()) as Uint8Array);
    expect(await readFormCodes(encrypted, 'application/pdf')).toEqual({
      status: 'invalid',
      message: 'PDF 文件已加密（需要密码才能打开）：请取消密码保护，或直接上传扫描得到的图片（JPG/PNG）。',
    });
  });

  it('more pages than allowed', async () => {
    expect(await readFormCodes(imagesToPdf(twentyPages), 'application/pdf', { maxPages: 5 })).toEqual({
      status: 'invalid',
      message: 'PDF 文件共 20 页，超过上限 5 页：请只扫描推荐表各页后重新上传。',
    });
  });

  it('an image too large to decode is refused from its header', async () => {
    // A PNG signature and IHDR claiming 20000 × 15000 pixels: refused before anything is decoded.
    const header = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
    header.writeUInt32BE(13, 8);
    header.write('IHDR', 12, 'latin1');
    header.writeUInt32BE(20_000, 16);
    header.writeUInt32BE(15_000, 20);
    expect(await readFormCodes(header, 'image/png')).toEqual({
      status: 'invalid',
      message: '图片尺寸过大（20000×15000 像素）：请以 150–300 dpi 扫描，或把图片缩小到 6000 万像素以内后重新上传。',
    });
  });

  it('a PDF page whose image is too large is refused from the JPEG header', async () => {
    // SOI, then a baseline frame header claiming 20000 × 15000 pixels, 3 components, then EOI: nothing to decode.
    const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, 0x3a, 0x98, 0x4e, 0x20, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    const jpeg = Buffer.from([0xff, 0xd8, ...sof, 0xff, 0xd9]);
    expect(await readFormCodes(imagesToPdf([twentyPages[0]!, jpeg]), 'application/pdf')).toEqual({
      status: 'invalid',
      message: 'PDF 文件第 2 页的图像尺寸过大（20000×15000 像素）：请以 150–300 dpi 扫描后重新上传。',
    });
  });

  it('a type that is not PDF, JPEG or PNG', async () => {
    expect(await readFormCodes(Buffer.from('GIF89a'), 'image/gif' as never)).toEqual({
      status: 'invalid',
      message: '只能读取 PDF、JPG 或 PNG 格式的扫描件：请另存为其中一种格式后重新上传。',
    });
  });
});

describe('readFormCodes: off the main thread, with a time limit', () => {
  it(
    'answers timeout when the limit passes, and the next call works on a fresh worker',
    async () => {
      const scan = imagesToPdf(twentyPages);
      const timedOut = await readFormCodes(scan, 'application/pdf', { timeoutMs: 50 });
      expect(timedOut).toEqual({
        status: 'timeout',
        message: '读取扫描件超时：请上传 150–300 dpi、只含推荐表各页的扫描件，或稍后重试；仍不能识别时可手工输入页面上印的 8 位校验码。',
      });
      // 20 vector pages rendered by pdf.js on a fresh worker: far more than a second.
      const seconds = await readFormCodes(await makePrintCopy({ pages: 20 }), 'application/pdf', { timeoutMs: 1000 });
      expect(seconds.status === 'timeout' ? seconds.message : '').toContain('读取扫描件超时（超过 1 秒）');
      expectSample(await readFormCodes(imagesToPdf(twentyPages.slice(6, 7)), 'application/pdf', READ));
    },
    SLOW,
  );

  it(
    'queues concurrent calls and answers each',
    async () => {
      const one = imagesToPdf(twentyPages.slice(6, 7));
      const blank = imagesToPdf(twentyPages.slice(0, 1));
      const [a, b, c] = await Promise.all([
        readFormCodes(one, 'application/pdf', READ),
        readFormCodes(blank, 'application/pdf', READ),
        readFormCodes(Buffer.from('x'), 'application/pdf', READ),
      ]);
      expectSample(a!);
      expect(b).toEqual({ status: 'none', pages: 1, foreign: [] });
      expect(c!.status).toBe('invalid');
    },
    SLOW,
  );

  it(
    'keeps the main event loop free while a 10-page PDF is read',
    async () => {
      const tenPages = imagesToPdf(twentyPages.slice(0, 10));
      await readFormCodes(imagesToPdf(twentyPages.slice(0, 1)), 'application/pdf', READ); // worker started and warm
      let last = performance.now();
      let worst = 0;
      let ticks = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
        ticks++;
      }, 10);
      const loopBefore = performance.eventLoopUtilization();
      try {
        const result = await readFormCodes(tenPages, 'application/pdf', READ);
        expectSample(result, 7, 10);
      } finally {
        clearInterval(timer);
      }
      // The main thread was busy for a small share of the read (decoding here would make it ~1)…
      const elu = performance.eventLoopUtilization(loopBefore).utilization;
      expect(elu).toBeLessThan(0.25);
      expect(ticks).toBeGreaterThan(20);
      // …and no 10 ms tick came late by more than ~100 ms — unless the machine runs more threads than it has cores
      // (a shared CI host), when the scheduler alone can hold a runnable thread back that long.
      const oversubscribed = loadavg()[0]! > availableParallelism();
      expect(worst).toBeLessThan(oversubscribed ? 500 : 110);
    },
    SLOW,
  );
});
