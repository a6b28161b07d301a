import { and, eq, lt, or, sql, lte, inArray } from 'drizzle-orm';
import type { Clock } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { outbox } from '../../db/schema/index.ts';
import type { Mailer } from '../../plugins/mailer.ts';

/** Attempts before a mail is marked failed (then only a person retries it). */
export const MAX_MAIL_ATTEMPTS = 8;
/** A row claimed longer ago than this belongs to a sender that died; it is claimed again. */
const STALE_CLAIM_MS = 10 * 60 * 1000;

/** Backoff before attempt n+1: 1, 2, 4 … minutes, at most one hour. */
export function mailBackoffMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60 * 1000;
}

/** What the sender needs (no actor: the tick runs as the system). */
export interface OutboxDeps {
  db: Db;
  clock: Clock;
  mailer: Mailer;
}

/**
 * Claims due outbox rows (UPDATE … WHERE status = 'pending' … RETURNING, with SKIP LOCKED, so that senders on
 * several instances never take the same row) and sends them; a failure is recorded and retried with backoff.
 */
export async function deliverOutbox(deps: OutboxDeps, limit = 20): Promise<{ sent: number; failed: number }> {
  const now = deps.clock.now();
  const due = deps.db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)),
        and(eq(outbox.status, 'sending'), lt(outbox.claimedAt, new Date(now.getTime() - STALE_CLAIM_MS))),
      ),
    )
    .orderBy(outbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  const claimed = await deps.db
    .update(outbox)
    .set({ status: 'sending', claimedAt: now, attempts: sql`${outbox.attempts} + 1` })
    .where(and(inArray(outbox.id, due), or(eq(outbox.status, 'pending'), eq(outbox.status, 'sending'))))
    .returning();
  let sent = 0;
  let failed = 0;
  for (const mail of claimed) {
    try {
      await deps.mailer.send({ to: mail.to, subject: mail.subject, text: mail.body });
      await deps.db.update(outbox).set({ status: 'sent', sentAt: deps.clock.now(), lastError: null }).where(eq(outbox.id, mail.id));
      sent++;
    } catch (err) {
      failed++;
      const giveUp = mail.attempts >= MAX_MAIL_ATTEMPTS;
      await deps.db
        .update(outbox)
        .set({
          status: giveUp ? 'failed' : 'pending',
          lastError: String((err as Error).message ?? err).slice(0, 500),
          nextAttemptAt: new Date(deps.clock.now().getTime() + mailBackoffMs(mail.attempts)),
        })
        .where(eq(outbox.id, mail.id));
    }
  }
  return { sent, failed };
}
