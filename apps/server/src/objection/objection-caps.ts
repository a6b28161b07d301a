import { and, count, eq, gt, min } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { objections } from '../db/schema/index.ts';
import { hitRateCounter } from '../db/queries/rate-counter.ts';
import type { UseCaseContext } from '../use-cases/context.ts';

/**
 * Flood limits of the public objection form: requests per address (per minute and hour, over all notices); objections
 * recorded per address per notice in 24 hours and per notice in an hour; confirmation mails per e-mail address a day.
 */
export const OBJECTION_LIMITS = { perMinute: 5, perHour: 20, perAddressPerNoticePerDay: 5, perNoticePerHour: 60, mailsPerAddressPerDay: 3 } as const;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

function limited(message: (retryAfterSeconds: number) => string, resetAt: Date, now: Date): DomainError {
  const retryAfterSeconds = Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000));
  return new DomainError('RATE_LIMITED', message(retryAfterSeconds), { retryAfterSeconds });
}

const minutes = (s: number) => `${String(Math.ceil(s / 60))}分钟`;

/** Counts a request of the address and refuses beyond the per-minute and per-hour limits. */
export async function throttleAddress(ctx: UseCaseContext): Promise<void> {
  const now = ctx.clock.now();
  const ip = ctx.ip ?? 'unknown';
  const minute = await hitRateCounter(ctx.db, `objection:ip:${ip}:m`, 60, now);
  if (minute.count > OBJECTION_LIMITS.perMinute) throw limited((s) => `提交过于频繁，请${String(s)}秒后再试`, minute.resetAt, now);
  const hour = await hitRateCounter(ctx.db, `objection:ip:${ip}:h`, 3600, now);
  if (hour.count > OBJECTION_LIMITS.perHour) throw limited((s) => `提交过于频繁，请${minutes(s)}后再试`, hour.resetAt, now);
}

/** Refuses a new objection when the address or the notice has reached its cap of recorded objections. */
export async function checkObjectionCaps(ctx: UseCaseContext, noticeId: string): Promise<void> {
  const now = ctx.clock.now();
  const sinceDay = new Date(now.getTime() - DAY);
  const [mine] = await ctx.db
    .select({ n: count(), first: min(objections.createdAt) })
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), eq(objections.ip, ctx.ip ?? 'unknown'), gt(objections.createdAt, sinceDay)));
  if (mine && mine.n >= OBJECTION_LIMITS.perAddressPerNoticePerDay) {
    const n = String(OBJECTION_LIMITS.perAddressPerNoticePerDay);
    throw limited(
      (s) => `同一网络地址24小时内对本公示最多提交${n}条异议，您已达到上限，请${minutes(s)}后再提交；如有补充材料，可凭受理编号联系市职鉴中心`,
      new Date(mine.first!.getTime() + DAY),
      now,
    );
  }
  const sinceHour = new Date(now.getTime() - HOUR);
  const [all] = await ctx.db
    .select({ n: count(), first: min(objections.createdAt) })
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), gt(objections.createdAt, sinceHour)));
  if (all && all.n >= OBJECTION_LIMITS.perNoticePerHour) {
    throw limited(
      (s) => `本公示一小时内收到的异议已达${String(OBJECTION_LIMITS.perNoticePerHour)}条，系统暂停受理，请${minutes(s)}后再提交`,
      new Date(all.first!.getTime() + HOUR),
      now,
    );
  }
}

/** Counts a confirmation mail to the address; false when the address has had its mails for today. */
export async function mayMailAddress(ctx: UseCaseContext, email: string): Promise<boolean> {
  const hit = await hitRateCounter(ctx.db, `objection:mail:${email.trim().toLowerCase()}`, 86_400, ctx.clock.now());
  return hit.count <= OBJECTION_LIMITS.mailsPerAddressPerDay;
}
