import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifications, outbox, units, users } from '../../db/schema/index.ts';

/** A message for a unit: in the application for each of its users, and by e-mail to its addresses. */
export interface UnitMessage {
  kind: string;
  title: string;
  body: string;
  link?: string;
  /** Makes the message idempotent across instances: a second enqueue with the same key does nothing. */
  dedupeKey?: string;
}

/**
 * Writes an e-mail into the outbox (inside the caller's transaction); answers false when a row with the same
 * dedupeKey exists already (someone else enqueued it), so the caller skips its other side effects too.
 */
export async function enqueueMail(tx: Db, mail: { to: string; subject: string; body: string; dedupeKey?: string }, now: Date): Promise<boolean> {
  const inserted = await tx
    .insert(outbox)
    .values({
      dedupeKey: mail.dedupeKey ?? null,
      to: mail.to,
      subject: mail.subject,
      body: mail.body,
      status: mail.to ? 'pending' : 'failed',
      lastError: mail.to ? null : '收件单位没有登记电子邮箱',
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return inserted.length > 0;
}

/** The e-mail addresses of a unit: its contact address and its enabled users'. */
export async function unitAddresses(tx: Db, unitId: string): Promise<{ userIds: string[]; emails: string[] }> {
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.unitId, unitId), eq(users.disabled, false)));
  const [unit] = await tx
    .select({ email: units.contactEmail })
    .from(units)
    .where(and(eq(units.id, unitId), isNotNull(units.contactEmail)));
  const emails = [...new Set([unit?.email, ...people.map((p) => p.email)].filter((e): e is string => !!e))];
  return { userIds: people.map((p) => p.id), emails };
}

/** Notifies a unit in the application and by e-mail through the outbox; false when deduplicated away. */
export async function notifyUnitUsers(tx: Db, unitId: string, message: UnitMessage, now: Date): Promise<boolean> {
  const { userIds, emails } = await unitAddresses(tx, unitId);
  const fresh = await enqueueMail(tx, { to: emails.join(', '), subject: message.title, body: message.body, dedupeKey: message.dedupeKey }, now);
  if (!fresh) return false;
  if (userIds.length > 0) {
    await tx
      .insert(notifications)
      .values(userIds.map((userId) => ({ userId, kind: message.kind, title: message.title, body: message.body, link: message.link ?? null, createdAt: now })));
  }
  return true;
}
