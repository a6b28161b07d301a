import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { ExpertAccountLinkInputSchema, type Expert } from '@zhengji/domain/review/review.panel.ts';
import { experts, users } from '../../db/schema/index.ts';
import { selectExperts } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';
import { linkableUser } from '../../db/queries/expert-account.ts';

/**
 * Links an existing account of role expert to an expert of the pool (center), so that the person can log in and score.
 * Refused in Chinese: an account of another role, one linked to another expert, an expert already linked elsewhere.
 */
export async function linkExpertAccount(ctx: UseCaseContext, expertId: string, input: unknown): Promise<Expert> {
  authorizeReview(ctx.actor, 'manageExperts');
  const data = ExpertAccountLinkInputSchema.parse(input);
  await ctx.db.transaction(async (tx) => {
    const [expert] = await tx.select().from(experts).where(eq(experts.id, expertId)).for('update');
    if (!expert) throw new DomainError('NOT_FOUND', '该专家不存在');
    if (expert.userId === data.userId) return;
    if (expert.userId) {
      const [current] = await tx.select({ username: users.username }).from(users).where(eq(users.id, expert.userId));
      throw new DomainError('CONFLICT', `专家“${expert.name}”已关联账号“${current?.username ?? ''}”，不能再关联其他账号`);
    }
    const userId = await linkableUser(tx, data.userId, expertId);
    await tx.update(experts).set({ userId }).where(eq(experts.id, expertId));
    await writeAudit(tx, ctx, { action: 'expert.link-account', objectType: 'expert', objectId: expertId, changes: { userId } });
  });
  const [saved] = await selectExperts(ctx.db, [expertId]);
  return saved!;
}
