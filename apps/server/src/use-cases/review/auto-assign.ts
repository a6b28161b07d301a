import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { assignReviewers } from '@zhengji/domain';
import { AutoAssignInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { assignments, reviewRounds } from '../../db/schema/index.ts';
import { selectCandidateUnits, selectReviewCandidates } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, ensureRound, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { loadPanel } from '../../db/queries/review-panel.ts';
import { candidateLabel } from '../../db/queries/assignment-checks.ts';
import { notifyExperts } from './notify-experts.ts';

/**
 * Completes the assignment of every undecided candidate to N experts (campaign setting) from the panel: existing
 * assignments are kept, 回避 by unit id, caps, balanced load, matching specialties preferred; the seed is recorded.
 */
export async function autoAssign(ctx: UseCaseContext, campaignId: string, input: unknown) {
  authorizeReview(ctx.actor, 'assign');
  const data = AutoAssignInputSchema.parse(input ?? {});
  const campaign = await loadReviewCampaign(ctx.db, campaignId, true);
  const seed = data.seed ?? randomInt(0, 0xffffffff);
  return ctx.db.transaction(async (tx) => {
    await ensureRound(tx, campaignId);
    const list = (await selectReviewCandidates(tx, campaignId)).filter((c) => c.status === 'candidate');
    const unitsOf = await selectCandidateUnits(
      tx,
      list.map((c) => c.id),
    );
    const panel = await loadPanel(tx, campaignId);
    const existing = await tx
      .select()
      .from(assignments)
      .where(and(eq(assignments.campaignId, campaignId), eq(assignments.status, 'active')));
    const listed = new Set(list.map((c) => c.id));
    const result = assignReviewers(
      list.map((c) => ({ id: c.id, unitIds: (unitsOf.get(c.id) ?? []).map((u) => u.unitId), industries: c.industries })),
      // Experts outside the panel keep their existing assignments (as fixed) but get no new ones.
      panel.map((e) => ({ id: e.id, unitId: e.unitId, specialties: e.specialties, cap: e.cap, available: e.inPanel })),
      {
        reviewsPerCandidate: campaign.reviewersPerCandidate,
        seed,
        fixed: existing.filter((a) => listed.has(a.candidateId) && !a.conflictFlag).map((a) => ({ candidateId: a.candidateId, expertId: a.expertId })),
      },
    );
    const created = result.assignments.filter((a) => !a.manual);
    const now = ctx.clock.now();
    const assignedBy = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    for (let i = 0; i < created.length; i += 500) {
      const chunk = created
        .slice(i, i + 500)
        .map((a) => ({ campaignId, candidateId: a.candidateId, expertId: a.expertId, source: 'auto' as const, assignedBy, createdAt: now }));
      await tx.insert(assignments).values(chunk);
    }
    await tx
      .update(reviewRounds)
      .set({ assignmentSeed: String(seed) })
      .where(eq(reviewRounds.campaignId, campaignId));
    const byCandidate = new Map(list.map((c) => [c.id, c]));
    const shortfalls = result.shortfalls.map((s) => ({ ...s, label: candidateLabel(byCandidate.get(s.candidateId)!) }));
    await writeAudit(tx, ctx, {
      action: 'review.auto-assign',
      objectType: 'campaign',
      objectId: campaignId,
      changes: { seed, created: created.length, kept: existing.length, shortfalls: shortfalls.length, loadSpread: result.loadSpread },
    });
    const perExpert = new Map<string, number>();
    for (const a of created) perExpert.set(a.expertId, (perExpert.get(a.expertId) ?? 0) + 1);
    await notifyExperts(
      tx,
      ctx.clock,
      [...perExpert].map(([expertId, n]) => ({
        expertId,
        kind: 'review.assigned',
        title: '您有新的评审任务',
        body: `市职鉴中心为您分配了${String(n)}个候选职业（${campaign.title}），请登录征集系统评审。`,
        link: '/review/my',
      })),
    );
    return { seed, created: created.length, kept: existing.length, shortfalls, loads: result.loads, loadSpread: result.loadSpread };
  });
}
