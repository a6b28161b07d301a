import { and, eq, sql } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { experts, units, users } from '../../db/schema/index.ts';
import { generatePassword, hashPassword } from '../auth/password-hash.ts';

/** Checks that the unit exists; a missing unit is a Chinese 400. */
export async function assertUnitExists(db: Db, unitId: string | null): Promise<void> {
  if (unitId === null) return;
  const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
  if (!unit) throw new DomainError('VALIDATION', '所选推荐单位不存在，请重新选择');
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
  if (input.userId) {
    const [user] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (!user || user.role !== 'expert') throw new DomainError('VALIDATION', '所选账号不存在或不是“评估专家”角色，请重新选择');
    const [taken] = await tx.select({ id: experts.id }).from(experts).where(eq(experts.userId, user.id));
    if (taken && taken.id !== exceptExpertId) throw new DomainError('CONFLICT', `账号“${user.username}”已关联其他专家，请换一个`);
    return { userId: user.id, temporaryPassword: null };
  }
  if (!input.username) return null;
  const [existing] = await tx.select({ id: users.id }).from(users).where(and(eq(sql`lower(${users.username})`, input.username.toLowerCase())));
  if (existing) throw new DomainError('CONFLICT', `用户名“${input.username}”已被使用，请换一个`);
  const temporaryPassword = generatePassword();
  const [user] = await tx
    .insert(users)
    .values({ username: input.username, displayName: input.name, role: 'expert', email: input.email, passwordHash: await hashPassword(temporaryPassword), mustChangePassword: true })
    .returning({ id: users.id });
  return { userId: user!.id, temporaryPassword };
}
