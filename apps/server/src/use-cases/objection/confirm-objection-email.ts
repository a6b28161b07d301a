import { and, eq, isNull } from 'drizzle-orm';
import { DomainError, formatChineseDate } from '@zhengji/domain';
import { objections, outbox } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { EMAIL_CONFIRM_TTL_MS, hashEmailToken } from './file-objection.ts';

/** What the confirmation page shows: the receipt number and the address, masked. */
export interface EmailConfirmation {
  receiptNo: string;
  maskedEmail: string;
  alreadyConfirmed: boolean;
}

const mask = (email: string) => email.replace(/^(.)[^@]*/, '$1***');

/**
 * Confirms the e-mail address of an objection from the token of its link, then mails the receipt (once). A second use
 * of the same link answers the confirmation again without mailing; an unknown or expired token is refused.
 */
export async function confirmObjectionEmail(ctx: UseCaseContext, token: string): Promise<EmailConfirmation> {
  const refused = new DomainError('NOT_FOUND', '确认链接无效或已过期（有效期7日）。您的异议已经受理，可凭受理编号和查询码在公示网站查询办理进度');
  if (!/^[\w-]{20,64}$/.test(token)) throw refused;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [o] = await tx
      .select()
      .from(objections)
      .where(eq(objections.emailTokenHash, hashEmailToken(token)))
      .for('update');
    if (!o?.email) throw refused;
    if (o.emailConfirmedAt) return { receiptNo: o.receiptNo, maskedEmail: mask(o.email), alreadyConfirmed: true };
    if (now.getTime() - o.createdAt.getTime() > EMAIL_CONFIRM_TTL_MS) throw refused;
    await tx
      .update(objections)
      .set({ emailConfirmedAt: now })
      .where(and(eq(objections.id, o.id), isNull(objections.emailConfirmedAt)));
    await tx
      .insert(outbox)
      .values({
        dedupeKey: `objection:${o.id}:receipt`,
        to: o.email,
        subject: `异议已收到（受理编号 ${o.receiptNo}）`,
        body: `您提出的异议已于${formatChineseDate(o.createdAt)}收到，受理编号 ${o.receiptNo}。请凭受理编号和提交时获得的查询码在公示网站查询办理进度和答复；办理结果也将发送到本邮箱。`,
        nextAttemptAt: now,
        createdAt: now,
      })
      .onConflictDoNothing();
    await writeAudit(tx, ctx, { action: 'objection.confirmEmail', objectType: 'objection', objectId: o.id, changes: { receiptNo: o.receiptNo } });
    return { receiptNo: o.receiptNo, maskedEmail: mask(o.email), alreadyConfirmed: false };
  });
}
