import type { ErrorBody } from '@zhengji/domain';

/** An error answered by the API (or by the network), with the server's code and Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Query string values; undefined, null and '' are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
  /** Set false for calls that handle 401 themselves (login, the session probe). */
  redirectOnAuthError?: boolean;
}

interface ApiHandlers {
  /** Called on 401: the session is missing or expired. */
  onUnauthenticated: () => void;
  /** Called on 403 PASSWORD_CHANGE_REQUIRED. */
  onPasswordChangeRequired: () => void;
}

const CSRF_COOKIE = 'zj_csrf';
let fallbackCsrfToken: string | null = null;
let handlers: ApiHandlers = {
  onUnauthenticated: () => {
    if (window.location.pathname !== '/login') window.location.assign(loginUrl('expired'));
  },
  onPasswordChangeRequired: () => {
    if (window.location.pathname !== '/change-password') window.location.assign('/change-password');
  },
};

/** Lets the app replace the default full-page redirects with router navigation. */
export function configureApi(next: Partial<ApiHandlers>): void {
  handlers = { ...handlers, ...next };
}

/** Remembers the CSRF token from GET /api/me, used when the zj_csrf cookie cannot be read. */
export function setCsrfToken(token: string | null): void {
  fallbackCsrfToken = token;
}

/**
 * The login URL that brings the person back to where they are now; `expired` makes the login page say that the
 * session timed out (a 401 on a call made while logged in).
 */
export function loginUrl(reason?: 'expired'): string {
  const here = window.location.pathname + window.location.search;
  const params = new URLSearchParams();
  if (reason) params.set('reason', reason);
  if (here !== '/' && !here.startsWith('/login')) params.set('next', here);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

function readCookie(name: string): string | null {
  for (const part of document.cookie.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** Builds /api/... with a query string. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const csrf = readCookie(CSRF_COOKIE) ?? fallbackCsrfToken;
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!response.ok) throw await toApiError(response, options);
  return response;
}

async function toApiError(response: Response, options: RequestOptions): Promise<ApiError> {
  let body: Partial<ErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ErrorBody>;
  } catch {
    // Not JSON (a proxy page, an empty body): fall back to a message by status.
  }
  const code = body.code ?? (response.status === 401 ? 'UNAUTHENTICATED' : `HTTP_${response.status}`);
  const message = body.message ?? fallbackMessage(response.status);
  const redirect = options.redirectOnAuthError !== false;
  if (redirect && response.status === 401) handlers.onUnauthenticated();
  if (redirect && code === 'PASSWORD_CHANGE_REQUIRED') handlers.onPasswordChangeRequired();
  return new ApiError(response.status, code, message, body.details);
}

function fallbackMessage(status: number): string {
  if (status === 401) return '登录已失效，请重新登录';
  if (status === 403) return '您没有执行此操作的权限';
  if (status === 404) return '您要找的内容不存在或您无权查看';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '系统内部错误，请稍后重试；如多次出现请联系系统管理员';
  return `请求失败（${status}），请稍后重试`;
}

/** Sends one request and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Shorthands for the JSON API. */
export const api = {
  get: <T>(path: string, query?: QueryParams, options?: Omit<RequestOptions, 'query' | 'body'>) => apiRequest<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>) => apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/** Downloads a file answered by a GET (e.g. a CSV export) and saves it under the server's file name. */
export async function downloadFile(path: string, query?: QueryParams, fallbackName = 'download'): Promise<void> {
  const response = await send('GET', path, { query });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? null;
}

/** The Chinese message to show for any error thrown by a request. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}
