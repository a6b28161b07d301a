import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { PUBLIC } from '../plugins/access.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../plugins/error-handler.ts';

const READY_TIMEOUT_MS = 2_000;

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { config: PUBLIC, schema: { hide: true } }, async () => ({ status: 'ok' }));
  // Ready = the database answers now. While it is unreachable this says 503 (the pool keeps trying on each call), and
  // 200 again once it is back, without restarting the instance. A probe must not hang on an unreachable host.
  app.get('/readyz', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        request.ctx.db.execute(sql`SELECT 1`),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('readiness probe timed out')), READY_TIMEOUT_MS))),
      ]);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ code: 'INTERNAL', message: DATABASE_UNAVAILABLE_MESSAGE });
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/api/openapi.json', { config: PUBLIC, schema: { hide: true } }, async () => app.swagger());
};
