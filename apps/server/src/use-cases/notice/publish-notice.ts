import { and, eq, sql } from 'drizzle-orm';
import { DomainError, snapshotNotice, transitionCampaign } from '@zhengji/domain';
import { noticeStartRefusal } from '@zhengji/domain/notice/notice.actions.ts';
import type { NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, candidates, notices } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { SHA256, loadCampaign, loadNotice, selectedItems, toDomainItem } from '../../db/queries/notice.ts';
import { getNotice } from './get-notice.ts';
import { requireAccess } from '../../access/require-access.ts';

/** Publishes a draft notice starting today or later: freezes the list of selected candidates with its SHA-256 and moves the campaign to 公示中. */
export async function publishNotice(ctx: UseCaseContext, id: string, version: number): Promise<NoticeView> {
  const actor = await requireAccess(ctx, 'notice.manage', [id]);
  await ctx.db.transaction(async (tx) => {
    const notice = await loadNotice(tx, id);
    if (notice.status !== 'draft') throw new DomainError('INVALID_STATE', '该公示已发布');
    if (notice.version !== version) throw new DomainError('STALE_VERSION', '公示已被他人修改，请刷新后再发布');
    const lateStart = noticeStartRefusal(notice.startDate, ctx.clock.now());
    if (lateStart) throw new DomainError('INVALID_STATE', lateStart);
    const campaign = await loadCampaign(tx, notice.campaignId);
    const [counts] = await tx
      .select({
        undecided: sql<number>`count(*) FILTER (WHERE ${candidates.status} = 'candidate')::int`,
        selected: sql<number>`count(*) FILTER (WHERE ${candidates.status} = 'selected')::int`,
      })
      .from(candidates)
      .where(and(eq(candidates.campaignId, campaign.id), sql`${candidates.mergedIntoId} IS NULL`));
    const next = transitionCampaign(campaign.status, 'startPublicity', {
      now: ctx.clock.now(),
      undecidedCandidates: Number(counts?.undecided ?? 0),
      selectedCandidates: Number(counts?.selected ?? 0),
    });
    const items = await selectedItems(tx, campaign.id);
    const snapshot = await snapshotNotice(
      { title: notice.title, documentNumber: notice.docNo, startDate: notice.startDate, endDate: notice.endDate, items: items.map(toDomainItem) },
      SHA256,
    );
    const now = ctx.clock.now();
    await tx
      .update(notices)
      .set({ status: 'published', items, snapshotHash: snapshot.hash, publishedAt: now, publishedBy: actor.userId, version: notice.version + 1 })
      .where(eq(notices.id, id));
    await tx
      .update(campaigns)
      .set({ status: next, version: campaign.version + 1, updatedAt: now })
      .where(eq(campaigns.id, campaign.id));
    await writeAudit(tx, ctx, {
      action: 'notice.publish',
      objectType: 'notice',
      objectId: id,
      changes: { campaignId: campaign.id, snapshotHash: snapshot.hash, algorithm: snapshot.algorithm, itemCount: items.length, campaignStatus: next },
    });
  });
  return getNotice(ctx, id);
}
