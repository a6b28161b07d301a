import type { OUTBOX_STATUSES } from './notification.schemas.ts';

/** Why a mail is not put back into the queue: it is being or has been sent. */
export const OUTBOX_NOT_RETRYABLE = '该邮件不存在、正在发送或已发送，无需重试';
/** Why a mail without a recipient cannot be sent again (the unit has no e-mail address). */
export const OUTBOX_NO_RECIPIENT = '该邮件没有收件地址，请先为单位登记电子邮箱';

/**
 * Why 重新发送 of this outbox mail would be refused (sending or sent; no recipient), or null: the outbox page
 * disables the button with it instead of failing after the click.
 */
export function outboxRetryRefusal(mail: { status: (typeof OUTBOX_STATUSES)[number]; to: string | null }): string | null {
  if (mail.status !== 'failed' && mail.status !== 'pending') return OUTBOX_NOT_RETRYABLE;
  if (!mail.to?.trim()) return OUTBOX_NO_RECIPIENT;
  return null;
}
