import { and, eq, isNull, sql } from 'drizzle-orm';
import { isObjectionClosed, openObjectionReceipts, type CampaignStatus } from '@zhengji/domain';
import { noticeActions } from '@zhengji/domain/notice/notice.actions.ts';
import type { NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, candidates, objections } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { loadNotice, selectedItems } from '../../db/queries/notice.ts';
import { noticeViewAbilities } from '@zhengji/domain/notice/notice.policy.ts';
import { requireAccess } from '../../access/require-access.ts';

/** A notice for the center: a draft shows the live list of selected candidates, a published one its frozen snapshot. */
export async function getNotice(ctx: UseCaseContext, id: string): Promise<NoticeView> {
  await requireAccess(ctx, 'notice.manage', [id]);
  const notice = await loadNotice(ctx.db, id);
  const [campaign] = await ctx.db.select({ title: campaigns.title, status: campaigns.status }).from(campaigns).where(eq(campaigns.id, notice.campaignId));
  const items = notice.status === 'draft' ? await selectedItems(ctx.db, notice.campaignId) : notice.items;
  const objs = await ctx.db.select({ status: objections.status, receiptNo: objections.receiptNo }).from(objections).where(eq(objections.noticeId, id));
  // Only a draft's 发布公示 depends on the decisions; a published notice's final list does not.
  const [decisions] =
    notice.status === 'draft'
      ? await ctx.db
          .select({
            undecided: sql<number>`count(*) FILTER (WHERE ${candidates.status} = 'candidate')::int`,
            selected: sql<number>`count(*) FILTER (WHERE ${candidates.status} = 'selected')::int`,
          })
          .from(candidates)
          .where(and(eq(candidates.campaignId, notice.campaignId), isNull(candidates.mergedIntoId)))
      : [];
  return {
    id: notice.id,
    campaignId: notice.campaignId,
    campaignTitle: campaign?.title ?? '',
    title: notice.title,
    body: notice.body,
    docNo: notice.docNo,
    startDate: notice.startDate,
    endDate: notice.endDate,
    dayOverrides: notice.dayOverrides,
    status: notice.status,
    items,
    snapshotHash: notice.snapshotHash,
    publishedAt: notice.publishedAt?.toISOString() ?? null,
    version: notice.version,
    objectionCounts: { total: objs.length, open: objs.filter((o) => !isObjectionClosed(o.status)).length },
    abilities: noticeViewAbilities(ctx.actor, { noticeStatus: notice.status, campaignStatus: campaign?.status ?? null }),
    actions: noticeActions(ctx.actor, {
      now: ctx.clock.now(),
      noticeStatus: notice.status,
      campaignStatus: (campaign?.status ?? 'archived') as CampaignStatus,
      startDate: notice.startDate,
      endDate: notice.endDate,
      undecidedCandidates: Number(decisions?.undecided ?? 0),
      selectedCandidates: Number(decisions?.selected ?? 0),
      openObjectionReceipts: openObjectionReceipts(objs),
    }),
  };
}
