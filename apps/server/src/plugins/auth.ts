import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, PUBLIC_ACTOR, type Actor, type Clock } from '@zhengji/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Mailer } from './mailer.ts';
import type { UseCaseContext } from '../use-cases/context.ts';
import { resolveSession } from '../auth/resolve-session.ts';
import './access.ts';

export const SESSION_COOKIE = 'zj_sid';
export const CSRF_COOKIE = 'zj_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    sessionToken: string | null;
    csrfToken: string | null;
    mustChangePassword: boolean;
    ctx: UseCaseContext;
  }
}

/** Sets the session and CSRF cookies after login. */
export function setSessionCookies(reply: FastifyReply, config: Config, token: string, csrfToken: string): void {
  const base = { path: '/', sameSite: 'lax' as const, secure: config.secureCookies };
  void reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  void reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
}

/** Clears both cookies. */
export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/**
 * True when the Origin header names this site: same scheme, host and port as the request (`https` is also accepted
 * when the site is configured for secure cookies, i.e. served over HTTPS behind a proxy). `null` (sandboxed frames,
 * file: pages, some redirects) and anything unparsable are not this site.
 */
export function isSameOrigin(request: FastifyRequest, origin: string, secure: boolean): boolean {
  let claimed: string;
  try {
    claimed = new URL(origin).origin;
  } catch {
    return false;
  }
  const host = request.headers.host;
  if (claimed === 'null' || !host) return false;
  const schemes = new Set([request.protocol, ...(secure ? ['https'] : [])]);
  for (const scheme of schemes) {
    try {
      if (new URL(`${scheme}://${host}`).origin === claimed) return true;
    } catch {
      return false;
    }
  }
  return false;
}

function deny(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.status(status).send({ code, message });
}

/** Resolves the session, enforces CSRF and the route's declared access (deny by default). */
export function registerAuth(app: FastifyInstance, deps: { db: Db; clock: Clock; config: Config; mailer: Mailer }): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.actor = PUBLIC_ACTOR;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(deps.db, deps.clock, deps.config, token);
      if (session) {
        request.actor = session.actor;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
        request.mustChangePassword = session.mustChangePassword;
      }
    }
    request.ctx = { db: deps.db, actor: request.actor, clock: deps.clock, ip: request.ip, config: deps.config, mailer: deps.mailer };

    const config = request.routeOptions.config;
    if (!request.routeOptions.url) return; // not found: the 404 handler answers
    const access = config?.access;
    if (!access) return deny(reply, 403, 'FORBIDDEN', '该接口未声明访问权限，已拒绝');
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin !== undefined && !isSameOrigin(request, origin, deps.config.secureCookies)) {
        return deny(reply, 403, 'FORBIDDEN', '跨站请求已被拒绝：请求来源（Origin）不是本系统的地址，请从本系统的页面操作');
      }
      // Public routes do not act on the session (the public objection form posts as plain HTML); the Origin check and
      // SameSite=Lax cookies still hold.
      if (access !== 'public' && request.sessionToken && request.headers['x-csrf-token'] !== request.csrfToken) {
        return deny(reply, 403, 'FORBIDDEN', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试');
      }
    }
    if (access === 'public') return;
    if (request.actor.kind !== 'user') return deny(reply, 401, 'UNAUTHENTICATED', '请先登录');
    if (request.mustChangePassword && !config.allowPendingPasswordChange) {
      return deny(reply, 403, 'PASSWORD_CHANGE_REQUIRED', '请先修改初始密码后再继续操作');
    }
    if (access !== 'user' && !access.includes(request.actor.role)) {
      return deny(reply, 403, 'FORBIDDEN', '您没有执行此操作的权限');
    }
  });
}

/** Throws when the request has no logged-in user (for handlers of 'user' routes needing the token). */
export function requireToken(request: FastifyRequest): string {
  if (!request.sessionToken) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return request.sessionToken;
}
