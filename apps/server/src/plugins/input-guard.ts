import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, FORM_COLUMN_LABELS, findTextProblem, textProblemMessage, type ErrorBody } from '@zhengji/domain';

/**
 * Refuses, before any route validates or acts, text that no field may hold: control characters (NUL…) and unpaired
 * surrogates in the path parameters, the query or the parsed body, and dates that do not exist (2024-02-30), naming
 * the field in Chinese. Multipart fields are checked by their readers (plugins/upload.ts).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest) => {
    for (const value of [request.params, request.query, request.body]) {
      if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) continue;
      const found = findTextProblem(value);
      if (found) throw new DomainError('VALIDATION', textProblemMessage(found, {}, FORM_COLUMN_LABELS));
    }
  });
}

/** Errors of the router before any route is found (Fastify's `frameworkErrors` option): a broken or overlong address. */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void reply.status(414).send({ code: 'VALIDATION', message: '请求的地址过长，请检查链接是否完整正确' } satisfies ErrorBody);
    return;
  }
  const message =
    error.code === 'FST_ERR_BAD_URL' ? '请求的地址含有无法识别的字符（百分号编码不正确），请检查链接是否完整正确' : '请求的地址不正确，请检查链接';
  void reply.status(400).send({ code: 'VALIDATION', message } satisfies ErrorBody);
}

const CLIENT_ERRORS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', '请求头过大（多为本站 Cookie 过多或地址过长），请清除浏览器中本站的 Cookie 后重试'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', '请求超时，请检查网络后重试'],
  ERR_HTTP_REQUEST_HEADERS_TOO_LARGE: [
    431,
    'Request Header Fields Too Large',
    '请求头过大（多为本站 Cookie 过多或地址过长），请清除浏览器中本站的 Cookie 后重试',
  ],
};

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (Fastify's `clientErrorHandler` option):
 * oversized headers → 431, a timeout → 408, anything else unparsable → 400, each with a Chinese JSON body.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, reason, message] = CLIENT_ERRORS[err.code ?? ''] ?? [400, 'Bad Request', '请求的格式不正确，服务器无法解析，请检查后重试'];
  const body = JSON.stringify({ code: status === 431 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION', message } satisfies ErrorBody);
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${String(status)} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy();
  }
}
