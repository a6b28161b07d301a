import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DecideCandidatesInputSchema, ResultsQuerySchema } from '@zhengji/domain/review/review.panel.ts';
import { roles } from '../plugins/access.ts';
import { DecisionsResultSchema, ReviewResultsSchema } from '@zhengji/domain/review/review-view.schemas.ts';
import { listReviewResults } from '../use-cases/review/list-review-results.ts';
import { decideCandidates } from '../use-cases/review/decide-candidates.ts';
import { exportScoreSheet } from '../use-cases/review/export-score-sheet.ts';
import { exportReviewSummary } from '../use-cases/review/export-review-summary.ts';

const CampaignParams = z.object({ campaignId: z.uuid('征集活动编号格式不正确') });
const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
const attachment = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

/** Aggregation and decisions of the center, and the review documents. */
export const reviewResultRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['review'];
  const center = roles('center');
  app.get(
    '/api/campaigns/:campaignId/review/results',
    {
      config: center,
      schema: { tags, summary: '评审结果汇总（含规则建议）', params: CampaignParams, querystring: ResultsQuerySchema, response: { 200: ReviewResultsSchema } },
    },
    async (request) => listReviewResults(request.ctx, request.params.campaignId, request.query),
  );
  app.post(
    '/api/campaigns/:campaignId/review/decisions',
    {
      config: center,
      schema: {
        tags,
        summary: '决定入选或不入选（可批量）',
        params: CampaignParams,
        body: DecideCandidatesInputSchema,
        response: { 200: DecisionsResultSchema },
      },
    },
    async (request) => decideCandidates(request.ctx, request.params.campaignId, request.body),
  );
  app.get(
    '/api/campaigns/:campaignId/review/experts/:expertId/score-sheet',
    {
      config: roles('center', 'expert'),
      schema: {
        tags,
        summary: '专家评审表（Word / PDF）',
        params: CampaignParams.extend({ expertId: z.uuid('专家编号格式不正确') }),
        querystring: z.object({ format: z.enum(['docx', 'pdf']).default('pdf') }),
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await exportScoreSheet(request.ctx, request.params.campaignId, request.params.expertId, request.query.format);
      return reply.header('content-type', MIME[request.query.format]).header('content-disposition', attachment(fileName)).send(bytes);
    },
  );
  app.get(
    '/api/campaigns/:campaignId/review/summary',
    {
      config: center,
      schema: {
        tags,
        summary: '评审结果汇总表（Excel / Word）',
        params: CampaignParams,
        querystring: z.object({ format: z.enum(['xlsx', 'docx']).default('xlsx') }),
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await exportReviewSummary(request.ctx, request.params.campaignId, request.query.format);
      return reply.header('content-type', MIME[request.query.format]).header('content-disposition', attachment(fileName)).send(bytes);
    },
  );
};
