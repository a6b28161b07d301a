import { desc, eq, ne } from 'drizzle-orm';
import { campaigns, finalLists, notices } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

/** One campaign on the public index, with its published notice and final list when they exist. */
export interface PublicIndexEntry {
  id: string;
  title: string;
  docNo: string;
  deadline: string;
  status: string;
  notice: { id: string; title: string; startDate: string; endDate: string } | null;
  finalPublishedAt: Date | null;
}

/** The public index: every campaign past draft, newest first. */
export async function listPublicSite(ctx: UseCaseContext): Promise<PublicIndexEntry[]> {
  const rows = await ctx.db
    .select({ c: campaigns, n: notices, f: { publishedAt: finalLists.publishedAt } })
    .from(campaigns)
    .leftJoin(notices, eq(notices.campaignId, campaigns.id))
    .leftJoin(finalLists, eq(finalLists.campaignId, campaigns.id))
    .where(ne(campaigns.status, 'draft'))
    .orderBy(desc(campaigns.year), desc(campaigns.createdAt));
  return rows.map(({ c, n, f }) => ({
    id: c.id,
    title: c.title,
    docNo: c.docNo,
    deadline: c.deadline,
    status: c.status,
    notice: n && n.status === 'published' ? { id: n.id, title: n.title, startDate: n.startDate, endDate: n.endDate } : null,
    finalPublishedAt: f?.publishedAt ?? null,
  }));
}
