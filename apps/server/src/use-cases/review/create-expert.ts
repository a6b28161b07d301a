import { ExpertInputSchema, type Expert, type ExpertInput } from '@zhengji/domain/review/review.panel.ts';
import { experts } from '../../db/schema/index.ts';
import { selectExperts } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview } from '../../db/queries/review-round.ts';
import { assertUnitExists, expertAccount } from '../../db/queries/expert-account.ts';

/** Adds an expert to the pool, creating (username) or linking (userId) an account of role expert. */
export async function createExpert(ctx: UseCaseContext, input: ExpertInput): Promise<{ expert: Expert; temporaryPassword: string | null }> {
  authorizeReview(ctx.actor, 'manageExperts');
  const data = ExpertInputSchema.parse(input);
  await assertUnitExists(ctx.db, data.unitId);
  const { id, temporaryPassword } = await ctx.db.transaction(async (tx) => {
    const account = await expertAccount(tx, data, null);
    const [row] = await tx
      .insert(experts)
      .values({
        name: data.name,
        organization: data.organization,
        unitId: data.unitId,
        title: data.title,
        specialties: data.specialties,
        phone: data.phone,
        email: data.email,
        active: data.active,
        userId: account?.userId ?? null,
      })
      .returning({ id: experts.id });
    await writeAudit(tx, ctx, {
      action: 'expert.create',
      objectType: 'expert',
      objectId: row!.id,
      changes: { name: data.name, organization: data.organization, unitId: data.unitId, username: data.username ?? null },
    });
    return { id: row!.id, temporaryPassword: account?.temporaryPassword ?? null };
  });
  const [expert] = await selectExperts(ctx.db, [id]);
  return { expert: expert!, temporaryPassword };
}
