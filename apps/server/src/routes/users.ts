import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CreateUserInputSchema, CreateUserResultSchema, ResetPasswordResultSchema, UpdateUserInputSchema, UserSchema } from '@zhengji/domain';
import { roles } from '../plugins/access.ts';
import { listUsers } from '../use-cases/user/list-users.ts';
import { createUser } from '../use-cases/user/create-user.ts';
import { updateUser } from '../use-cases/user/update-user.ts';
import { resetPassword } from '../use-cases/user/reset-password.ts';

const IdParams = z.object({ id: z.uuid('用户编号格式不正确') });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const admin = roles('admin');
  app.get('/api/users', { config: admin, schema: { tags: ['users'], summary: '用户列表', response: { 200: z.array(UserSchema) } } }, async (request) =>
    listUsers(request.ctx),
  );
  app.post(
    '/api/users',
    { config: admin, schema: { tags: ['users'], summary: '创建用户', body: CreateUserInputSchema, response: { 201: CreateUserResultSchema } } },
    async (request, reply) => reply.status(201).send(await createUser(request.ctx, request.body)),
  );
  app.patch(
    '/api/users/:id',
    { config: admin, schema: { tags: ['users'], summary: '修改用户', params: IdParams, body: UpdateUserInputSchema, response: { 200: UserSchema } } },
    async (request) => updateUser(request.ctx, request.params.id, request.body),
  );
  app.post(
    '/api/users/:id/reset-password',
    { config: admin, schema: { tags: ['users'], summary: '重置密码', params: IdParams, response: { 200: ResetPasswordResultSchema } } },
    async (request) => resetPassword(request.ctx, request.params.id),
  );
};
