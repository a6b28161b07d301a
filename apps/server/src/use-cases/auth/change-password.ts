import { and, eq, ne } from 'drizzle-orm';
import { ChangePasswordInputSchema, DomainError, checkPassword, type ChangePasswordInput } from '@zhengji/domain';
import { sessions, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { hashPassword, verifyPassword } from '../../auth/password-hash.ts';
import { hashSessionToken } from '../../auth/session-token.ts';

/** Changes the actor's own password; ends the user's other sessions. */
export async function changePassword(ctx: UseCaseContext, input: ChangePasswordInput, currentToken: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', '请先登录');
  const { currentPassword, newPassword } = ChangePasswordInputSchema.parse(input);
  const actor = ctx.actor;
  const [user] = await ctx.db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new DomainError('VALIDATION', '当前密码不正确，请重新输入');
  }
  const problems = checkPassword(newPassword, user.username);
  if (currentPassword === newPassword) problems.push('新密码不能与当前密码相同');
  if (problems.length) throw new DomainError('VALIDATION', `新密码不符合要求：${problems.join('；')}`);
  const passwordHash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: ctx.clock.now(), updatedAt: ctx.clock.now() })
      .where(eq(users.id, user.id));
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), ne(sessions.idHash, hashSessionToken(currentToken))));
    await writeAudit(tx, ctx, { action: 'auth.changePassword', objectType: 'user', objectId: user.id, changes: { password: 'changed' } });
  });
}
