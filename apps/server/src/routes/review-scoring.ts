import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../plugins/access.ts';
import { MyReviewsSchema, ReviewCandidateSchema, ReviewSchema } from '@zhengji/domain/review/review-view.schemas.ts';
import { listMyReviews } from '../use-cases/review/list-my-reviews.ts';
import { getReviewCandidate } from '../use-cases/review/get-review-candidate.ts';
import { saveReview } from '../use-cases/review/save-review.ts';
import { reopenReview } from '../use-cases/review/reopen-review.ts';

const CampaignParams = z.object({ campaignId: z.uuid('征集活动编号格式不正确') });
const CandidateParams = z.object({ candidateId: z.uuid('候选职业编号格式不正确') });
// Scores are checked by the use case against the round's criteria, so that messages name the criterion in Chinese.
const ReviewBody = z.record(z.string(), z.unknown());

/** Scoring: the expert's worklist, a candidate with what the units wrote and the reference data, drafts and submission. */
export const reviewScoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['review'];
  app.get(
    '/api/campaigns/:campaignId/review/my',
    { config: roles('expert'), schema: { tags, summary: '我的评审任务', params: CampaignParams, response: { 200: MyReviewsSchema } } },
    async (request) => listMyReviews(request.ctx, request.params.campaignId),
  );
  app.get(
    '/api/review/candidates/:candidateId',
    {
      config: roles('expert', 'center'),
      schema: { tags, summary: '评审的候选职业（仅分配给本人的）', params: CandidateParams, response: { 200: ReviewCandidateSchema } },
    },
    async (request) => getReviewCandidate(request.ctx, request.params.candidateId),
  );
  app.put(
    '/api/review/candidates/:candidateId/review',
    { config: roles('expert'), schema: { tags, summary: '保存评审草稿', params: CandidateParams, body: ReviewBody, response: { 200: ReviewSchema } } },
    async (request) => saveReview(request.ctx, request.params.candidateId, request.body, false),
  );
  app.post(
    '/api/review/candidates/:candidateId/review/submit',
    {
      config: roles('expert'),
      schema: { tags, summary: '提交评审（提交后锁定）', params: CandidateParams, body: ReviewBody, response: { 200: ReviewSchema } },
    },
    async (request) => saveReview(request.ctx, request.params.candidateId, request.body, true),
  );
  app.post(
    '/api/review/reviews/:id/reopen',
    {
      config: roles('center'),
      schema: { tags, summary: '退回专家修改评审', params: z.object({ id: z.uuid('评审编号格式不正确') }), response: { 200: ReviewSchema } },
    },
    async (request) => reopenReview(request.ctx, request.params.id),
  );
};
