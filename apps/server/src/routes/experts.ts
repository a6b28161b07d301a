import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '@zhengji/domain';
import { ExpertAccountLinkInputSchema, ExpertInputSchema, ExpertSchema, LinkableAccountSchema } from '@zhengji/domain/review/review.panel.ts';
import { ExpertImportResultSchema, ExpertSavedSchema as Saved } from '@zhengji/domain/review/review-view.schemas.ts';
import { roles } from '../plugins/access.ts';
import { readSingleUpload } from '../plugins/upload.ts';
import { listExperts } from '../use-cases/review/list-experts.ts';
import { createExpert } from '../use-cases/review/create-expert.ts';
import { updateExpert } from '../use-cases/review/update-expert.ts';
import { importExperts } from '../use-cases/review/import-experts.ts';
import { getExpertTemplate } from '../use-cases/review/get-expert-template.ts';
import { linkExpertAccount } from '../use-cases/review/link-expert-account.ts';
import { listLinkableAccounts } from '../use-cases/review/list-linkable-accounts.ts';

const IdParams = z.object({ id: z.uuid('专家编号格式不正确') });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The expert pool (专家库) of the center: list, create, edit, link an existing expert account, Excel import and its template. */
export const expertRoutes: FastifyPluginAsyncZod = async (app) => {
  const center = roles('center');
  const tags = ['review'];
  app.get('/api/experts', { config: center, schema: { tags, summary: '专家库', response: { 200: z.array(ExpertSchema) } } }, async (request) =>
    listExperts(request.ctx),
  );
  app.post(
    '/api/experts',
    { config: center, schema: { tags, summary: '新增专家', body: ExpertInputSchema, response: { 201: Saved } } },
    async (request, reply) => reply.status(201).send(await createExpert(request.ctx, request.body)),
  );
  app.put(
    '/api/experts/:id',
    { config: center, schema: { tags, summary: '修改专家', params: IdParams, body: ExpertInputSchema, response: { 200: Saved } } },
    async (request) => updateExpert(request.ctx, request.params.id, request.body),
  );
  app.get(
    '/api/experts/linkable-accounts',
    { config: center, schema: { tags, summary: '尚未关联专家的评估专家账号', response: { 200: z.array(LinkableAccountSchema) } } },
    async (request) => listLinkableAccounts(request.ctx),
  );
  app.put(
    '/api/experts/:id/account',
    {
      config: center,
      schema: { tags, summary: '为专家关联已有的评估专家账号', params: IdParams, body: ExpertAccountLinkInputSchema, response: { 200: ExpertSchema } },
    },
    async (request) => linkExpertAccount(request.ctx, request.params.id, request.body),
  );
  app.get('/api/experts/template', { config: center, schema: { tags, summary: '下载专家名单导入模板' } }, async (request, reply) => {
    const bytes = await getExpertTemplate(request.ctx);
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent('专家名单导入模板.xlsx')}`)
      .send(bytes);
  });
  app.post(
    '/api/experts/import',
    { config: center, schema: { tags, summary: '从 Excel 导入专家名单（有错误时不导入任何一行）', response: { 201: ExpertImportResultSchema } } },
    async (request, reply) => {
      const upload = await readSingleUpload(request, '专家名单', '请选择要导入的专家名单（Excel .xlsx）');
      if (upload.truncated) throw new DomainError('PAYLOAD_TOO_LARGE', '文件超过 20 MB 上限，请精简后重新导入');
      return reply.status(201).send(await importExperts(request.ctx, upload.content));
    },
  );
};
