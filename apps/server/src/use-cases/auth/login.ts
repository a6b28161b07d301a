import { and, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { DomainError, LoginInputSchema, type LoginInput } from '@zhengji/domain';
import { sessions, users } from '../../db/schema/index.ts';
import { hitRateCounter } from '../../db/queries/rate-counter.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit, writeAuditOutside } from '../audit/write-audit.ts';
import { verifyPassword } from '../../auth/password-hash.ts';
import { newCsrfToken, newSessionToken } from '../../auth/session-token.ts';

/** The one answer for an unknown user, a wrong password and a locked or disabled account. */
export const LOGIN_FAILED_MESSAGE = '用户名或密码错误。连续输错多次后账号将被临时锁定，请稍后再试或联系管理员';

/** Logs in by username and password; returns a new session token, its CSRF token and the user id. */
export async function login(ctx: UseCaseContext, input: LoginInput): Promise<{ token: string; csrfToken: string; userId: string }> {
  const { username, password } = LoginInputSchema.parse(input);
  const now = ctx.clock.now();
  const ipHit = await hitRateCounter(ctx.db, `login-ip:${ctx.ip ?? 'unknown'}`, 60, now);
  if (ipHit.count > ctx.config.loginIpLimitPerMinute) {
    throw new DomainError('RATE_LIMITED', '登录尝试过于频繁，请稍后再试', { retryAfterSeconds: Math.ceil((ipHit.resetAt.getTime() - now.getTime()) / 1000) });
  }
  const [user] = await ctx.db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, username.toLowerCase()))
    .limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || user.disabled) {
    // The lock is read and written by the same statement, so concurrent guesses (on one or several instances) each count.
    const counted = user ? await countFailure(ctx, user.id, now) : false;
    return denied(ctx, username, user?.id ?? null, !user ? 'unknown' : !counted ? 'locked' : user.disabled ? 'disabled' : 'wrong');
  }
  const { token, idHash } = newSessionToken();
  const csrfToken = newCsrfToken();
  const opened = await ctx.db.transaction(async (tx) => {
    // Only an account that is not locked at this instant logs in (a concurrent wrong guess may just have locked it).
    const [cleared] = await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
      .where(and(eq(users.id, user.id), notLockedAt(now)))
      .returning({ id: users.id });
    if (!cleared) return false;
    await tx.insert(sessions).values({ idHash, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, ip: ctx.ip });
    const actor = { kind: 'user' as const, userId: user.id, username: user.username, role: user.role, unitId: user.unitId };
    await writeAudit(tx, { ...ctx, actor }, { action: 'auth.login', objectType: 'user', objectId: user.id });
    return true;
  });
  if (!opened) return denied(ctx, username, user.id, 'locked');
  return { token, csrfToken, userId: user.id };
}

const notLockedAt = (now: Date) => or(isNull(users.lockedUntil), lte(users.lockedUntil, now));

/**
 * Counts one failed attempt in one atomic statement (failed = failed + 1, and the lock set when it reaches the
 * threshold); false when the account is locked at this instant, in which case nothing is counted.
 */
async function countFailure(ctx: UseCaseContext, userId: string, now: Date): Promise<boolean> {
  const threshold = ctx.config.lockoutThreshold;
  const lockUntil = new Date(now.getTime() + ctx.config.lockoutMinutes * 60_000).toISOString();
  const reached = sql`${users.failedAttempts} + 1 >= ${threshold}::int`;
  const rows = await ctx.db
    .update(users)
    .set({
      failedAttempts: sql`CASE WHEN ${reached} THEN 0 ELSE ${users.failedAttempts} + 1 END`,
      lockedUntil: sql`CASE WHEN ${reached} THEN ${lockUntil}::timestamptz ELSE ${users.lockedUntil} END`,
    })
    .where(and(eq(users.id, userId), notLockedAt(now)))
    .returning({ id: users.id });
  return rows.length > 0;
}

async function denied(ctx: UseCaseContext, username: string, userId: string | null, reason: 'unknown' | 'locked' | 'disabled' | 'wrong'): Promise<never> {
  await writeAuditOutside(ctx.db, ctx, { action: 'auth.login', objectType: 'user', objectId: userId, result: 'denied', changes: { username, reason } });
  throw new DomainError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE);
}
