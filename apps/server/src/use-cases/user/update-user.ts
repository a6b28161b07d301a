import { eq } from 'drizzle-orm';
import { DomainError, UpdateUserInputSchema, SELF_DISABLE_REFUSAL, canManageAccount, type UpdateUserInput, type User } from '@zhengji/domain';
import { sessions, users } from '../../db/schema/index.ts';
import { selectUsers } from '../../db/queries/users.ts';
import type { UseCaseContext } from '../context.ts';
import { refuseAuditorAccount } from './refuse-auditor-account.ts';
import { authorizePlatform } from '../authorize.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { checkUnitBinding } from './create-user.ts';
import { presentUser } from './list-users.ts';

/** Edits an account: name, unit binding, e-mail, disabled, forced password change. Disabling ends its sessions. Never an auditor's account. */
export async function updateUser(ctx: UseCaseContext, id: string, input: UpdateUserInput): Promise<User> {
  const actor = authorizePlatform(ctx.actor, 'user.update');
  const data = UpdateUserInputSchema.parse(input);
  const [user] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (!user) throw new DomainError('NOT_FOUND', '该用户不存在');
  if (!canManageAccount(actor, 'user.update', user.role)) await refuseAuditorAccount(ctx, 'user.update', id);
  if (data.disabled && user.id === actor.userId) throw new DomainError('VALIDATION', SELF_DISABLE_REFUSAL);
  if (data.unitId !== undefined) await checkUnitBinding(ctx.db, user.role, data.unitId);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ ...data, updatedAt: ctx.clock.now() })
      .where(eq(users.id, id));
    if (data.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
    await writeAudit(tx, ctx, { action: 'user.update', objectType: 'user', objectId: id, changes: data });
  });
  const [updated] = await selectUsers(ctx.db, eq(users.id, id));
  return presentUser(actor, updated!);
}
