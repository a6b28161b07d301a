import { describe, expect, it } from 'vitest';
import type { Content } from 'pdfmake/interfaces';
import { pdfMakeWithCjkFonts, PDF_CJK_FONT } from './pdf-fonts.ts';
import { imageOnlyPages } from './scan-pdf-images.ts';
import { imagesToPdf, makePrintCopy, scanPages } from '../../test/scans.ts';

async function pdfmake(content: Content[], extra: object = {}): Promise<Uint8Array> {
  const doc = { pageSize: 'A4', pageOrientation: 'landscape', pageMargins: 0, defaultStyle: { font: PDF_CJK_FONT }, content, ...extra } as const;
  return new Uint8Array((await pdfMakeWithCjkFonts().createPdf(doc).getBuffer()) as Uint8Array);
}

describe('imageOnlyPages: the JPEGs of pages that are nothing but JPEGs (the fast path of the scan reader)', () => {
  it('finds the JPEG of every page of a scanner-style PDF, byte for byte', async () => {
    const jpegs = await scanPages(await makePrintCopy({ pages: 2 }), { format: 'jpeg', dpi: 100, grey: true });
    const pages = imageOnlyPages(new Uint8Array(imagesToPdf(jpegs, 100)), 2);
    expect(pages?.map((p) => p && Buffer.from(p[0]!))).toEqual(jpegs);
  }, 60_000);

  it('reads compressed content streams (pdfkit) and tells an image page from a page with text', async () => {
    const [jpeg] = await scanPages(await makePrintCopy(), { format: 'jpeg', dpi: 100 });
    const url = `data:image/jpeg;base64,${jpeg!.toString('base64')}`;
    const pages = imageOnlyPages(
      await pdfmake([
        { image: url, width: 841 },
        { text: '这一页有文字', pageBreak: 'before' },
      ]),
      2,
    );
    expect(pages).toHaveLength(2);
    expect(Buffer.from(pages![0]![0]!).equals(jpeg!)).toBe(true);
    expect(pages![1]).toBeNull();
  }, 60_000);

  it('leaves the print copy (text and a vector code) to pdf.js', async () => {
    expect(imageOnlyPages(new Uint8Array(await makePrintCopy()), 1)).toEqual([null]);
  }, 60_000);

  it('gives up on encrypted files, a page count that differs from pdf.js, and garbage', async () => {
    const [jpeg] = await scanPages(await makePrintCopy(), { format: 'jpeg', dpi: 72 });
    const url = `data:image/jpeg;base64,${jpeg!.toString('base64')}`;
    const encrypted = await pdfmake([{ image: url, width: 841 }], { ownerPassword: 'x', permissions: { printing: 'highResolution' } });
    expect(imageOnlyPages(encrypted, 1)).toBeNull();
    expect(imageOnlyPages(new Uint8Array(imagesToPdf([jpeg!], 72)), 2)).toBeNull();
    expect(imageOnlyPages(new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj')), 1)).toBeNull();
    expect(imageOnlyPages(new Uint8Array(0), 1)).toBeNull();
  }, 60_000);
});
