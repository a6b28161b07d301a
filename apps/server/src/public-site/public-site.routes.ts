import { ZodError } from 'zod';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import etag from '@fastify/etag';
import formbody from '@fastify/formbody';
import { LRUCache } from 'lru-cache';
import { DomainError, ERROR_STATUS, OBJECTION_FILE_MAX_BYTES, OBJECTION_MAX_FILES } from '@zhengji/domain';
import { PUBLIC } from '../plugins/access.ts';
import { checkMultipartFields, cleanFileName, multipartReadError } from '../plugins/upload.ts';
import type { IncomingFile } from '../files/store-file.ts';
import { getPublicNotice, type PublicNotice } from '../use-cases/notice/get-public-notice.ts';
import { getPublicCampaign } from '../use-cases/campaign/get-public-campaign.ts';
import { listPublicSite } from '../use-cases/notice/list-public-site.ts';
import { getFinalList } from '../use-cases/notice/get-final-list.ts';
import { fileObjection } from '../use-cases/objection/file-objection.ts';
import { queryObjection } from '../use-cases/objection/query-objection.ts';
import { issueChallenge } from '../objection/objection-challenge.ts';
import { confirmObjectionEmail } from '../use-cases/objection/confirm-objection-email.ts';
import { sendHtml } from './page-cache.ts';
import {
  campaignPage,
  confirmEmailPage,
  emailConfirmedPage,
  errorPage,
  finalPage,
  indexPage,
  noticePage,
  noticePhase,
  objectionFormPage,
  objectionReceiptPage,
  queryPage,
  queryResultPage,
  type ObjectionFormValues,
} from './pages.ts';
import { finalDocument, noticeDocument } from '../documents/notice-list-layout.ts';
import { sendListDocument, type ListFormat } from './list-downloads.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMATS = new Set(['docx', 'pdf', 'xlsx', 'ofd']);
/** Bumped when the page templates change, so that cached copies are revalidated. */
const RENDER_VERSION = 'v2';

type IdParams = { id: string };
const OBJECTION_FIELD_LABELS = {
  name: '姓名',
  phone: '联系电话',
  email: '电子邮箱',
  organization: '单位名称',
  itemId: '职业（工种）',
  grounds: '异议理由',
  challengeAnswer: '验证题答案',
  challengeToken: '验证题',
};

/** The public site's address as printed in the announcements: the origin the request came to (behind a proxy, the forwarded one). */
function siteOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

function statusOf(e: unknown): { status: number; message: string } | null {
  if (e instanceof ZodError) return { status: 400, message: [...new Set(e.issues.map((i) => i.message))].join('；') };
  return e instanceof DomainError ? { status: ERROR_STATUS[e.code], message: e.message } : null;
}

function notFound(reply: FastifyReply, message = '您要找的页面不存在或尚未发布') {
  return sendHtml(reply, errorPage('页面不存在', message), { status: 404 });
}

async function readObjectionForm(request: FastifyRequest): Promise<{ fields: Record<string, string>; files: IncomingFile[] }> {
  if (!request.isMultipart()) throw new DomainError('UNSUPPORTED_MEDIA', '请通过页面上的表单提交异议');
  const fields: Record<string, string> = {};
  const files: IncomingFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: OBJECTION_FILE_MAX_BYTES, files: OBJECTION_MAX_FILES, fields: 20, fieldSize: 20_000 } })) {
      if (part.type === 'file') {
        const content = await part.toBuffer();
        if (part.filename || content.length > 0)
          files.push({ content, originalName: cleanFileName(part.filename, 'evidence'), truncated: part.file.truncated });
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new DomainError('PAYLOAD_TOO_LARGE', '证明材料每个文件不能超过 10 MB，请压缩后重新上传');
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new DomainError('PAYLOAD_TOO_LARGE', `证明材料最多${String(OBJECTION_MAX_FILES)}个文件`);
    throw multipartReadError(e);
  }
  return { fields, files };
}

/** The public site: server-rendered HTML pages without script, no login, no personal data. */
export const publicSiteRoutes: FastifyPluginAsync = async (app) => {
  const notices = new LRUCache<string, PublicNotice>({ max: 200 });
  const pages = new LRUCache<string, string>({ max: 400 });
  // Both apply to these pages only: the API takes JSON and sets no ETags.
  await app.register(formbody, { bodyLimit: 16_384 });
  await app.register(etag, { weak: true });

  const loadNotice = async (request: FastifyRequest, id: string): Promise<PublicNotice> => {
    const hit = notices.get(id);
    if (hit) return hit;
    const n = await getPublicNotice(request.ctx, id);
    notices.set(id, n);
    return n;
  };

  app.get('/public', { config: PUBLIC, schema: { hide: true } }, async (request, reply) =>
    sendHtml(reply, indexPage(await listPublicSite(request.ctx)), { cache: 'public, no-cache' }),
  );

  app.get<{ Params: IdParams }>('/public/campaigns/:id', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return notFound(reply);
    try {
      const c = await getPublicCampaign(request.ctx, request.params.id);
      const template = app.hasRoute({ method: 'GET', url: '/api/campaigns/:id/template.xlsx' }) ? `/api/campaigns/${c.id}/template.xlsx` : null;
      return sendHtml(reply, campaignPage(c, template), { cache: 'public, no-cache' });
    } catch (e) {
      if (statusOf(e)?.status === 404) return notFound(reply);
      throw e;
    }
  });

  app.get<{ Params: IdParams }>('/public/notices/:id', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return notFound(reply);
    let n: PublicNotice;
    try {
      n = await loadNotice(request, request.params.id);
    } catch (e) {
      if (statusOf(e)?.status === 404) return notFound(reply);
      throw e;
    }
    const phase = noticePhase(n, request.ctx.clock.now());
    const key = `${n.id}:${phase}:${request.host}`;
    const etag = `"${n.snapshotHash.slice(0, 24)}-${phase}-${RENDER_VERSION}"`;
    let page = pages.get(key);
    if (!page) {
      page = noticePage(n, phase, siteOrigin(request));
      pages.set(key, page);
    }
    return sendHtml(reply, page, { etag, cache: 'public, max-age=60, must-revalidate' });
  });

  app.get<{ Params: IdParams & { format: string } }>(
    '/public/notices/:id/download/:format',
    { config: PUBLIC, schema: { hide: true } },
    async (request, reply) => {
      if (!UUID.test(request.params.id) || !FORMATS.has(request.params.format)) return notFound(reply);
      try {
        const n = await loadNotice(request, request.params.id);
        return sendListDocument(request, reply, request.params.format as ListFormat, {
          key: `notice:${n.snapshotHash}`,
          fileName: n.title,
          doc: noticeDocument(n, siteOrigin(request)),
        });
      } catch (e) {
        if (statusOf(e)?.status === 404) return notFound(reply);
        throw e;
      }
    },
  );

  const showForm = async (request: FastifyRequest, reply: FastifyReply, n: PublicNotice, values: ObjectionFormValues, error: string | null, status = 200) => {
    const challenge = await issueChallenge(request.ctx.db, request.ctx.clock.now());
    return sendHtml(reply, objectionFormPage(n, challenge, values, error), { status });
  };

  app.get<{ Params: IdParams }>('/public/notices/:id/objection', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return notFound(reply);
    let n: PublicNotice;
    try {
      n = await loadNotice(request, request.params.id);
    } catch (e) {
      if (statusOf(e)?.status === 404) return notFound(reply);
      throw e;
    }
    if (noticePhase(n, request.ctx.clock.now()) !== 'during') {
      return sendHtml(reply, errorPage('不在公示期内', `公示期为${n.startDate}至${n.endDate}，当前不受理异议`), { status: 409 });
    }
    return showForm(request, reply, n, {}, null);
  });

  app.post<{ Params: IdParams }>('/public/notices/:id/objection', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    if (!UUID.test(request.params.id)) return notFound(reply);
    let fields: Record<string, string> = {};
    try {
      const form = await readObjectionForm(request);
      fields = form.fields;
      checkMultipartFields(fields, OBJECTION_FIELD_LABELS);
      const receipt = await fileObjection(request.ctx, request.params.id, form);
      const n = await loadNotice(request, request.params.id);
      return sendHtml(reply, objectionReceiptPage(n, receipt), { status: 201 });
    } catch (e) {
      const known = statusOf(e);
      if (!known) throw e;
      if (known.status === 429 || known.status === 404) {
        if (known.status === 429) void reply.header('retry-after', String((e as DomainError).details?.retryAfterSeconds ?? 60));
        return sendHtml(reply, errorPage(known.status === 429 ? '提交过于频繁' : '无法提交', known.message), { status: known.status });
      }
      const n = await loadNotice(request, request.params.id).catch(() => null);
      if (!n) return notFound(reply);
      const { challengeToken: _t, challengeAnswer: _a, ...values } = fields;
      return showForm(request, reply, n, values, known.message, known.status);
    }
  });

  app.get<{ Querystring: { token?: string } }>('/public/objections/confirm', { config: PUBLIC, schema: { hide: true } }, async (request, reply) =>
    sendHtml(reply, confirmEmailPage(String(request.query.token ?? '').slice(0, 100))),
  );

  app.post<{ Body: Record<string, string> | undefined }>('/public/objections/confirm', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    const body = typeof request.body === 'object' && request.body ? request.body : {};
    try {
      return sendHtml(reply, emailConfirmedPage(await confirmObjectionEmail(request.ctx, String(body.token ?? '').slice(0, 100))));
    } catch (e) {
      const known = statusOf(e);
      if (!known) throw e;
      return sendHtml(reply, confirmEmailPage('', known.message), { status: known.status });
    }
  });

  app.get('/public/objections/query', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => sendHtml(reply, queryPage()));

  app.post<{ Body: Record<string, string> | undefined }>('/public/objections/query', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    const body = typeof request.body === 'object' && request.body ? request.body : {};
    const receiptNo = String(body.receiptNo ?? '').slice(0, 100);
    try {
      const status = await queryObjection(request.ctx, receiptNo, String(body.queryCode ?? '').slice(0, 100));
      return sendHtml(reply, queryResultPage(status));
    } catch (e) {
      const known = statusOf(e);
      if (!known) throw e;
      if (known.status === 429) void reply.header('retry-after', String((e as DomainError).details?.retryAfterSeconds ?? 60));
      return sendHtml(reply, queryPage({ receiptNo }, known.message), { status: known.status });
    }
  });

  app.get<{ Params: { campaignId: string } }>('/public/final/:campaignId', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => {
    if (!UUID.test(request.params.campaignId)) return notFound(reply);
    try {
      const f = await getFinalList(request.ctx, request.params.campaignId);
      return sendHtml(reply, finalPage(f, siteOrigin(request)), {
        etag: `"${f.hash.slice(0, 24)}-${RENDER_VERSION}"`,
        cache: 'public, max-age=60, must-revalidate',
      });
    } catch (e) {
      if (statusOf(e)?.status === 404) return notFound(reply, '该征集活动的最终名单尚未发布');
      throw e;
    }
  });

  app.get<{ Params: { campaignId: string; format: string } }>(
    '/public/final/:campaignId/download/:format',
    { config: PUBLIC, schema: { hide: true } },
    async (request, reply) => {
      if (!UUID.test(request.params.campaignId) || !FORMATS.has(request.params.format)) return notFound(reply);
      try {
        const f = await getFinalList(request.ctx, request.params.campaignId);
        const title = `${f.campaignTitle}最终名单`;
        return sendListDocument(request, reply, request.params.format as ListFormat, {
          key: `final:${f.hash}`,
          fileName: title,
          doc: finalDocument(f, siteOrigin(request)),
        });
      } catch (e) {
        if (statusOf(e)?.status === 404) return notFound(reply, '该征集活动的最终名单尚未发布');
        throw e;
      }
    },
  );

  // Anything else under /public is a 404 page here, not the web app's fallback.
  app.get('/public/*', { config: PUBLIC, schema: { hide: true } }, async (request, reply) => notFound(reply));
};
