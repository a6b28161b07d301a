import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC, roles } from '../plugins/access.ts';
import { readSingleUpload } from '../plugins/upload.ts';
import { FormViewSchema, ImportPreviewSchema } from '@zhengji/domain/form/form-view.schemas.ts';
import { FORM_DOCUMENT_FORMATS, downloadFormDocument, type RenderedDocument } from '../use-cases/form-document/download-form-document.ts';
import { downloadFormTemplate } from '../use-cases/form-document/download-form-template.ts';
import { previewFormImport } from '../use-cases/form-document/preview-form-import.ts';
import { confirmFormImport } from '../use-cases/form-document/confirm-form-import.ts';
import { discardFormImport } from '../use-cases/form-document/discard-form-import.ts';
import { openUnitForm } from '../use-cases/form-document/open-unit-form.ts';

const IdParams = z.object({ id: z.uuid('推荐表编号格式不正确') });
const DocumentParams = IdParams.extend({ format: z.enum(FORM_DOCUMENT_FORMATS, '文件格式只能是 docx、pdf 或 xlsx') });
const DocumentQuery = z.object({ version: z.coerce.number('版本号须为正整数').int('版本号须为正整数').min(1, '版本号须为正整数').optional() });
const CampaignParams = z.object({ id: z.uuid('征集活动编号格式不正确') });
const PreviewParams = IdParams.extend({ previewId: z.uuid('导入预览编号格式不正确') });
const ConfirmBody = z.object({ version: z.number('请提供推荐表的版本号（version）').int().min(1) });
const OnBehalfBody = z.object({ unitId: z.uuid('请选择推荐单位'), campaignId: z.uuid('征集活动编号格式不正确').optional() });
const unitOrCenter = roles('unit', 'center');
const tags = ['form-documents'];

/** Content-Disposition with an ASCII fallback and the Chinese name as RFC 5987 filename*. */
function attachment(name: string, fallback: string): string {
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function send(reply: FastifyReply, doc: RenderedDocument, cache = 'private, no-store'): FastifyReply {
  return reply
    .header('content-type', doc.contentType)
    .header('content-disposition', attachment(doc.fileName, doc.asciiFileName))
    .header('cache-control', cache)
    .send(doc.bytes);
}

/** The 推荐表 as Word/PDF/Excel, the offline template, and import of filled forms (preview → confirm). */
export const formDocumentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/forms/:id/document.:format',
    {
      config: unitOrCenter,
      schema: {
        tags,
        summary: '下载推荐表（Word/PDF/Excel；不带 version 为当前草稿，带 version 为该提交版本）',
        params: DocumentParams,
        querystring: DocumentQuery,
      },
    },
    async (request, reply) => send(reply, await downloadFormDocument(request.ctx, request.params.id, request.params.format, request.query.version)),
  );
  app.get(
    '/api/campaigns/:id/template.xlsx',
    { config: PUBLIC, schema: { tags, summary: '下载推荐表 Excel 模板（公开；推荐单位登录后带单位名称）', params: CampaignParams } },
    async (request, reply) => {
      const doc = await downloadFormTemplate(request.ctx, request.params.id);
      return send(reply, doc, request.ctx.actor.kind === 'user' ? 'private, no-store' : 'public, max-age=300');
    },
  );
  app.post(
    '/api/forms/on-behalf',
    {
      config: roles('center'),
      schema: { tags, summary: '代推荐单位打开推荐表（市职鉴中心录入邮件报送的推荐表）', body: OnBehalfBody, response: { 200: FormViewSchema } },
    },
    async (request) => openUnitForm(request.ctx, request.body),
  );
  app.post(
    '/api/forms/:id/imports',
    {
      config: unitOrCenter,
      schema: {
        tags,
        summary: '上传填写好的 Excel 模板或 Word 推荐表，预览导入结果（不修改推荐表）',
        params: IdParams,
        response: { 201: ImportPreviewSchema },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request, '要导入的文件', '请选择要导入的 Excel 模板（.xlsx）或 Word 推荐表（.docx）');
      return reply.status(201).send(await previewFormImport(request.ctx, request.params.id, upload));
    },
  );
  app.post(
    '/api/forms/:id/imports/:previewId/confirm',
    {
      config: unitOrCenter,
      schema: { tags, summary: '确认导入：以预览的行替换推荐表草稿', params: PreviewParams, body: ConfirmBody, response: { 200: FormViewSchema } },
    },
    async (request) => confirmFormImport(request.ctx, request.params.id, request.params.previewId, request.body),
  );
  app.delete(
    '/api/forms/:id/imports/:previewId',
    { config: unitOrCenter, schema: { tags, summary: '放弃导入预览', params: PreviewParams, response: { 204: z.null().describe('无内容') } } },
    async (request, reply) => {
      await discardFormImport(request.ctx, request.params.id, request.params.previewId);
      return reply.status(204).send(null);
    },
  );
};
