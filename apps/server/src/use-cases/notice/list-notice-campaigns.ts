import { and, eq, inArray, sql } from 'drizzle-orm';
import type { NoticeCampaign } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, candidates, finalLists, notices } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizeNotice } from '../../db/queries/notice.ts';

/** The campaigns that reached the notice step (reviewing and later), with their notice and final list state. */
export async function listNoticeCampaigns(ctx: UseCaseContext): Promise<NoticeCampaign[]> {
  authorizeNotice(ctx, 'notice.manage');
  const rows = await ctx.db
    .select({
      id: campaigns.id,
      title: campaigns.title,
      docNo: campaigns.docNo,
      status: campaigns.status,
      selectedCount: sql<number>`(SELECT count(*)::int FROM ${candidates} WHERE ${candidates.campaignId} = ${campaigns.id} AND ${candidates.status} IN ('selected', 'withdrawn'))`,
      noticeId: notices.id,
      noticeStatus: notices.status,
      finalId: finalLists.id,
    })
    .from(campaigns)
    .leftJoin(notices, eq(notices.campaignId, campaigns.id))
    .leftJoin(finalLists, and(eq(finalLists.campaignId, campaigns.id)))
    .where(inArray(campaigns.status, ['reviewing', 'publicizing', 'published', 'archived']))
    .orderBy(sql`${campaigns.year} DESC, ${campaigns.createdAt} DESC`);
  return rows.map(({ finalId, ...r }) => ({ ...r, selectedCount: Number(r.selectedCount), finalPublished: finalId !== null }));
}
