import { and, eq, gte, inArray } from 'drizzle-orm';
import { formatChineseDate, shanghaiIsoDate } from '@zhengji/domain';
import { experts, notifications } from '../../db/schema/index.ts';
import { selectCampaignAssignments } from '../../db/queries/review.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { assertRoundOpen, authorizeReview, ensureRound, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { notifyExperts } from './notify-experts.ts';

/** Reminds every expert with reviews not yet submitted (center); at most one reminder per expert and day. */
export async function remindReviewers(ctx: UseCaseContext, campaignId: string): Promise<{ reminded: number }> {
  authorizeReview(ctx.actor, 'assign');
  const campaign = await loadReviewCampaign(ctx.db, campaignId, true);
  return ctx.db.transaction(async (tx) => {
    const round = await ensureRound(tx, campaignId);
    const now = ctx.clock.now();
    assertRoundOpen(round, now);
    const rows = await selectCampaignAssignments(tx, campaignId);
    const pending = new Map<string, number>();
    for (const r of rows) {
      if (r.assignment.status === 'active' && !r.assignment.conflictFlag && r.review?.status !== 'submitted')
        pending.set(r.assignment.expertId, (pending.get(r.assignment.expertId) ?? 0) + 1);
    }
    const today = shanghaiIsoDate(now);
    const since = new Date(`${today}T00:00:00+08:00`);
    const users = await tx
      .select({ id: experts.id, userId: experts.userId })
      .from(experts)
      .where(inArray(experts.id, [...pending.keys(), '00000000-0000-0000-0000-000000000000']));
    const userIds = users.map((u) => u.userId).filter((u): u is string => u !== null);
    const already = new Set(
      userIds.length === 0
        ? []
        : (
            await tx
              .select({ userId: notifications.userId })
              .from(notifications)
              .where(and(eq(notifications.kind, 'review.reminder'), gte(notifications.createdAt, since), inArray(notifications.userId, userIds)))
          ).map((n) => n.userId),
    );
    const due = users.filter((u) => u.userId !== null && !already.has(u.userId));
    const deadline = round.deadline ? `，评审截止日期为${formatChineseDate(round.deadline)}` : '';
    const reminded = await notifyExperts(
      tx,
      ctx.clock,
      due.map((u) => ({
        expertId: u.id,
        kind: 'review.reminder',
        title: '评审提醒',
        body: `您在“${campaign.title}”中还有${String(pending.get(u.id) ?? 0)}个候选职业尚未提交评审${deadline}，请及时完成。`,
        link: '/review/my',
        dedupeKey: `review-reminder:${campaignId}:${u.id}:${today}`,
      })),
    );
    await writeAudit(tx, ctx, { action: 'review.remind', objectType: 'campaign', objectId: campaignId, changes: { reminded } });
    return { reminded };
  });
}
