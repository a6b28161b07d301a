import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotificationListSchema, NotificationQuerySchema, NotificationViewSchema } from '@zhengji/domain';
import { ANY_USER } from '../plugins/access.ts';
import { listMyNotifications, markAllNotificationsRead, markNotificationRead } from '../use-cases/notification/my-notifications.ts';

const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/notifications',
    {
      config: ANY_USER,
      schema: { tags, summary: '我的站内通知（最新在前）与未读数', querystring: NotificationQuerySchema, response: { 200: NotificationListSchema } },
    },
    async (request) => listMyNotifications(request.ctx, request.query),
  );
  app.post(
    '/api/notifications/read-all',
    { config: ANY_USER, schema: { tags, summary: '全部标为已读', response: { 200: z.object({ marked: z.number(), unread: z.number() }) } } },
    async (request) => markAllNotificationsRead(request.ctx),
  );
  app.post(
    '/api/notifications/:id/read',
    {
      config: ANY_USER,
      schema: { tags, summary: '标为已读', params: z.object({ id: z.uuid('通知编号格式不正确') }), response: { 200: NotificationViewSchema } },
    },
    async (request) => markNotificationRead(request.ctx, request.params.id),
  );
};
