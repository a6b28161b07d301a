import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { Db } from '../client.ts';
import { experts, units, users } from '../schema/index.ts';
import { generatePassword, hashPassword } from '../../auth/password-hash.ts';

/** Checks that the unit exists; a missing unit is a Chinese 400. */
export async function assertUnitExists(db: Db, unitId: string | null): Promise<void> {
  if (unitId === null) return;
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw new DomainError('VALIDATION', '所选推荐单位不存在，请重新选择');
}

/**
 * Checks that an account can be linked to the expert `exceptExpertId` (or a new one): it exists, has the role expert
 * and is not linked to another expert. Answers the user id; refusals name the account in Chinese.
 */
export async function linkableUser(tx: Db, userId: string, exceptExpertId: string | null): Promise<string> {
  const [user] = await tx.select().from(users).where(eq(users.id, userId));
  if (!user) throw new DomainError('NOT_FOUND', '所选账号不存在，请刷新后重新选择');
  if (user.role !== 'expert') throw new DomainError('VALIDATION', `账号“${user.username}”不是“评估专家”角色，不能关联到专家库；请选择评估专家账号`);
  const [taken] = await tx.select({ id: experts.id, name: experts.name }).from(experts).where(eq(experts.userId, user.id));
  if (taken && taken.id !== exceptExpertId) throw new DomainError('CONFLICT', `账号“${user.username}”已关联专家“${taken.name}”，一个账号只能关联一名专家`);
  return user.id;
}

/**
 * Creates an account of role expert (one-time password, to be changed at first login) or links an existing one.
 * Returns the user id and, for a new account, the temporary password.
 */
export async function expertAccount(
  tx: Db,
  input: { username?: string; userId?: string; name: string; email: string | null },
  exceptExpertId: string | null,
): Promise<{ userId: string; temporaryPassword: string | null } | null> {
  if (input.userId && input.username) throw new DomainError('VALIDATION', '“创建登录账号”与“关联已有账号”只能选一项');
  if (input.userId) return { userId: await linkableUser(tx, input.userId, exceptExpertId), temporaryPassword: null };
  if (!input.username) return null;
  const [existing] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(sql`lower(${users.username})`, input.username.toLowerCase())));
  if (existing) throw new DomainError('CONFLICT', `用户名“${input.username}”已被使用，请换一个`);
  const temporaryPassword = generatePassword();
  const [user] = await tx
    .insert(users)
    .values({
      username: input.username,
      displayName: input.name,
      role: 'expert',
      email: input.email,
      passwordHash: await hashPassword(temporaryPassword),
      mustChangePassword: true,
    })
    .returning({ id: users.id });
  return { userId: user!.id, temporaryPassword };
}
