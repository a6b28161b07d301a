import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AcceptCheckedSchema, ReturnCheckedSchema, SaveDecisionsSchema } from '@zhengji/domain/check/check.schemas.ts';
import { roles } from '../plugins/access.ts';
import { CheckQueueQuerySchema, listCheckQueue } from '../use-cases/check/list-check-queue.ts';
import { CheckQueueItemSchema, CheckViewSchema } from '@zhengji/domain/check/check-view.schemas.ts';
import { getCheck } from '../use-cases/check/get-check.ts';
import { startCheck } from '../use-cases/check/start-check.ts';
import { saveCheckDecisions } from '../use-cases/check/save-check-decisions.ts';
import { acceptCheckedForm, returnCheckedForm } from '../use-cases/check/decide-checked-form.ts';

const IdParams = z.object({ formId: z.uuid('推荐表编号格式不正确') });
const center = roles('center');
const tags = ['checks'];

export const checkRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/checks',
    { config: center, schema: { tags, summary: '材料核验队列', querystring: CheckQueueQuerySchema, response: { 200: z.array(CheckQueueItemSchema) } } },
    async (request) => listCheckQueue(request.ctx, request.query),
  );
  app.get(
    '/api/checks/:formId',
    { config: center, schema: { tags, summary: '推荐表核验页', params: IdParams, response: { 200: CheckViewSchema } } },
    async (request) => getCheck(request.ctx, request.params.formId),
  );
  app.post(
    '/api/checks/:formId/start',
    { config: center, schema: { tags, summary: '开始核验（单位不能再撤回）', params: IdParams, response: { 200: CheckViewSchema } } },
    async (request) => startCheck(request.ctx, request.params.formId),
  );
  app.put(
    '/api/checks/:formId/decisions',
    { config: center, schema: { tags, summary: '保存逐行核验结论', params: IdParams, body: SaveDecisionsSchema, response: { 200: CheckViewSchema } } },
    async (request) => saveCheckDecisions(request.ctx, request.params.formId, request.body),
  );
  app.post(
    '/api/checks/:formId/accept',
    { config: center, schema: { tags, summary: '受理推荐表', params: IdParams, body: AcceptCheckedSchema, response: { 200: CheckViewSchema } } },
    async (request) => acceptCheckedForm(request.ctx, request.params.formId, request.body),
  );
  app.post(
    '/api/checks/:formId/return',
    { config: center, schema: { tags, summary: '退回推荐表（理由与时限）', params: IdParams, body: ReturnCheckedSchema, response: { 200: CheckViewSchema } } },
    async (request) => returnCheckedForm(request.ctx, request.params.formId, request.body),
  );
};
