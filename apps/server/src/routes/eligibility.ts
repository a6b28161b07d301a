import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ANY_USER } from '../plugins/access.ts';
import { EligibilityCheckInputSchema, EligibilityCheckResultSchema, checkEligibility } from '../use-cases/form/check-eligibility.ts';

export const eligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/eligibility/check', { config: ANY_USER, schema: { tags: ['eligibility'], summary: '按申报条件检查推荐表的行', body: EligibilityCheckInputSchema, response: { 200: EligibilityCheckResultSchema } } }, async (request) =>
    checkEligibility(request.ctx, request.body),
  );
};
