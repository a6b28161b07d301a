import { describe, expect, it } from 'vitest';
import { OUTBOX_STATUSES } from './notification.schemas.ts';
import { outboxRetryRefusal } from './outbox.actions.ts';

describe('outboxRetryRefusal', () => {
  it.each(OUTBOX_STATUSES.flatMap((status) => ['unit@example.com', ''].map((to) => [status, to] as const)))('%s to “%s”', (status, to) => {
    const expected =
      status === 'sending' || status === 'sent' ? '该邮件不存在、正在发送或已发送，无需重试' : to ? null : '该邮件没有收件地址，请先为单位登记电子邮箱';
    expect(outboxRetryRefusal({ status, to })).toBe(expected);
  });
});
