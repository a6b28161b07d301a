import type { FastifyRequest } from 'fastify';

/** What a logged error keeps: its kind, the SQL text and database error code, never the values. */
export type RedactedError = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  sql?: string;
  params?: string;
  constraint?: string;
  table?: string;
  column?: string;
  cause?: RedactedError;
};

type ErrorLike = Error & Record<string, unknown>;

const isDatabaseError = (e: ErrorLike) => typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) && 'severity' in e;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Database messages quote the offending value ('invalid input syntax for type uuid: "13812345678"'): mask every quote. */
const maskQuoted = (message: string) => message.replace(/"[^"]*"/g, '"…"').replace(/'[^']*'/g, "'…'");

/** The stack frames only: the first line repeats the message, which for a failed query lists every parameter. */
const framesOf = (e: Error) =>
  (e.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .join('\n');

/**
 * Serializes an error for the log without personal data: a failed query keeps its SQL text and the database's error
 * code, constraint, table and column, but never its parameters (names, phones, e-mails, query-code hashes), the
 * database's `detail` ("Failing row contains (…)") or the quoted values in its message.
 */
export function redactError(err: unknown, depth = 0): RedactedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[非 Error 对象，已隐去]', stack: '' };
  const e = err as ErrorLike;
  const out: RedactedError = { type: e.name || e.constructor.name, message: e.message, stack: '' };
  if (typeof e.query === 'string' && Array.isArray(e.params)) {
    out.message = `Failed query: ${e.query}`;
    out.sql = e.query;
    out.params = `[${e.params.length} 个参数已隐去]`;
  } else if (isDatabaseError(e)) {
    out.message = maskQuoted(e.message);
  }
  if (str(e.code)) out.code = str(e.code);
  for (const key of ['constraint', 'table', 'column'] as const) if (str(e[key])) out[key] = str(e[key]);
  out.stack = `${out.type}: ${out.message}\n${framesOf(e)}`;
  if (e.cause !== undefined && depth < 3) out.cause = redactError(e.cause, depth + 1);
  return out;
}

/** The request as logged: method, path without its query string (it may carry a phone or a query code), client address. */
export function redactRequest(request: FastifyRequest): Record<string, unknown> {
  return { method: request.method, url: request.url.split('?')[0], remoteAddress: request.ip };
}

/** Logger options of the app: every `err` and `req` goes through the redaction above; bodies are never logged. */
export function loggerOptions(level: string, stream?: { write(line: string): void }) {
  return { level, serializers: { err: (e: Error) => redactError(e), req: redactRequest }, ...(stream ? { stream } : {}) };
}
