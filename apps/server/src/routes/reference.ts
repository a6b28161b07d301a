import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ListViewSchema,
  OccupationDetailSchema,
  ReferenceSearchResultSchema,
  ReferenceVersionSchema,
  TreeNodeSchema,
} from '@zhengji/domain/reference/reference-view.schemas.ts';
import { DomainError, ListEntryInputSchema, REFERENCE_DATASET_KINDS, SEARCH_MAX_LIMIT } from '@zhengji/domain';
import { roles } from '../plugins/access.ts';
import { checkMultipartFields, cleanFileName, multipartReadError } from '../plugins/upload.ts';
import type { UploadedFile } from '../reference/prepare-import.ts';
import { activateReferenceVersion } from '../use-cases/reference/activate-reference-version.ts';
import { browseOccupationTree } from '../use-cases/reference/browse-occupation-tree.ts';
import { deleteReferenceListEntry } from '../use-cases/reference/delete-reference-list-entry.ts';
import { discardReferenceVersion } from '../use-cases/reference/discard-reference-version.ts';
import { getOccupationDetail } from '../use-cases/reference/get-occupation-detail.ts';
import { getReferenceTemplate } from '../use-cases/reference/get-reference-template.ts';
import { getReferenceVersion } from '../use-cases/reference/get-reference-version.ts';
import { listReferenceListEntries } from '../use-cases/reference/list-reference-list-entries.ts';
import { listReferenceVersions } from '../use-cases/reference/list-reference-versions.ts';
import { previewReferenceImport } from '../use-cases/reference/preview-reference-import.ts';
import { saveReferenceListEntry } from '../use-cases/reference/save-reference-list-entry.ts';
import { searchReferenceData } from '../use-cases/reference/search-reference-data.ts';

const CENTER = roles('center');
const READERS = roles('center', 'admin');
/** Everyone but the auditor, who reads the audit log only (三权分立). */
const BROWSERS = roles('center', 'unit', 'expert', 'admin');
const KindSchema = z.enum(REFERENCE_DATASET_KINDS, '数据集类型应为 occupations、standards、qualifications、shortage 或 offered');
const ListKindSchema = z.enum(['shortage', 'offered'], '目录类型应为 shortage（急需紧缺）或 offered（已开展认定）');
const VersionParams = z.object({ id: z.uuid('版本编号格式不正确') });
const EntryParams = z.object({ kind: ListKindSchema, entryId: z.string().min(1).max(300) });
const SearchQuery = z.object({
  q: z.string().max(100, '搜索内容不能超过 100 个字').default(''),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).optional(),
  campaignId: z.uuid('征集活动编号格式不正确').optional(),
});

const IMPORT_FIELD_LABELS = { kind: '数据集类型', name: '版本名称', sourceDocument: '依据文件', effectiveDate: '生效日期' };

/** Reads the multipart fields and files of an import; the 20 MB limit becomes a Chinese 413. */
async function readImportUpload(request: FastifyRequest): Promise<{ fields: Record<string, string>; files: UploadedFile[] }> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', '请以文件上传（multipart/form-data）的方式提交数据文件');
  const fields: Record<string, string> = {};
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      try {
        files.push({ fileName: cleanFileName(part.filename, 'upload'), bytes: await part.toBuffer() });
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new DomainError('PAYLOAD_TOO_LARGE', `文件“${cleanFileName(part.filename)}”超过 20 MB 上限，请拆分或精简后重新导入。当前生效版本未受影响。`);
        }
        throw err;
      }
    }
  } catch (err) {
    throw multipartReadError(err);
  }
  checkMultipartFields(fields, IMPORT_FIELD_LABELS);
  if (files.length === 0) throw new DomainError('VALIDATION', '请选择要导入的文件（JSON、CSV 或 Excel .xlsx）');
  return { fields, files };
}

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['reference'];
  app.get(
    '/api/reference/search',
    {
      config: BROWSERS,
      schema: { tags, summary: '按编码、名称、拼音或首字母搜索职业和工种', querystring: SearchQuery, response: { 200: z.array(ReferenceSearchResultSchema) } },
    },
    async (request) => searchReferenceData(request.ctx, request.query),
  );
  app.get(
    '/api/reference/tree',
    {
      config: BROWSERS,
      schema: {
        tags,
        summary: '职业分类大典树的下一级',
        querystring: z.object({ parent: z.string().max(20).optional() }),
        response: { 200: z.array(TreeNodeSchema) },
      },
    },
    async (request) => browseOccupationTree(request.ctx, request.query.parent || null),
  );
  app.get(
    '/api/reference/occupations/:code',
    {
      config: BROWSERS,
      schema: {
        tags,
        summary: '职业（或大类、中类、小类）详情',
        params: z.object({ code: z.string().min(1).max(20) }),
        response: { 200: OccupationDetailSchema },
      },
    },
    async (request) => getOccupationDetail(request.ctx, request.params.code),
  );

  app.get(
    '/api/reference/versions',
    {
      config: READERS,
      schema: { tags, summary: '参考数据版本列表', querystring: z.object({ kind: KindSchema.optional() }), response: { 200: z.array(ReferenceVersionSchema) } },
    },
    async (request) => listReferenceVersions(request.ctx, request.query.kind),
  );
  app.get(
    '/api/reference/versions/:id',
    { config: READERS, schema: { tags, summary: '参考数据版本及导入报告', params: VersionParams, response: { 200: ReferenceVersionSchema } } },
    async (request) => getReferenceVersion(request.ctx, request.params.id),
  );
  app.post(
    '/api/reference/versions',
    {
      config: CENTER,
      schema: {
        tags,
        summary: '导入数据文件，生成预览版本（multipart：kind、name、sourceDocument、effectiveDate、file）',
        consumes: ['multipart/form-data'],
        response: { 201: ReferenceVersionSchema },
      },
    },
    async (request, reply) => {
      const { fields, files } = await readImportUpload(request);
      return reply.status(201).send(await previewReferenceImport(request.ctx, fields as never, files));
    },
  );
  app.post(
    '/api/reference/versions/:id/activate',
    { config: CENTER, schema: { tags, summary: '确认预览，启用该版本', params: VersionParams, response: { 200: ReferenceVersionSchema } } },
    async (request) => activateReferenceVersion(request.ctx, request.params.id),
  );
  app.delete(
    '/api/reference/versions/:id',
    { config: CENTER, schema: { tags, summary: '放弃预览版本', params: VersionParams, response: { 204: z.null().describe('无内容') } } },
    async (request, reply) => {
      await discardReferenceVersion(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/reference/templates/:kind',
    { config: CENTER, schema: { tags, summary: '下载导入模板（.xlsx）', params: z.object({ kind: KindSchema }) } },
    async (request, reply) => {
      const buffer = await getReferenceTemplate(request.ctx, request.params.kind);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="reference-${request.params.kind}-template.xlsx"; filename*=UTF-8''${encodeURIComponent(`导入模板-${request.params.kind}.xlsx`)}`,
        )
        .send(buffer);
    },
  );

  app.get(
    '/api/reference/lists/:kind',
    {
      config: BROWSERS,
      schema: { tags, summary: '上海市目录（急需紧缺、已开展认定）的现行条目', params: z.object({ kind: ListKindSchema }), response: { 200: ListViewSchema } },
    },
    async (request) => listReferenceListEntries(request.ctx, request.params.kind),
  );
  app.post(
    '/api/reference/lists/:kind/entries',
    {
      config: CENTER,
      schema: {
        tags,
        summary: '新增目录条目（生成新的生效版本）',
        params: z.object({ kind: ListKindSchema }),
        body: ListEntryInputSchema,
        response: { 201: ListViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await saveReferenceListEntry(request.ctx, request.params.kind, null, request.body)),
  );
  app.put(
    '/api/reference/lists/:kind/entries/:entryId',
    {
      config: CENTER,
      schema: { tags, summary: '修改目录条目（生成新的生效版本）', params: EntryParams, body: ListEntryInputSchema, response: { 200: ListViewSchema } },
    },
    async (request) => saveReferenceListEntry(request.ctx, request.params.kind, request.params.entryId, request.body),
  );
  app.delete(
    '/api/reference/lists/:kind/entries/:entryId',
    {
      config: CENTER,
      schema: {
        tags,
        summary: '删除目录条目（生成新的生效版本）',
        params: EntryParams,
        querystring: z.object({ baseVersionId: z.uuid('版本编号格式不正确').optional() }),
        response: { 200: ListViewSchema },
      },
    },
    async (request) => deleteReferenceListEntry(request.ctx, request.params.kind, request.params.entryId, request.query.baseVersionId ?? null),
  );
};
