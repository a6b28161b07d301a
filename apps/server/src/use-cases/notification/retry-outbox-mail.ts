import { and, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
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
    if (!row) throw new DomainError('INVALID_STATE', '该邮件不存在、正在发送或已发送，无需重试');
    if (!row.to) throw new DomainError('VALIDATION', '该邮件没有收件地址，请先为单位登记电子邮箱');
    await writeAudit(tx, ctx, { action: 'outbox.retry', objectType: 'outbox', objectId: id });
    return { id: row.id, status: row.status };
  });
}
