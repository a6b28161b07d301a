import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DashboardSchema } from '@zhengji/domain';
import { ANY_USER } from '../plugins/access.ts';
import { getDashboard } from '../use-cases/dashboard/get-dashboard.ts';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dashboard',
    { config: ANY_USER, schema: { tags: ['system'], summary: '首页概览（按角色）', response: { 200: DashboardSchema } } },
    async (request) => getDashboard(request.ctx),
  );
};
