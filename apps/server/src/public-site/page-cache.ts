import type { FastifyReply } from 'fastify';

/**
 * Sends an HTML page with Cache-Control. `etag` names a page by what it shows (e.g. the notice's snapshot hash), so
 * a client's copy is revalidated without rendering; without it @fastify/etag (registered by the public site) tags the
 * page by its bytes. Either way it answers 304 when If-None-Match names the tag.
 */
export function sendHtml(reply: FastifyReply, page: string, options: { etag?: string; cache?: string; status?: number } = {}) {
  const cache = options.cache ?? 'no-store';
  void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', cache);
  if (options.status && options.status !== 200) return reply.status(options.status).send(page);
  if (options.etag) void reply.header('etag', options.etag);
  return reply.send(page);
}
