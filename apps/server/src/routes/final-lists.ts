import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FinalListViewSchema, OccupationHistoryEntrySchema, PublishFinalListInputSchema } from '@zhengji/domain/notice/notice.schemas.ts';
import { roles } from '../plugins/access.ts';
import { publishFinalList } from '../use-cases/notice/publish-final-list.ts';
import { getFinalList } from '../use-cases/notice/get-final-list.ts';
import { exportDossier } from '../use-cases/notice/export-dossier.ts';
import { getOccupationHistory } from '../use-cases/notice/get-occupation-history.ts';

const CampaignParams = z.object({ id: z.uuid('征集活动编号格式不正确') });

/** Content-Disposition with an ASCII fallback and the real name as RFC 5987 `filename*` (attr-chars only). */
export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}

export const finalListRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/campaigns/:id/final-list',
    {
      config: roles('center'),
      schema: {
        tags: ['final-lists'],
        summary: '发布最终名单',
        params: CampaignParams,
        body: PublishFinalListInputSchema,
        response: { 201: FinalListViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await publishFinalList(request.ctx, request.params.id)),
  );
  app.get(
    '/api/campaigns/:id/final-list',
    { config: roles('center'), schema: { tags: ['final-lists'], summary: '最终名单', params: CampaignParams, response: { 200: FinalListViewSchema } } },
    async (request) => getFinalList(request.ctx, request.params.id),
  );
  app.get(
    '/api/campaigns/:id/dossier.zip',
    { config: roles('center'), schema: { tags: ['final-lists'], summary: '下载征集活动档案（ZIP，流式）', params: CampaignParams } },
    async (request, reply) => {
      const { fileName, stream } = await exportDossier(request.ctx, request.params.id, `${request.protocol}://${request.host}`);
      return reply
        .header('content-type', 'application/zip')
        .header('cache-control', 'private, no-store')
        .header('content-disposition', attachmentDisposition(fileName, 'dossier.zip'))
        .send(stream);
    },
  );
  app.get(
    '/api/occupations/:code/history',
    {
      config: roles('center'),
      schema: {
        tags: ['final-lists'],
        summary: '职业的历年推荐与结果',
        params: z.object({ code: z.string().max(20) }),
        response: { 200: z.array(OccupationHistoryEntrySchema) },
      },
    },
    async (request) => getOccupationHistory(request.ctx, request.params.code),
  );
};
