import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { UnitInputSchema, UnitSchema } from '@zhengji/domain';
import { roles } from '../plugins/access.ts';
import { listUnits } from '../use-cases/unit/list-units.ts';
import { saveUnit } from '../use-cases/unit/save-unit.ts';

const IdParams = z.object({ id: z.uuid('单位编号格式不正确') });

export const unitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/units',
    { config: roles('admin', 'center'), schema: { tags: ['units'], summary: '推荐单位列表', response: { 200: z.array(UnitSchema) } } },
    async (request) => listUnits(request.ctx),
  );
  app.post(
    '/api/units',
    { config: roles('admin'), schema: { tags: ['units'], summary: '创建推荐单位', body: UnitInputSchema, response: { 201: UnitSchema } } },
    async (request, reply) => reply.status(201).send(await saveUnit(request.ctx, null, request.body)),
  );
  app.patch(
    '/api/units/:id',
    { config: roles('admin'), schema: { tags: ['units'], summary: '修改推荐单位', params: IdParams, body: UnitInputSchema, response: { 200: UnitSchema } } },
    async (request) => saveUnit(request.ctx, request.params.id, request.body),
  );
};
