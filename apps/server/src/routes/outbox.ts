import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../plugins/access.ts';
import { OutboxQuerySchema, listOutbox } from '../use-cases/notification/list-outbox.ts';
import { OutboxPageSchema } from '@zhengji/domain/notification/notification.schemas.ts';
import { retryOutboxMail } from '../use-cases/notification/retry-outbox-mail.ts';

const tags = ['outbox'];

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outbox',
    {
      config: roles('center'),
      schema: { tags, summary: '邮件发件箱（发送状态与失败原因）', querystring: OutboxQuerySchema, response: { 200: OutboxPageSchema } },
    },
    async (request) => listOutbox(request.ctx, request.query),
  );
  app.post(
    '/api/outbox/:id/retry',
    {
      config: roles('center'),
      schema: {
        tags,
        summary: '重新发送邮件',
        params: z.object({ id: z.uuid('邮件编号格式不正确') }),
        response: { 200: z.object({ id: z.string(), status: z.string() }) },
      },
    },
    async (request) => retryOutboxMail(request.ctx, request.params.id),
  );
};
