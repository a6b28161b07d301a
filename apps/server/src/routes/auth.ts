import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordInputSchema, LoginInputSchema, MeSchema } from '@zhengji/domain';
import { ANY_USER, PUBLIC } from '../plugins/access.ts';
import { clearSessionCookies, requireToken, setSessionCookies } from '../plugins/auth.ts';
import { login } from '../use-cases/auth/login.ts';
import { logout } from '../use-cases/auth/logout.ts';
import { getMe } from '../use-cases/auth/get-me.ts';
import { changePassword } from '../use-cases/auth/change-password.ts';
import { resolveSession } from '../auth/resolve-session.ts';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    { config: PUBLIC, schema: { tags: ['auth'], summary: '登录', body: LoginInputSchema, response: { 200: MeSchema } } },
    async (request, reply) => {
      const { token, csrfToken } = await login(request.ctx, request.body);
      setSessionCookies(reply, request.ctx.config, token, csrfToken);
      const session = await resolveSession(request.ctx.db, request.ctx.clock, request.ctx.config, token);
      return getMe({ ...request.ctx, actor: session!.actor }, csrfToken);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'user', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null().describe('无内容') } },
    },
    async (request, reply) => {
      await logout(request.ctx, requireToken(request));
      clearSessionCookies(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/me',
    { config: { access: 'user', allowPendingPasswordChange: true }, schema: { tags: ['auth'], summary: '当前用户', response: { 200: MeSchema } } },
    async (request) => {
      return getMe(request.ctx, request.csrfToken ?? '');
    },
  );

  app.post(
    '/api/auth/change-password',
    {
      config: { access: 'user', allowPendingPasswordChange: true },
      schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordInputSchema, response: { 204: z.null().describe('无内容') } },
    },
    async (request, reply) => {
      await changePassword(request.ctx, request.body, requireToken(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/ping',
    { config: ANY_USER, schema: { tags: ['system'], summary: '登录状态检查（用于基准测试）', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );
};
