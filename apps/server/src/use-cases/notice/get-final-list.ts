import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import type { FinalListView } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, finalLists } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

/** The published final list of a campaign, public: items, the difference from the notice, its hash. */
export async function getFinalList(ctx: UseCaseContext, campaignId: string): Promise<FinalListView> {
  const [row] = await ctx.db
    .select({ f: finalLists, title: campaigns.title })
    .from(finalLists)
    .innerJoin(campaigns, eq(campaigns.id, finalLists.campaignId))
    .where(eq(finalLists.campaignId, campaignId));
  if (!row) throw new DomainError('NOT_FOUND', '该征集活动的最终名单尚未发布');
  const items = row.f.items as FinalListView['items'][number][];
  return {
    campaignId,
    campaignTitle: row.title,
    noticeId: row.f.noticeId,
    items,
    removed: row.f.removed,
    hash: row.f.hash,
    publishedAt: row.f.publishedAt.toISOString(),
  };
}
