import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PUBLIC } from './access.ts';

/**
 * Serves the built web app (apps/web/dist) with a fallback to index.html for client-side routes. Hashed assets are sent
 * precompressed (`.br` / `.gz` written once by the build) and cached for a year as immutable; index.html revalidates.
 */
export async function registerWeb(app: FastifyInstance, distDir: string): Promise<void> {
  if (!existsSync(path.join(distDir, 'index.html'))) {
    app.get('/', { config: PUBLIC, schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send('<!doctype html><meta charset="utf-8"><title>征集</title><p>前端尚未构建，请运行 <code>npm run build</code> 后重启。</p>'),
    );
    return;
  }
  await app.register(fastifyStatic, { root: distDir, serve: false, preCompressed: true });
  app.get('/assets/*', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    const rel = (request.params as { '*': string })['*'];
    return reply.sendFile(path.join('assets', rel), { maxAge: 31_536_000_000, immutable: true });
  });
  app.get('/*', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url.startsWith('/api/')) return reply.callNotFound();
    const file = path.join(distDir, path.normalize(url));
    if (url !== '/' && file.startsWith(distDir) && existsSync(file) && !url.endsWith('/')) return reply.sendFile(path.relative(distDir, file));
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}
