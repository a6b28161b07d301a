import { describe, expect, it } from 'vitest';
import { checkScanFile, detectScanMime } from './store-file.ts';

describe('detectScanMime', () => {
  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46]), null],
    ['ZIP/DOCX', Buffer.from([0x50, 0x4b, 0x03, 0x04]), null],
    ['text', Buffer.from('hello'), null],
  ])('%s by content', (_n, content, mime) => {
    expect(detectScanMime(content)).toBe(mime);
  });
  it('names what the refused file is', () => {
    expect(() => checkScanFile({ content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1]), originalName: 'a.pdf' })).toThrow('该文件是压缩包或 Word/Excel 文档');
    expect(() => checkScanFile({ content: Buffer.from('x'), originalName: 'a.pdf', truncated: true })).toThrow('超过 20 MB');
  });
});
