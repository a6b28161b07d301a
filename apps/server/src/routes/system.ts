import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatChineseDateTime } from '@zhengji/domain';
import { PUBLIC } from '../plugins/access.ts';
import { DATABASE_UNAVAILABLE_MESSAGE } from '../plugins/error-handler.ts';
import { SEAL_LAG_LIMIT_MS, sealLagging, unsealedTail } from '../use-cases/audit/seal-audit.ts';

const READY_TIMEOUT_MS = 2_000;
// The probes' answers are read by the operator's load balancer, not by the web, so their schemas stay here.
const HealthSchema = z.object({ status: z.literal('ok') });
const ReadySchema = HealthSchema.extend({ audit: z.object({ status: z.literal('lagging'), unsealed: z.number(), message: z.string() }).optional() });
const UnavailableSchema = z.object({ code: z.literal('INTERNAL'), message: z.string() });

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/healthz', { config: PUBLIC, schema: { hide: true, response: { 200: HealthSchema } } }, async () => ({ status: 'ok' as const }));
  // Ready = the database answers now. While it is unreachable this says 503 (the pool keeps trying on each call), and
  // 200 again once it is back, without restarting the instance. A probe must not hang on an unreachable host.
  // The same query looks at the audit chain's unsealed tail: rows older than SEAL_LAG_LIMIT_MS are reported in `audit`
  // (still 200: a lagging sealer is the same on every instance, taking them out of service would not help).
  app.get('/readyz', { config: PUBLIC, schema: { hide: true, response: { 200: ReadySchema, 503: UnavailableSchema } } }, async (request, reply) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const tail = await Promise.race([
        unsealedTail(request.ctx.db),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('readiness probe timed out')), READY_TIMEOUT_MS))),
      ]);
      if (sealLagging(tail, request.ctx.clock.now())) {
        const message = `审计日志有 ${tail.count} 条记录超过 ${SEAL_LAG_LIMIT_MS / 1000} 秒仍未封入哈希链（最早的是第 ${tail.oldestId} 条，${formatChineseDateTime(tail.oldestAt!)} 写入）`;
        return { status: 'ok' as const, audit: { status: 'lagging' as const, unsealed: tail.count, message } };
      }
      return { status: 'ok' as const };
    } catch {
      return reply.status(503).send({ code: 'INTERNAL' as const, message: DATABASE_UNAVAILABLE_MESSAGE });
    } finally {
      clearTimeout(timer);
    }
  });
  app.get('/api/openapi.json', { config: PUBLIC, schema: { hide: true } }, async () => app.swagger());
};
