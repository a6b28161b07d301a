import { eq } from 'drizzle-orm';
import { DomainError, canManageAccount } from '@zhengji/domain';
import { sessions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { refuseAuditorAccount } from './refuse-auditor-account.ts';
import { authorizePlatform } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { generatePassword, hashPassword } from '../../auth/password-hash.ts';

/** Resets an account's password to a one-time one (shown once), unlocks it and ends its sessions. Never an auditor's (the CLI resets those). */
export async function resetPassword(ctx: UseCaseContext, id: string): Promise<{ temporaryPassword: string }> {
  const actor = authorizePlatform(ctx.actor, 'user.resetPassword');
  const [user] = await ctx.db.select({ id: users.id, role: users.role }).from(users).where(eq(users.id, id));
  if (!user) throw new DomainError('NOT_FOUND', '该用户不存在');
  if (!canManageAccount(actor, 'user.resetPassword', user.role)) await refuseAuditorAccount(ctx, 'user.resetPassword', id);
  const temporaryPassword = generatePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: ctx.clock.now() })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await writeAudit(tx, ctx, { action: 'user.resetPassword', objectType: 'user', objectId: id });
  });
  return { temporaryPassword };
}
