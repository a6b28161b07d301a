import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, OBJECTION_EFFECT_LABELS, OBJECTION_OUTCOME_LABELS, OBJECTION_STATUS_LABELS } from '@zhengji/domain';
import { notices, objections } from '../../db/schema/index.ts';
import { hitRateCounter } from '../../db/queries/rate-counter.ts';
import type { UseCaseContext } from '../context.ts';
import { itemLabel } from '../../db/queries/notice.ts';
import { hashQueryCode } from '../../objection/objection-codes.ts';

/** Lookups one address may make per 10 minutes, and attempts per receipt number per hour. */
export const QUERY_LIMITS = { perIpPer10Minutes: 20, perReceiptPerHour: 5 } as const;

/** What the objector sees: no personal data, only the state and the center's answer. */
export interface ObjectionStatusView {
  receiptNo: string;
  noticeTitle: string;
  itemLabel: string;
  filedAt: Date;
  statusLabel: string;
  notAcceptedReason: string | null;
  conclusionLabel: string | null;
  effectLabel: string | null;
  reply: string | null;
}

const NOT_FOUND_MESSAGE = '受理编号或查询码不正确，请核对后重新输入';

/** Looks up an objection by receipt number and query code; any mismatch gives the same answer, attempts are limited. */
export async function queryObjection(ctx: UseCaseContext, receiptNo: string, queryCode: string): Promise<ObjectionStatusView> {
  const now = ctx.clock.now();
  const receipt = receiptNo.trim().toUpperCase();
  const perIp = await hitRateCounter(ctx.db, `objection-query:ip:${ctx.ip ?? 'unknown'}`, 600, now);
  const perReceipt = await hitRateCounter(ctx.db, `objection-query:receipt:${receipt.slice(0, 40)}`, 3600, now);
  const over = perIp.count > QUERY_LIMITS.perIpPer10Minutes ? perIp : perReceipt.count > QUERY_LIMITS.perReceiptPerHour ? perReceipt : null;
  if (over) {
    const retryAfterSeconds = Math.max(1, Math.ceil((over.resetAt.getTime() - now.getTime()) / 1000));
    throw new DomainError('RATE_LIMITED', `查询次数过多，请${String(Math.ceil(retryAfterSeconds / 60))}分钟后再试`, { retryAfterSeconds });
  }
  const [row] = receipt.length <= 40 ? await ctx.db.select().from(objections).where(eq(objections.receiptNo, receipt)) : [];
  const given = Buffer.from(hashQueryCode(queryCode), 'hex');
  const stored = Buffer.from(row?.queryCodeHash ?? '0'.repeat(64), 'hex');
  if (!row || !timingSafeEqual(given, stored)) throw new DomainError('NOT_FOUND', NOT_FOUND_MESSAGE);
  const [notice] = await ctx.db.select({ title: notices.title, items: notices.items }).from(notices).where(eq(notices.id, row.noticeId));
  const item = notice?.items.find((i) => i.candidateId === row.candidateId);
  return {
    receiptNo: row.receiptNo,
    noticeTitle: notice?.title ?? '',
    itemLabel: item ? itemLabel(item) : '',
    filedAt: row.createdAt,
    statusLabel: OBJECTION_STATUS_LABELS[row.status],
    notAcceptedReason: row.status === 'not_accepted' ? row.notAcceptedReason : null,
    conclusionLabel: row.conclusion ? OBJECTION_OUTCOME_LABELS[row.conclusion] : null,
    effectLabel: row.effect ? OBJECTION_EFFECT_LABELS[row.effect] : null,
    reply: row.status === 'concluded' ? row.reply : null,
  };
}
