import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { experts, notifications, outbox, users } from '../../db/schema/index.ts';

/** One message to an expert. */
export interface ExpertMessage {
  expertId: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  /** Makes the e-mail idempotent (reminders): the same key is queued once. */
  dedupeKey?: string;
}

/**
 * Writes the in-application notification and the e-mail outbox row of each message, inside the command's
 * transaction (the outbox is sent after commit). Experts without an account get neither.
 */
export async function notifyExperts(tx: Db, clock: Clock, messages: readonly ExpertMessage[]): Promise<number> {
  if (messages.length === 0) return 0;
  const ids = [...new Set(messages.map((m) => m.expertId))];
  const rows = await tx
    .select({ id: experts.id, userId: experts.userId, expertEmail: experts.email, userEmail: users.email })
    .from(experts)
    .leftJoin(users, eq(users.id, experts.userId))
    .where(inArray(experts.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const now = clock.now();
  const inApp: (typeof notifications.$inferInsert)[] = [];
  const mail: (typeof outbox.$inferInsert)[] = [];
  for (const m of messages) {
    const e = byId.get(m.expertId);
    if (!e?.userId) continue;
    inApp.push({ userId: e.userId, kind: m.kind, title: m.title, body: m.body, link: m.link, createdAt: now });
    const to = e.expertEmail ?? e.userEmail;
    if (to) mail.push({ to, subject: m.title, body: m.body, nextAttemptAt: now, createdAt: now, dedupeKey: m.dedupeKey ?? null });
  }
  // One statement each, however many experts: a round can notify sixty experts at once.
  if (inApp.length) await tx.insert(notifications).values(inApp);
  if (mail.length) await tx.insert(outbox).values(mail).onConflictDoNothing();
  const sent = inApp.length;
  return sent;
}
