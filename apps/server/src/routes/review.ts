import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AutoAssignInputSchema,
  ManualAssignInputSchema,
  PanelDrawInputSchema,
  PanelMemberInputSchema,
  ReassignInputSchema,
  RoundSettingsInputSchema,
} from '@zhengji/domain/review/review.panel.ts';
import {
  AssignmentCreatedSchema,
  AssignmentRemovedSchema,
  AutoAssignResultSchema,
  PanelDrawResultSchema,
  RemindResultSchema,
  ReviewBoardSchema,
  ReviewCampaignSchema,
  ReviewRoundSchema,
} from '@zhengji/domain/review/review-view.schemas.ts';
import { ANY_USER, roles } from '../plugins/access.ts';
import { listReviewCampaigns } from '../use-cases/review/list-review-campaigns.ts';
import { getReviewBoard } from '../use-cases/review/get-review-board.ts';
import { setPanelMember } from '../use-cases/review/set-panel-member.ts';
import { drawPanel } from '../use-cases/review/draw-panel.ts';
import { autoAssign } from '../use-cases/review/auto-assign.ts';
import { assignExpert } from '../use-cases/review/assign-expert.ts';
import { removeAssignment } from '../use-cases/review/remove-assignment.ts';
import { reassignExpert } from '../use-cases/review/reassign-expert.ts';
import { saveRoundSettings } from '../use-cases/review/save-round-settings.ts';
import { closeRound } from '../use-cases/review/close-round.ts';
import { remindReviewers } from '../use-cases/review/remind-reviewers.ts';

const CampaignParams = z.object({ campaignId: z.uuid('征集活动编号格式不正确') });
const ExpertParams = CampaignParams.extend({ expertId: z.uuid('专家编号格式不正确') });
const AssignmentParams = z.object({ id: z.uuid('评审分配编号格式不正确') });

/** The center's organisation of a review round: panel, draw, assignment, round settings, reminders. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const center = roles('center');
  const tags = ['review'];
  app.get(
    '/api/review/campaigns',
    { config: ANY_USER, schema: { tags, summary: '可进行专家评估的征集活动', response: { 200: z.array(ReviewCampaignSchema) } } },
    async (request) => listReviewCampaigns(request.ctx),
  );
  app.get(
    '/api/campaigns/:campaignId/review',
    { config: center, schema: { tags, summary: '评审总览：评审轮次、专家组、候选职业与分配', params: CampaignParams, response: { 200: ReviewBoardSchema } } },
    async (request) => getReviewBoard(request.ctx, request.params.campaignId),
  );
  app.put(
    '/api/campaigns/:campaignId/review/round',
    {
      config: center,
      schema: { tags, summary: '设置评审指标、权重与截止日期', params: CampaignParams, body: RoundSettingsInputSchema, response: { 200: ReviewRoundSchema } },
    },
    async (request) => saveRoundSettings(request.ctx, request.params.campaignId, request.body),
  );
  app.post(
    '/api/campaigns/:campaignId/review/round/close',
    { config: center, schema: { tags, summary: '结束本轮评审', params: CampaignParams, response: { 200: ReviewRoundSchema } } },
    async (request) => closeRound(request.ctx, request.params.campaignId, true),
  );
  app.post(
    '/api/campaigns/:campaignId/review/round/reopen',
    { config: center, schema: { tags, summary: '重新开放评审', params: CampaignParams, response: { 200: ReviewRoundSchema } } },
    async (request) => closeRound(request.ctx, request.params.campaignId, false),
  );
  app.post(
    '/api/campaigns/:campaignId/review/remind',
    { config: center, schema: { tags, summary: '提醒未完成评审的专家', params: CampaignParams, response: { 200: RemindResultSchema } } },
    async (request) => remindReviewers(request.ctx, request.params.campaignId),
  );
  app.put(
    '/api/campaigns/:campaignId/review/panel/:expertId',
    {
      config: center,
      schema: {
        tags,
        summary: '设置专家本次是否参加及评审上限',
        params: ExpertParams,
        body: PanelMemberInputSchema,
        response: { 204: z.null().describe('无内容') },
      },
    },
    async (request, reply) => {
      await setPanelMember(request.ctx, request.params.campaignId, request.params.expertId, request.body);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/campaigns/:campaignId/review/draw',
    {
      config: center,
      schema: { tags, summary: '随机抽取专家（记录随机种子）', params: CampaignParams, body: PanelDrawInputSchema, response: { 200: PanelDrawResultSchema } },
    },
    async (request) => drawPanel(request.ctx, request.params.campaignId, request.body),
  );
  app.post(
    '/api/campaigns/:campaignId/review/auto-assign',
    {
      config: center,
      schema: {
        tags,
        summary: '自动分配评审专家（回避、上限、均衡）',
        params: CampaignParams,
        body: AutoAssignInputSchema.optional(),
        response: { 200: AutoAssignResultSchema },
      },
    },
    async (request) => autoAssign(request.ctx, request.params.campaignId, request.body ?? {}),
  );
  app.post(
    '/api/campaigns/:campaignId/review/assignments',
    {
      config: center,
      schema: { tags, summary: '手动分配专家', params: CampaignParams, body: ManualAssignInputSchema, response: { 201: AssignmentCreatedSchema } },
    },
    async (request, reply) => reply.status(201).send(await assignExpert(request.ctx, request.params.campaignId, request.body)),
  );
  app.delete(
    '/api/review/assignments/:id',
    { config: center, schema: { tags, summary: '移出评审专家（保留其评审草稿）', params: AssignmentParams, response: { 200: AssignmentRemovedSchema } } },
    async (request) => removeAssignment(request.ctx, request.params.id),
  );
  app.post(
    '/api/review/assignments/:id/reassign',
    {
      config: center,
      schema: { tags, summary: '更换评审专家', params: AssignmentParams, body: ReassignInputSchema, response: { 200: AssignmentCreatedSchema } },
    },
    async (request) => reassignExpert(request.ctx, request.params.id, request.body),
  );
};
