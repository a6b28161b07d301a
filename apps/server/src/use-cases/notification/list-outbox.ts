import { count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { PageQuerySchema } from '@zhengji/domain';
import { OUTBOX_STATUSES, type OutboxPage } from '@zhengji/domain/notification/notification.schemas.ts';
import { outbox } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';

/** Outbox query: a status filter and paging. */
export const OutboxQuerySchema = PageQuerySchema.extend({ status: z.enum(OUTBOX_STATUSES, '状态不正确').optional() });

/** The e-mail outbox, newest first, so that failed sends are visible (the center). */
export async function listOutbox(ctx: UseCaseContext, query: z.input<typeof OutboxQuerySchema>): Promise<OutboxPage> {
  requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  const q = OutboxQuerySchema.parse(query);
  const where = q.status ? eq(outbox.status, q.status) : undefined;
  const items = await ctx.db
    .select()
    .from(outbox)
    .where(where)
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const byStatus = await ctx.db.select({ status: outbox.status, n: count() }).from(outbox).groupBy(outbox.status);
  const counts = Object.fromEntries(byStatus.map((r) => [r.status, r.n]));
  const total = q.status ? (counts[q.status] ?? 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  return { items, total, page: q.page, pageSize: q.pageSize, counts };
}
