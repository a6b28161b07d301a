import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConfirmOverlapSchema, MergeCandidatesSchema, SplitCandidateSchema } from '@zhengji/domain/pool/pool.schemas.ts';
import { roles } from '../plugins/access.ts';
import { listPool } from '../use-cases/pool/list-pool.ts';
import { PoolSchema } from '@zhengji/domain/pool/pool-view.schemas.ts';
import { refreshPool } from '../use-cases/pool/refresh-pool.ts';
import { mergeCandidates } from '../use-cases/pool/merge-candidates.ts';
import { splitCandidate } from '../use-cases/pool/split-candidate.ts';
import { confirmOverlap } from '../use-cases/pool/confirm-overlap.ts';
import { exportPool } from '../use-cases/pool/export-pool.ts';

const IdParams = z.object({ id: z.uuid('征集活动编号格式不正确') });
const center = roles('center');
const tags = ['pool'];

export const poolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/pool',
    { config: center, schema: { tags, summary: '候选职业库', params: IdParams, response: { 200: PoolSchema } } },
    async (request) => listPool(request.ctx, request.params.id),
  );
  app.post(
    '/api/campaigns/:id/pool/refresh',
    {
      config: center,
      schema: { tags, summary: '生成/刷新候选职业库', params: IdParams, response: { 200: z.object({ candidates: z.number(), overlaps: z.number() }) } },
    },
    async (request) => refreshPool(request.ctx, request.params.id),
  );
  app.post(
    '/api/campaigns/:id/pool/merge',
    {
      config: center,
      schema: { tags, summary: '合并候选职业', params: IdParams, body: MergeCandidatesSchema, response: { 200: z.object({ intoId: z.string() }) } },
    },
    async (request) => mergeCandidates(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/campaigns/:id/pool/split',
    {
      config: center,
      schema: { tags, summary: '拆分已合并的候选职业', params: IdParams, body: SplitCandidateSchema, response: { 200: z.object({ candidateId: z.string() }) } },
    },
    async (request) => splitCandidate(request.ctx, request.params.id, request.body.candidateId),
  );
  app.post(
    '/api/campaigns/:id/pool/confirm-overlap',
    {
      config: center,
      schema: {
        tags,
        summary: '确认交叉推荐（分别保留）',
        params: IdParams,
        body: ConfirmOverlapSchema,
        response: { 200: z.object({ confirmed: z.number() }) },
      },
    },
    async (request) => confirmOverlap(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/campaigns/:id/pool.xlsx',
    { config: center, schema: { tags, summary: '导出候选职业库（Excel）', params: IdParams } },
    async (request, reply) => {
      const file = await exportPool(request.ctx, request.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.content);
    },
  );
};
