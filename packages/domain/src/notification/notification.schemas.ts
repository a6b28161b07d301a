import { z } from 'zod';
import { DateTimeSchema, type Json } from '../shared/wire.ts';

/** One in-application notification of the current user. */
export const NotificationViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof NotificationViewSchema>;

/** The current user's notifications, newest first, and how many are unread. */
export const NotificationListSchema = z.object({ items: z.array(NotificationViewSchema), unread: z.number(), total: z.number() });
export type NotificationList = z.infer<typeof NotificationListSchema>;

/** GET /api/notifications query. */
export const NotificationQuerySchema = z.object({
  unread: z.enum(['true', 'false'], '“仅未读”须为 true 或 false').optional(),
  limit: z.coerce.number('条数须为数字').int('条数须为整数').min(1, '条数至少为 1').max(100, '条数不能超过 100').default(30),
});

/** The states of an outbox mail. */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
/** One outbox mail as the center sees it. */
export const OutboxMailSchema = z.object({
  id: z.string(),
  dedupeKey: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: DateTimeSchema,
  createdAt: DateTimeSchema,
  sentAt: DateTimeSchema.nullable(),
});
/** A page of outbox mails with counts by status. */
export const OutboxPageSchema = z.object({
  items: z.array(OutboxMailSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  counts: z.record(z.string(), z.number()),
});
/** A page of outbox mails. */
export type OutboxPage = z.infer<typeof OutboxPageSchema>;
/** One outbox mail, as the web receives it. */
export type OutboxMailJson = Json<typeof OutboxMailSchema>;
/** A page of outbox mails, as the web receives it. */
export type OutboxPageJson = Json<typeof OutboxPageSchema>;
