import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EligibilityCheckInputSchema, EligibilityCheckResultSchema } from '@zhengji/domain';
import { ANY_USER } from '../plugins/access.ts';
import { checkEligibility } from '../use-cases/form/check-eligibility.ts';

/** The external eligibility check: findings for every row sent, whatever its content. */
export const eligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/eligibility/check',
    {
      config: ANY_USER,
      schema: {
        tags: ['eligibility'],
        summary: '按申报条件检查推荐表的行（每行都给出检查结果）',
        body: EligibilityCheckInputSchema,
        response: { 200: EligibilityCheckResultSchema },
      },
    },
    async (request) => checkEligibility(request.ctx, request.body),
  );
};
