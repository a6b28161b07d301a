import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A small LRU map (insertion order refreshed on hit). */
export class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/** A weak ETag of any text. */
export const etagOf = (text: string) => `W/"${createHash('sha1').update(text).digest('base64url')}"`;

/** Whether the request's If-None-Match names the ETag. */
export function isFresh(request: FastifyRequest, etag: string): boolean {
  const inm = request.headers['if-none-match'];
  return typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*');
}

/** Sends an HTML page with ETag and Cache-Control, answering 304 when the client's copy is current. */
export function sendHtml(request: FastifyRequest, reply: FastifyReply, page: string, options: { etag?: string; cache?: string; status?: number } = {}) {
  const cache = options.cache ?? 'no-store';
  void reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', cache);
  if (options.status && options.status !== 200) return reply.status(options.status).send(page);
  const etag = options.etag ?? etagOf(page);
  void reply.header('etag', etag);
  if (isFresh(request, etag)) return reply.status(304).send();
  return reply.send(page);
}
