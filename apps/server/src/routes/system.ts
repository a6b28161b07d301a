import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { PUBLIC } from '../plugins/access.ts';

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { config: PUBLIC, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    try {
      await request.ctx.db.execute(sql`SELECT 1`);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ code: 'INTERNAL', message: '数据库不可用' });
    }
  });
  app.get('/api/openapi.json', { config: PUBLIC, schema: { hide: true } }, async () => app.swagger());
};
