import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DEFAULT_MESSAGES, DomainError, ERROR_STATUS, formatZodIssues, type ErrorBody } from '@zhengji/domain';
import { isDatabaseUnavailable } from '../db/client.ts';

/** What a person reads while the database server is unreachable (a restart, a dropped connection). */
export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时不可用，系统将自动重新连接，请稍后重试';

function fastifyErrorToBody(err: FastifyError): { status: number; body: ErrorBody } | null {
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, body: { code: 'VALIDATION', message: '请求内容不是合法的 JSON，请检查格式后重试' } };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大，请减少内容后重试' } };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, body: { code: 'UNSUPPORTED_MEDIA', message: '不支持的请求格式，请以 JSON 提交' } };
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return { status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '上传的文件过大或数量过多，单个文件不能超过 20 MB' } };
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { status: 415, body: { code: 'UNSUPPORTED_MEDIA', message: '请以文件上传的方式提交' } };
    default:
      return null;
  }
}

/** One error model: DomainError codes → statuses, validation → 400 naming the field, 5xx details hidden. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof DomainError) {
      const status = ERROR_STATUS[err.code];
      const retry = err.details?.retryAfterSeconds;
      if (typeof retry === 'number') void reply.header('Retry-After', String(retry));
      const body: ErrorBody = { code: err.code, message: err.message || DEFAULT_MESSAGES[err.code] };
      if (err.details) body.details = err.details;
      return reply.status(status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({ path: (v.instancePath || '').split('/').filter(Boolean), message: v.message ?? '格式不正确' }));
      return reply.status(400).send({ code: 'VALIDATION', message: formatZodIssues(issues) } satisfies ErrorBody);
    }
    if (err instanceof ZodError) {
      return reply.status(400).send({ code: 'VALIDATION', message: formatZodIssues(err.issues) } satisfies ErrorBody);
    }
    const mapped = fastifyErrorToBody(err);
    if (mapped) return reply.status(mapped.status).send(mapped.body);
    if (err.statusCode === 429) {
      return reply.status(429).send({ code: 'RATE_LIMITED', message: DEFAULT_MESSAGES.RATE_LIMITED } satisfies ErrorBody);
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ code: 'VALIDATION', message: '请求不符合要求，请检查后重试' } satisfies ErrorBody);
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ code: (err as { code?: string }).code }, 'database unavailable');
      void reply.header('Retry-After', '5');
      return reply.status(503).send({ code: 'INTERNAL', message: DATABASE_UNAVAILABLE_MESSAGE } satisfies ErrorBody);
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send({ code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `找不到 ${request.method} ${request.url.split('?')[0] ?? ''}` } satisfies ErrorBody);
  });
}
