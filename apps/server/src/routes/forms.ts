import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roles } from '../plugins/access.ts';
import { readSingleUpload } from '../plugins/upload.ts';
import {
  FormSavedSchema,
  FormVersionDetailSchema,
  FormVersionSummarySchema,
  FormViewSchema,
  ScanUploadResultSchema,
} from '@zhengji/domain/form/form-view.schemas.ts';
import { getMyForm } from '../use-cases/form/get-my-form.ts';
import { getForm } from '../use-cases/form/get-form.ts';
import { getFormHistory } from '../use-cases/form/get-form-history.ts';
import { FormHistorySchema } from '@zhengji/domain';
import { saveForm, saveFormContent } from '../use-cases/form/save-form.ts';
import { uploadScan } from '../use-cases/form/upload-scan.ts';
import { confirmScanCode } from '../use-cases/form/confirm-scan-code.ts';
import { finalizeForm } from '../use-cases/form/finalize-form.ts';
import { unfinalizeForm } from '../use-cases/form/unfinalize-form.ts';
import { submitForm } from '../use-cases/form/submit-form.ts';
import { withdrawForm } from '../use-cases/form/withdraw-form.ts';
import { returnForm } from '../use-cases/form/return-form.ts';
import { acceptForm } from '../use-cases/form/accept-form.ts';
import { listFormVersions } from '../use-cases/form/list-form-versions.ts';
import { getFormVersion } from '../use-cases/form/get-form-version.ts';

const IdParams = z.object({ id: z.uuid('推荐表编号格式不正确') });
const VersionParams = IdParams.extend({ n: z.coerce.number().int('版本号须为整数').min(1, '版本号须为正整数') });
const VersionBody = z.object({ version: z.number('请提供推荐表的版本号（version）').int().min(1) });
const SaveBody = VersionBody.extend({
  header: z.record(z.string(), z.unknown()).default({}),
  rows: z.array(z.record(z.string(), z.unknown())).max(2000),
});
const UnfinalizeBody = z.object({ version: z.number('版本号须为数字').int().min(1).optional() }).default({});
const ScanCodeBody = z.object({
  code: z.string('请输入扫描件上印有的 8 位校验码').trim().min(1, '请输入扫描件上印有的 8 位校验码').max(32, '校验码为 8 位字母和数字'),
});
const ReturnBody = z.object({
  reason: z.string('请填写退回理由').max(500, '退回理由不能超过 500 字'),
  until: z.coerce.date('重新提交的时限须为日期时间'),
});
const unitOrCenter = roles('unit', 'center');
const tags = ['forms'];

export const formRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/forms/mine',
    {
      config: roles('unit'),
      schema: {
        tags,
        summary: '本单位在当前征集中的推荐表（首次访问时创建）',
        querystring: z.object({ campaignId: z.uuid('征集活动编号格式不正确').optional() }),
        response: { 200: FormViewSchema },
      },
    },
    async (request) => getMyForm(request.ctx, request.query.campaignId),
  );
  app.get(
    '/api/forms/mine/history',
    { config: roles('unit'), schema: { tags, summary: '本单位参与过的全部征集：推荐表状态、每行的核验结果与最终结果', response: { 200: FormHistorySchema } } },
    async (request) => getFormHistory(request.ctx),
  );
  app.get(
    '/api/forms/:id',
    { config: unitOrCenter, schema: { tags, summary: '推荐表', params: IdParams, response: { 200: FormViewSchema } } },
    async (request) => getForm(request.ctx, request.params.id),
  );
  app.put(
    '/api/forms/:id',
    { config: unitOrCenter, schema: { tags, summary: '保存推荐表（表头和全部行）', params: IdParams, body: SaveBody, response: { 200: FormViewSchema } } },
    async (request) => saveForm(request.ctx, request.params.id, request.body),
  );
  app.put(
    '/api/forms/:id/content',
    {
      config: unitOrCenter,
      schema: {
        tags,
        summary: '保存推荐表（表头和全部行，填报页自动保存用）：只回答新的版本号和各行的检查结果',
        params: IdParams,
        body: SaveBody,
        response: { 200: FormSavedSchema },
      },
    },
    async (request) => saveFormContent(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/forms/:id/finalize',
    {
      config: unitOrCenter,
      schema: { tags, summary: '定稿：冻结当前内容为新的版本（供打印、盖章、扫描）', params: IdParams, body: VersionBody, response: { 200: FormViewSchema } },
    },
    async (request) => finalizeForm(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/forms/:id/unfinalize',
    {
      config: unitOrCenter,
      schema: { tags, summary: '撤销定稿（定稿作废，内容可再修改）', params: IdParams, body: UnfinalizeBody, response: { 200: FormViewSchema } },
    },
    async (request) => unfinalizeForm(request.ctx, request.params.id, request.body ?? {}),
  );
  app.post(
    '/api/forms/:id/scan',
    {
      config: unitOrCenter,
      schema: {
        tags,
        summary: '上传定稿的盖章扫描件（PDF/JPEG/PNG，≤20 MB），识别二维码并与定稿比对',
        params: IdParams,
        response: { 200: ScanUploadResultSchema, 201: ScanUploadResultSchema },
      },
    },
    async (request, reply) => {
      const file = await readSingleUpload(request, '扫描件', '请选择要上传的扫描件', 'scan');
      const result = await uploadScan(request.ctx, request.params.id, file);
      return reply.status(result.match.status === 'matched' ? 201 : 200).send(result);
    },
  );
  app.post(
    '/api/forms/:id/scan/code',
    {
      config: unitOrCenter,
      schema: {
        tags,
        summary: '扫描件二维码无法识别时，输入扫描件上印有的校验码（人工核对）',
        params: IdParams,
        body: ScanCodeBody,
        response: { 200: ScanUploadResultSchema },
      },
    },
    async (request) => confirmScanCode(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/forms/:id/submit',
    { config: unitOrCenter, schema: { tags, summary: '提交推荐表', params: IdParams, body: VersionBody, response: { 200: FormViewSchema } } },
    async (request) => submitForm(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/forms/:id/withdraw',
    { config: unitOrCenter, schema: { tags, summary: '撤回已提交的推荐表', params: IdParams, response: { 200: FormViewSchema } } },
    async (request) => withdrawForm(request.ctx, request.params.id),
  );
  app.get(
    '/api/forms/:id/versions',
    { config: unitOrCenter, schema: { tags, summary: '推荐表的提交版本', params: IdParams, response: { 200: z.array(FormVersionSummarySchema) } } },
    async (request) => listFormVersions(request.ctx, request.params.id),
  );
  app.get(
    '/api/forms/:id/versions/:n',
    {
      config: unitOrCenter,
      schema: { tags, summary: '推荐表的一个提交版本及与上一版的差异', params: VersionParams, response: { 200: FormVersionDetailSchema } },
    },
    async (request) => getFormVersion(request.ctx, request.params.id, request.params.n),
  );
  app.post(
    '/api/forms/:id/return',
    { config: roles('center'), schema: { tags, summary: '退回推荐表（材料核验）', params: IdParams, body: ReturnBody, response: { 200: FormViewSchema } } },
    async (request) => returnForm(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/forms/:id/accept',
    { config: roles('center'), schema: { tags, summary: '受理推荐表（材料核验）', params: IdParams, response: { 200: FormViewSchema } } },
    async (request) => acceptForm(request.ctx, request.params.id),
  );
};
