import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CampaignInputSchema,
  CampaignTransitionSchema,
  CampaignUpdateSchema,
  LateExceptionInputSchema,
  RosterInputSchema,
  RosterQuerySchema,
} from '@zhengji/domain/campaign/campaign.schemas.ts';
import { PUBLIC, roles } from '../plugins/access.ts';
import { CampaignViewSchema, LateExceptionViewSchema, RosterSchema } from '@zhengji/domain/campaign/campaign-view.schemas.ts';
import { DateTimeSchema } from '@zhengji/domain/shared/wire.ts';
import { listCampaigns } from '../use-cases/campaign/list-campaigns.ts';
import { getCampaign } from '../use-cases/campaign/get-campaign.ts';
import { createCampaign } from '../use-cases/campaign/create-campaign.ts';
import { updateCampaign } from '../use-cases/campaign/update-campaign.ts';
import { transitionCampaign } from '../use-cases/campaign/transition-campaign.ts';
import { setRoster } from '../use-cases/campaign/set-roster.ts';
import { getRoster } from '../use-cases/campaign/get-roster.ts';
import { listLateExceptions } from '../use-cases/campaign/list-late-exceptions.ts';
import { grantLateException } from '../use-cases/form/grant-late-exception.ts';
import { sendReminders } from '../use-cases/campaign/send-reminders.ts';
import { PublicCampaignSchema, getPublicCampaign } from '../use-cases/campaign/get-public-campaign.ts';
import { getCampaignStatistics } from '../use-cases/stats/get-campaign-statistics.ts';
import { CampaignStatisticsSchema } from '@zhengji/domain/stats/stats-view.schemas.ts';

const IdParams = z.object({ id: z.uuid('征集活动编号格式不正确') });
const center = roles('center');
const tags = ['campaigns'];

export const campaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/campaigns', { config: center, schema: { tags, summary: '征集活动列表', response: { 200: z.array(CampaignViewSchema) } } }, async (request) =>
    listCampaigns(request.ctx),
  );
  app.post(
    '/api/campaigns',
    { config: center, schema: { tags, summary: '新建征集活动（草稿）', body: CampaignInputSchema, response: { 201: CampaignViewSchema } } },
    async (request, reply) => reply.status(201).send(await createCampaign(request.ctx, request.body)),
  );
  app.get(
    '/api/campaigns/:id',
    { config: center, schema: { tags, summary: '征集活动', params: IdParams, response: { 200: CampaignViewSchema } } },
    async (request) => getCampaign(request.ctx, request.params.id),
  );
  app.put(
    '/api/campaigns/:id',
    { config: center, schema: { tags, summary: '编辑征集活动', params: IdParams, body: CampaignUpdateSchema, response: { 200: CampaignViewSchema } } },
    async (request) => updateCampaign(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/campaigns/:id/transitions',
    { config: center, schema: { tags, summary: '变更征集阶段', params: IdParams, body: CampaignTransitionSchema, response: { 200: CampaignViewSchema } } },
    async (request) => transitionCampaign(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/campaigns/:id/roster',
    {
      config: center,
      schema: { tags, summary: '设置应报单位名单', params: IdParams, body: RosterInputSchema, response: { 200: z.object({ unitIds: z.array(z.string()) }) } },
    },
    async (request) => setRoster(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/campaigns/:id/roster',
    {
      config: center,
      schema: { tags, summary: '填报进度（应报单位名单）', params: IdParams, querystring: RosterQuerySchema, response: { 200: RosterSchema } },
    },
    async (request) => getRoster(request.ctx, request.params.id, request.query),
  );
  app.get(
    '/api/campaigns/:id/late-exceptions',
    { config: center, schema: { tags, summary: '延期填报', params: IdParams, response: { 200: z.array(LateExceptionViewSchema) } } },
    async (request) => listLateExceptions(request.ctx, request.params.id),
  );
  app.post(
    '/api/campaigns/:id/late-exceptions',
    {
      config: center,
      schema: {
        tags,
        summary: '准予单位延期填报',
        params: IdParams,
        body: LateExceptionInputSchema,
        response: { 201: z.object({ id: z.string(), until: DateTimeSchema }) },
      },
    },
    async (request, reply) => reply.status(201).send(await grantLateException(request.ctx, { campaignId: request.params.id, ...request.body })),
  );
  app.post(
    '/api/campaigns/:id/reminders',
    { config: center, schema: { tags, summary: '立即提醒尚未提交的单位', params: IdParams, response: { 200: z.object({ sent: z.number() }) } } },
    async (request) => sendReminders(request.ctx, request.params.id),
  );
  app.get(
    '/api/campaigns/:id/statistics',
    { config: center, schema: { tags, summary: '征集统计', params: IdParams, response: { 200: CampaignStatisticsSchema } } },
    async (request) => getCampaignStatistics(request.ctx, request.params.id),
  );
  app.get(
    '/api/campaigns/:id/public',
    { config: PUBLIC, schema: { tags, summary: '征集公告（公开，无需登录）', params: IdParams, response: { 200: PublicCampaignSchema } } },
    async (request) => getPublicCampaign(request.ctx, request.params.id),
  );
};
