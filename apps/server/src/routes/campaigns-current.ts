import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PUBLIC } from '../plugins/access.ts';
import { CurrentCampaignSchema, getCurrentCampaign } from '../use-cases/form/get-current-campaign.ts';

export const currentCampaignRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/current',
    { config: PUBLIC, schema: { tags: ['campaigns'], summary: '当前征集活动的公开信息', response: { 200: CurrentCampaignSchema } } },
    async (request) => getCurrentCampaign(request.ctx),
  );
};
