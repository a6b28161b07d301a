import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { NotificationQuerySchema, type NotificationList, type NotificationView } from '@zhengji/domain';
import { notifications } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { assertAccess } from '../../access/require-access.ts';

// Reading one's own notifications is not audited: it changes nothing but the reader's own read marks.

function present(n: typeof notifications.$inferSelect): NotificationView {
  return { id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}

function currentUser(ctx: UseCaseContext) {
  return requireAllowed(ctx.actor.kind === 'user', ctx.actor);
}

async function unreadCount(ctx: UseCaseContext, userId: string): Promise<{ unread: number; total: number }> {
  const [u] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  const [t] = await ctx.db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId));
  return { unread: u?.n ?? 0, total: t?.n ?? 0 };
}

/** The current user's notifications, newest first (only their own), with the unread count for the bell. */
export async function listMyNotifications(ctx: UseCaseContext, query: z.input<typeof NotificationQuerySchema> = {}): Promise<NotificationList> {
  const actor = currentUser(ctx);
  const q = NotificationQuerySchema.parse(query);
  const mine = eq(notifications.userId, actor.userId);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(q.unread === 'true' ? and(mine, isNull(notifications.readAt)) : mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit);
  return { items: rows.map(present), ...(await unreadCount(ctx, actor.userId)) };
}

/** Marks one of the current user's notifications read; another user's is 404 (its existence is not revealed). */
export async function markNotificationRead(ctx: UseCaseContext, id: string): Promise<NotificationView> {
  const actor = currentUser(ctx);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(notifications).where(eq(notifications.id, id));
    assertAccess(actor, 'notification.read', row);
    if (row.readAt) return present(row);
    const [updated] = await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).returning();
    return present(updated!);
  });
}

/** Marks every unread notification of the current user read. */
export async function markAllNotificationsRead(ctx: UseCaseContext): Promise<{ marked: number; unread: number }> {
  const actor = currentUser(ctx);
  const now = ctx.clock.now();
  const marked = await ctx.db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: marked.length, unread: 0 };
}
