import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, type DayOverrides } from '@zhengji/domain';
import {
  CreateNoticeInputSchema,
  NoticeCampaignSchema,
  NoticePeriodQuerySchema,
  NoticePeriodViewSchema,
  NoticeViewSchema,
  ObjectionListItemSchema,
  PublishNoticeInputSchema,
  UpdateNoticeInputSchema,
} from '@zhengji/domain/notice/notice.schemas.ts';
import { roles } from '../plugins/access.ts';
import { createNotice } from '../use-cases/notice/create-notice.ts';
import { updateNotice } from '../use-cases/notice/update-notice.ts';
import { getNotice } from '../use-cases/notice/get-notice.ts';
import { publishNotice } from '../use-cases/notice/publish-notice.ts';
import { listNoticeCampaigns } from '../use-cases/notice/list-notice-campaigns.ts';
import { getNoticePeriod } from '../use-cases/notice/get-notice-period.ts';
import { listObjections } from '../use-cases/objection/list-objections.ts';

const IdParams = z.object({ id: z.uuid('公示编号格式不正确') });
const center = roles('center');

function parseOverrides(text: string | undefined): DayOverrides {
  if (!text) return {};
  try {
    return JSON.parse(text) as DayOverrides;
  } catch {
    throw new DomainError('VALIDATION', '日历调整格式不正确');
  }
}

export const noticeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notice-campaigns',
    { config: center, schema: { tags: ['notices'], summary: '可公示的征集活动', response: { 200: z.array(NoticeCampaignSchema) } } },
    async (request) => listNoticeCampaigns(request.ctx),
  );
  app.get(
    '/api/notices/period',
    {
      config: center,
      schema: { tags: ['notices'], summary: '按工作日计算公示期', querystring: NoticePeriodQuerySchema, response: { 200: NoticePeriodViewSchema } },
    },
    async (request) => getNoticePeriod(request.ctx, request.query.startDate, parseOverrides(request.query.overrides)),
  );
  app.post(
    '/api/notices',
    { config: center, schema: { tags: ['notices'], summary: '由入选职业创建公示', body: CreateNoticeInputSchema, response: { 201: NoticeViewSchema } } },
    async (request, reply) => reply.status(201).send(await createNotice(request.ctx, request.body)),
  );
  app.get(
    '/api/notices/:id',
    { config: center, schema: { tags: ['notices'], summary: '公示详情', params: IdParams, response: { 200: NoticeViewSchema } } },
    async (request) => getNotice(request.ctx, request.params.id),
  );
  app.patch(
    '/api/notices/:id',
    {
      config: center,
      schema: { tags: ['notices'], summary: '修改公示草稿', params: IdParams, body: UpdateNoticeInputSchema, response: { 200: NoticeViewSchema } },
    },
    async (request) => updateNotice(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/notices/:id/publish',
    {
      config: center,
      schema: { tags: ['notices'], summary: '发布公示（固定快照）', params: IdParams, body: PublishNoticeInputSchema, response: { 200: NoticeViewSchema } },
    },
    async (request) => publishNotice(request.ctx, request.params.id, request.body.version),
  );
  app.get(
    '/api/notices/:id/objections',
    {
      config: center,
      schema: { tags: ['objections'], summary: '公示的异议（个人信息已脱敏）', params: IdParams, response: { 200: z.array(ObjectionListItemSchema) } },
    },
    async (request) => listObjections(request.ctx, request.params.id),
  );
};
