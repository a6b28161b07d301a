import { eq, or, sql } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { storedFiles } from '../db/schema/index.ts';
import { hitRateCounter } from '../db/queries/rate-counter.ts';
import type { UseCaseContext } from '../use-cases/context.ts';

/** How many files one user (or, for the public, one address) may upload per window, and the stored total allowed. */
export const UPLOAD_LIMITS = { perWindow: 20, windowSeconds: 600, quotaBytes: 200 * 1024 * 1024 } as const;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');

/**
 * Refuses an upload over the uploader's rate (429) or over the total stored by the user or the user's unit (413).
 * The public's uploads (objection evidence) are counted per address; their volume is bounded by the objection caps.
 */
export async function checkUploadAllowance(ctx: Pick<UseCaseContext, 'db' | 'actor' | 'clock' | 'ip'>, size: number): Promise<void> {
  const now = ctx.clock.now();
  const who = ctx.actor.kind === 'user' ? `user:${ctx.actor.userId}` : `ip:${ctx.ip ?? 'unknown'}`;
  const hit = await hitRateCounter(ctx.db, `upload:${who}`, UPLOAD_LIMITS.windowSeconds, now);
  if (hit.count > UPLOAD_LIMITS.perWindow) {
    const retryAfterSeconds = Math.max(1, Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000));
    throw new DomainError(
      'RATE_LIMITED',
      `上传过于频繁：每 ${String(UPLOAD_LIMITS.windowSeconds / 60)} 分钟最多上传 ${String(UPLOAD_LIMITS.perWindow)} 个文件，请${String(Math.ceil(retryAfterSeconds / 60))}分钟后再试`,
      { retryAfterSeconds },
    );
  }
  if (ctx.actor.kind !== 'user') return;
  const mine = ctx.actor.unitId
    ? or(eq(storedFiles.uploadedBy, ctx.actor.userId), eq(storedFiles.ownerUnitId, ctx.actor.unitId))
    : eq(storedFiles.uploadedBy, ctx.actor.userId);
  const [row] = await ctx.db
    .select({ total: sql<number>`coalesce(sum(${storedFiles.size}), 0)::bigint` })
    .from(storedFiles)
    .where(mine);
  const used = Number(row?.total ?? 0);
  if (used + size > UPLOAD_LIMITS.quotaBytes) {
    const whose = ctx.actor.unitId ? '本单位' : '您';
    throw new DomainError(
      'PAYLOAD_TOO_LARGE',
      `${whose}已保存的文件共 ${mb(used)} MB，再上传这个 ${mb(size)} MB 的文件将超过 ${mb(UPLOAD_LIMITS.quotaBytes)} MB 的存储上限；被替换的旧扫描件会自动删除，如仍不足请联系市职鉴中心`,
    );
  }
}
