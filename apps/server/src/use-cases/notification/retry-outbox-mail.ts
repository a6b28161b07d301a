import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { OUTBOX_NOT_RETRYABLE, OUTBOX_NO_RECIPIENT } from '@zhengji/domain/notification/outbox.actions.ts';
import { outbox } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { requireAllowed } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';

/** The center puts a failed (or waiting) mail back into the queue to be sent at the next tick. */
export async function retryOutboxMail(ctx: UseCaseContext, id: string): Promise<{ id: string; status: string }> {
  requireAllowed(ctx.actor.kind === 'user' && ctx.actor.role === 'center', ctx.actor);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(outbox)
      .set({ status: 'pending', nextAttemptAt: ctx.clock.now(), attempts: 0 })
      .where(and(eq(outbox.id, id), inArray(outbox.status, ['failed', 'pending'])))
      .returning({ id: outbox.id, to: outbox.to, status: outbox.status });
    if (!row) throw new DomainError('INVALID_STATE', OUTBOX_NOT_RETRYABLE);
    if (!row.to) throw new DomainError('VALIDATION', OUTBOX_NO_RECIPIENT);
    await writeAudit(tx, ctx, { action: 'outbox.retry', objectType: 'outbox', objectId: id });
    return { id: row.id, status: row.status };
  });
}
