import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ObjectionCommandInputSchema, ObjectionDetailSchema } from '@zhengji/domain/notice/notice.schemas.ts';
import { roles } from '../plugins/access.ts';
import { getObjection } from '../use-cases/objection/get-objection.ts';
import { handleObjection } from '../use-cases/objection/handle-objection.ts';

const IdParams = z.object({ id: z.uuid('异议编号格式不正确') });

export const objectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/objections/:id',
    {
      config: roles('center'),
      schema: { tags: ['objections'], summary: '异议详情（含异议人信息）', params: IdParams, response: { 200: ObjectionDetailSchema } },
    },
    async (request) => getObjection(request.ctx, request.params.id),
  );
  app.post(
    '/api/objections/:id/actions',
    {
      config: roles('center'),
      schema: {
        tags: ['objections'],
        summary: '处理异议：受理、不予受理、调查核实、办结',
        params: IdParams,
        body: ObjectionCommandInputSchema,
        response: { 200: ObjectionDetailSchema },
      },
    },
    async (request) => handleObjection(request.ctx, request.params.id, request.body),
  );
};
