import { and, asc, eq, isNull } from 'drizzle-orm';
import type { LinkableAccount } from '@zhengji/domain/review/review.panel.ts';
import { experts, users } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';

/** The accounts of role expert (not disabled) that no expert of the pool is linked to yet (center). */
export async function listLinkableAccounts(ctx: UseCaseContext): Promise<LinkableAccount[]> {
  authorizeReview(ctx.actor, 'manageExperts');
  return ctx.db
    .select({ id: users.id, username: users.username, displayName: users.displayName, email: users.email })
    .from(users)
    .leftJoin(experts, eq(experts.userId, users.id))
    .where(and(eq(users.role, 'expert'), eq(users.disabled, false), isNull(experts.id)))
    .orderBy(asc(users.username));
}
