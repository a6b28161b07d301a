import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema, shanghaiIsoDate } from '@zhengji/domain';
import { roles } from '../plugins/access.ts';
import { exportAudit, listAudit } from '../use-cases/audit/list-audit.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const auditor = roles('auditor');
  app.get(
    '/api/audit',
    { config: auditor, schema: { tags: ['audit'], summary: '审计日志', querystring: AuditQuerySchema, response: { 200: AuditPageSchema } } },
    async (request) => listAudit(request.ctx, request.query),
  );
  app.get(
    '/api/audit/export',
    { config: auditor, schema: { tags: ['audit'], summary: '导出审计日志（CSV）', querystring: AuditQuerySchema } },
    async (request, reply) => {
      const csv = await exportAudit(request.ctx, request.query);
      const name = encodeURIComponent(`审计日志-${shanghaiIsoDate(request.ctx.clock.now())}.csv`);
      return reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename*=UTF-8''${name}`).send(csv);
    },
  );
};
