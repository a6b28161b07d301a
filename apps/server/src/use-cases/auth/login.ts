import { eq, sql } from 'drizzle-orm';
import { DomainError, LoginInputSchema, type LoginInput } from '@zhengji/domain';
import { sessions, users } from '../../db/schema/index.ts';
import { hitRateCounter } from '../../db/queries/rate-counter.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit, writeAuditOutside } from '../audit/write-audit.ts';
import { verifyPassword } from './password-hash.ts';
import { newCsrfToken, newSessionToken } from './session-token.ts';

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
  const [user] = await ctx.db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase())).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  const locked = !!user?.lockedUntil && user.lockedUntil > now;
  if (!user || !passwordOk || locked || user.disabled) {
    if (user && !locked) {
      const failed = user.failedAttempts + 1;
      const lock = failed >= ctx.config.lockoutThreshold;
      await ctx.db
        .update(users)
        .set({ failedAttempts: lock ? 0 : failed, lockedUntil: lock ? new Date(now.getTime() + ctx.config.lockoutMinutes * 60_000) : user.lockedUntil })
        .where(eq(users.id, user.id));
    }
    await writeAuditOutside(ctx.db, ctx, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user?.id ?? null,
      result: 'denied',
      changes: { username, reason: !user ? 'unknown' : locked ? 'locked' : user.disabled ? 'disabled' : 'wrong' },
    });
    throw new DomainError('UNAUTHENTICATED', LOGIN_FAILED_MESSAGE);
  }
  const { token, idHash } = newSessionToken();
  const csrfToken = newCsrfToken();
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({ idHash, userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, ip: ctx.ip });
    const actor = { kind: 'user' as const, userId: user.id, username: user.username, role: user.role, unitId: user.unitId };
    await writeAudit(tx, { ...ctx, actor }, { action: 'auth.login', objectType: 'user', objectId: user.id });
  });
  return { token, csrfToken, userId: user.id };
}
