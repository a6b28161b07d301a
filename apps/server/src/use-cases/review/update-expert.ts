import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { ExpertInputSchema, type Expert, type ExpertInput } from '@zhengji/domain/review/review.panel.ts';
import { experts } from '../../db/schema/index.ts';
import { selectExperts } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';
import { assertUnitExists, expertAccount } from '../../db/queries/expert-account.ts';
import { recheckExpertConflicts } from './recheck-conflicts.ts';

/**
 * Edits an expert. A change of unit re-checks 回避 on the expert's active assignments: one whose candidate the new unit
 * recommended is flagged (the expert can no longer open or score it, its review stops counting until the center
 * reassigns); answers how many of the expert's assignments are flagged.
 */
export async function updateExpert(
  ctx: UseCaseContext,
  id: string,
  input: ExpertInput,
): Promise<{ expert: Expert; temporaryPassword: string | null; conflictsFlagged: number }> {
  authorizeReview(ctx.actor, 'manageExperts');
  const data = ExpertInputSchema.parse(input);
  await assertUnitExists(ctx.db, data.unitId);
  const { temporaryPassword, conflictsFlagged } = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(experts).where(eq(experts.id, id));
    if (!before) throw new DomainError('NOT_FOUND', '该专家不存在');
    if (before.userId && data.userId && data.userId !== before.userId) {
      throw new DomainError('CONFLICT', `专家“${before.name}”已关联登录账号，不能改为关联其他账号`);
    }
    const account = before.userId ? null : await expertAccount(tx, data, id);
    await tx
      .update(experts)
      .set({
        name: data.name,
        organization: data.organization,
        unitId: data.unitId,
        title: data.title,
        specialties: data.specialties,
        phone: data.phone,
        email: data.email,
        active: data.active,
        userId: account?.userId ?? before.userId,
      })
      .where(eq(experts.id, id));
    const flagged = before.unitId !== data.unitId ? await recheckExpertConflicts(tx, id) : [];
    await writeAudit(tx, ctx, {
      action: 'expert.update',
      objectType: 'expert',
      objectId: id,
      changes: { name: data.name, unitId: data.unitId, active: data.active, conflictsFlagged: flagged },
    });
    return { temporaryPassword: account?.temporaryPassword ?? null, conflictsFlagged: flagged.length };
  });
  const [expert] = await selectExperts(ctx.db, [id]);
  return { expert: expert!, temporaryPassword, conflictsFlagged };
}
