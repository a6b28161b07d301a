import { eq } from 'drizzle-orm';
import { DomainError } from '@zhengji/domain';
import { campaigns, notices, type NoticeItem } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

/** A published notice as the public sees it: immutable, so callers may cache it by id. */
export interface PublicNotice {
  id: string;
  campaignId: string;
  campaignTitle: string;
  title: string;
  body: string;
  docNo: string;
  startDate: string;
  endDate: string;
  items: NoticeItem[];
  snapshotHash: string;
  publishedAt: Date;
  /** The campaign's contact mailbox, printed as a further objection channel. */
  contactEmail: string | null;
}

/** A published notice (no personal data in it); a draft or unknown id is NOT_FOUND. */
export async function getPublicNotice(ctx: UseCaseContext, id: string): Promise<PublicNotice> {
  const [row] = await ctx.db
    .select({ n: notices, campaignTitle: campaigns.title, contactEmail: campaigns.contactEmail })
    .from(notices)
    .innerJoin(campaigns, eq(campaigns.id, notices.campaignId))
    .where(eq(notices.id, id));
  if (!row || row.n.status !== 'published' || !row.n.snapshotHash || !row.n.publishedAt) throw new DomainError('NOT_FOUND', '该公示不存在或尚未发布');
  const n = row.n;
  return {
    id: n.id,
    campaignId: n.campaignId,
    campaignTitle: row.campaignTitle,
    title: n.title,
    body: n.body,
    docNo: n.docNo,
    startDate: n.startDate,
    endDate: n.endDate,
    items: n.items,
    snapshotHash: n.snapshotHash!,
    publishedAt: n.publishedAt!,
    contactEmail: row.contactEmail,
  };
}
