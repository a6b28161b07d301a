import { eq, sql } from 'drizzle-orm';
import { CreateUserInputSchema, DomainError, canManageAccount, checkPassword, unitBindingProblem, type CreateUserInput, type User } from '@zhengji/domain';
import { units, users } from '../../db/schema/index.ts';
import { selectUsers } from '../../db/queries/users.ts';
import type { Db } from '../../db/client.ts';
import type { UseCaseContext } from '../context.ts';
import { refuseAuditorAccount } from './refuse-auditor-account.ts';
import { authorizePlatform } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { generatePassword, hashPassword } from '../../auth/password-hash.ts';
import { presentUser } from './list-users.ts';

/** Checks the unit binding rule: a unit user needs a unit, others none. */
export async function checkUnitBinding(db: Db, role: string, unitId: string | null | undefined): Promise<void> {
  const problem = unitBindingProblem(role, unitId);
  if (problem) throw new DomainError('VALIDATION', problem);
  if (unitId) {
    const [unit] = await db.select({ id: units.id }).from(units).where(eq(units.id, unitId));
    if (!unit) throw new DomainError('VALIDATION', '所选推荐单位不存在，请重新选择');
  }
}

/** Creates an account (never an auditor's: that is the CLI's); without a password, a one-time one is generated and must be changed at first login. */
export async function createUser(ctx: UseCaseContext, input: CreateUserInput): Promise<{ user: User; temporaryPassword: string | null }> {
  authorizePlatform(ctx.actor, 'user.create');
  const data = CreateUserInputSchema.parse(input);
  if (!canManageAccount(ctx.actor, 'user.create', data.role)) await refuseAuditorAccount(ctx, 'user.create', null);
  await checkUnitBinding(ctx.db, data.role, data.unitId);
  const [existing] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.username})`, data.username.toLowerCase()));
  if (existing) throw new DomainError('CONFLICT', `用户名“${data.username}”已被使用，请换一个`);
  const temporaryPassword = data.password ? null : generatePassword();
  const password = data.password ?? temporaryPassword!;
  const problems = checkPassword(password, data.username);
  if (problems.length) throw new DomainError('VALIDATION', `密码不符合要求：${problems.join('；')}`);
  const passwordHash = await hashPassword(password);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        unitId: data.unitId ?? null,
        email: data.email ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    await writeAudit(tx, ctx, {
      action: 'user.create',
      objectType: 'user',
      objectId: row!.id,
      changes: { username: data.username, role: data.role, unitId: data.unitId ?? null },
    });
    return row!.id;
  });
  const [user] = await selectUsers(ctx.db, eq(users.id, id));
  return { user: presentUser(ctx.actor, user!), temporaryPassword };
}
