import type { FastifyReply, FastifyRequest } from 'fastify';
import { renderNoticeListDocx } from '../documents/notice-list.docx.ts';
import { renderNoticeListPdf } from '../documents/notice-list.pdf.ts';
import { renderNoticeListXlsx } from '../documents/notice-list.xlsx.ts';
import { renderNoticeListOfd } from '../documents/notice-list.ofd.ts';
import type { NoticeListDocument } from '../documents/notice-list-layout.ts';
import { LRUCache } from 'lru-cache';

/** A downloadable format of a list (OFD: GB/T 33190, the national format for electronic official documents). */
export type ListFormat = 'docx' | 'pdf' | 'xlsx' | 'ofd';

const MIME: Record<ListFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ofd: 'application/ofd',
};
const RENDER: Record<ListFormat, (d: NoticeListDocument) => Promise<Buffer>> = {
  docx: renderNoticeListDocx,
  pdf: renderNoticeListPdf,
  xlsx: renderNoticeListXlsx,
  ofd: renderNoticeListOfd,
};
const cache = new LRUCache<string, Buffer>({ max: 24 });

/** Sends the list as Word, PDF or Excel; the content is immutable (keyed by its hash), so it is cached and tagged. */
export async function sendListDocument(
  request: FastifyRequest,
  reply: FastifyReply,
  format: ListFormat,
  input: { key: string; fileName: string; doc: NoticeListDocument },
) {
  const etag = `"${input.key.replace(/[^\w:-]/g, '').slice(0, 60)}-${format}"`;
  // The content is immutable, so the tag is its key; @fastify/etag answers 304 when If-None-Match names it.
  void reply.header('etag', etag).header('cache-control', 'public, max-age=3600');
  // The announcement prints the site's address, so the cache is kept per host.
  const cacheKey = `${input.key}:${request.host}:${format}`;
  let content = cache.get(cacheKey);
  if (!content) {
    content = await RENDER[format](input.doc);
    cache.set(cacheKey, content);
  }
  return reply
    .header('content-type', MIME[format])
    .header('content-disposition', `attachment; filename="list.${format}"; filename*=UTF-8''${encodeURIComponent(`${input.fileName}.${format}`)}`)
    .send(content);
}
