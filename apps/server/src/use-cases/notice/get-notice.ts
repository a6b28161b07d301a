import { eq } from 'drizzle-orm';
import { isObjectionClosed } from '@zhengji/domain';
import type { NoticeView } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, objections } from '../../db/schema/index.ts';
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
  const objs = await ctx.db.select({ status: objections.status }).from(objections).where(eq(objections.noticeId, id));
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
  };
}
