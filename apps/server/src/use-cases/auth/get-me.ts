import { eq } from 'drizzle-orm';
import { DomainError, type Me } from '@zhengji/domain';
import { meAbilities } from '@zhengji/domain/auth/me-abilities.ts';
import { units, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

/** The logged-in user, role, unit and what they may do. */
export async function getMe(ctx: UseCaseContext, csrfToken: string): Promise<Me> {
  if (ctx.actor.kind !== 'user') throw new DomainError('UNAUTHENTICATED', '请先登录');
  const [row] = await ctx.db
    .select({ user: users, unitName: units.name })
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, ctx.actor.userId));
  if (!row) throw new DomainError('UNAUTHENTICATED', '请先登录');
  return {
    id: row.user.id,
    username: row.user.username,
    displayName: row.user.displayName,
    role: row.user.role,
    unitId: row.user.unitId,
    unitName: row.unitName ?? null,
    mustChangePassword: row.user.mustChangePassword,
    csrfToken,
    abilities: meAbilities(ctx.actor),
  };
}
