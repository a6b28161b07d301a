import { and, eq, inArray, sql } from 'drizzle-orm';
import { DomainError, conflictDecisionRefusal } from '@zhengji/domain';
import { DecideCandidatesInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { assignments, candidates } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { candidateLabel } from '../../db/queries/assignment-checks.ts';
import { notifyCandidateOutcomes } from '../notification/notify-outcomes.ts';

/**
 * Decides selected / not selected for one or more candidates (center), all or nothing: each candidate must still be at
 * the version the center saw (else 409, another user decided first) and have no unresolved 回避 conflict.
 */
export async function decideCandidates(ctx: UseCaseContext, campaignId: string, input: unknown) {
  const actor = authorizeReview(ctx.actor, 'decide');
  const data = DecideCandidatesInputSchema.parse(input);
  const campaign = await loadReviewCampaign(ctx.db, campaignId, true);
  const ids = data.candidates.map((c) => c.id);
  return ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(candidates)
      .where(and(inArray(candidates.id, ids), eq(candidates.campaignId, campaignId)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.find((id) => !byId.has(id) || byId.get(id)!.mergedIntoId !== null || byId.get(id)!.status === 'withdrawn');
    if (missing) throw new DomainError('NOT_FOUND', '所选候选职业不存在、已被合并或已撤销，请刷新后重试');
    const flagged = await tx
      .selectDistinct({ candidateId: assignments.candidateId })
      .from(assignments)
      .where(and(inArray(assignments.candidateId, ids), eq(assignments.status, 'active'), eq(assignments.conflictFlag, true)));
    if (flagged.length > 0) {
      throw new DomainError('INVALID_STATE', conflictDecisionRefusal(byId.get(flagged[0]!.candidateId)!));
    }
    const now = ctx.clock.now();
    for (const c of data.candidates) {
      const [updated] = await tx
        .update(candidates)
        .set({
          status: data.decision,
          decisionReason: data.reason || null,
          decidedBy: actor.userId,
          decidedAt: now,
          updatedAt: now,
          version: sql`${candidates.version} + 1`,
        })
        .where(and(eq(candidates.id, c.id), eq(candidates.version, c.version)))
        .returning({ id: candidates.id });
      if (!updated) {
        throw new DomainError('STALE_VERSION', `“${candidateLabel(byId.get(c.id)!)}”已被他人修改或决定，请刷新后重新确认`);
      }
    }
    const outcome = data.decision === 'selected' ? '入选' : `未入选${data.reason ? `（理由：${data.reason}）` : ''}`;
    await notifyCandidateOutcomes(
      tx,
      campaign,
      '专家评估结果',
      data.candidates.map((c) => ({ candidateId: c.id, label: candidateLabel(byId.get(c.id)!), outcome })),
      now,
    );
    await writeAudit(tx, ctx, {
      action: 'candidate.decide',
      objectType: 'campaign',
      objectId: campaignId,
      changes: { decision: data.decision, reason: data.reason, candidates: data.candidates },
    });
    return { decided: data.candidates.length };
  });
}
