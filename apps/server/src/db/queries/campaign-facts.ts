import { and, count, desc, eq, inArray, isNull, notInArray } from 'drizzle-orm';
import type { CampaignFacts } from '@zhengji/domain/campaign/campaign.workflow.ts';
import type { Db } from '../client.ts';
import { candidates, forms, notices, objections } from '../schema/index.ts';
import { rosterSizeOf, type CampaignRecord } from '../../presenters/campaign-view.ts';

/** Everything the phase guards need, read at request time inside the transition's transaction. */
export async function campaignFacts(db: Db, campaign: CampaignRecord, now: Date): Promise<CampaignFacts> {
  const n = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
  const active = and(eq(candidates.campaignId, campaign.id), isNull(candidates.mergedIntoId));
  const [notice] = await db
    .select({ id: notices.id, endDate: notices.endDate })
    .from(notices)
    .where(and(eq(notices.campaignId, campaign.id), eq(notices.status, 'published')))
    .orderBy(desc(notices.createdAt))
    .limit(1);
  const open = notice
    ? await db
        .select({ receiptNo: objections.receiptNo })
        .from(objections)
        .where(and(eq(objections.noticeId, notice.id), notInArray(objections.status, ['not_accepted', 'concluded'])))
    : [];
  return {
    now,
    deadline: campaign.deadline,
    rosterSize: await rosterSizeOf(db, campaign.id),
    uncheckedForms: await n(
      db
        .select({ n: count() })
        .from(forms)
        .where(and(eq(forms.campaignId, campaign.id), eq(forms.status, 'submitted'))),
    ),
    candidateCount: await n(db.select({ n: count() }).from(candidates).where(active)),
    undecidedCandidates: await n(
      db
        .select({ n: count() })
        .from(candidates)
        .where(and(active, eq(candidates.status, 'candidate'))),
    ),
    selectedCandidates: await n(
      db
        .select({ n: count() })
        .from(candidates)
        .where(and(active, inArray(candidates.status, ['selected']))),
    ),
    noticeEndDate: notice?.endDate ?? null,
    openObjectionReceipts: open.map((o) => o.receiptNo),
  };
}
