import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, buildFinalList, canonicalJson, openObjectionReceipts, transitionCampaign, withdrawnItemIds } from '@zhengji/domain';
import type { FinalListView } from '@zhengji/domain/notice/notice.schemas.ts';
import { campaigns, finalLists, notices, objections } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeNotice, loadCampaign, toDomainItem } from '../../db/queries/notice.ts';
import { getFinalList } from './get-final-list.ts';
import { notifyCandidateOutcomes } from '../notification/notify-outcomes.ts';

/** Publishes the final list once the notice period has ended and every objection is closed; the campaign becomes 已发布. */
export async function publishFinalList(ctx: UseCaseContext, campaignId: string): Promise<FinalListView> {
  const actor = authorizeNotice(ctx, 'finalList.publish');
  await ctx.db.transaction(async (tx) => {
    const campaign = await loadCampaign(tx, campaignId);
    const [notice] = await tx.select().from(notices).where(eq(notices.campaignId, campaignId));
    if (!notice || notice.status !== 'published') throw new DomainError('INVALID_STATE', '请先发布公示');
    const objs = await tx.select().from(objections).where(eq(objections.noticeId, notice.id));
    const next = transitionCampaign(campaign.status, 'publish', {
      now: ctx.clock.now(),
      noticeEndDate: notice.endDate,
      openObjectionReceipts: openObjectionReceipts(objs),
    });
    const withdrawn = withdrawnItemIds(objs.map((o) => ({ itemId: o.candidateId, status: o.status, effect: o.effect })));
    const final = buildFinalList(notice.items.map(toDomainItem), withdrawn);
    const byId = new Map(notice.items.map((i) => [i.candidateId, i]));
    const items = final.items.map((i) => ({ ...byId.get(i.itemId)!, seq: i.seq, noticeSeq: i.noticeSeq }));
    const removed = final.withdrawn.map((i) => {
      const receipts = objs.filter((o) => o.candidateId === i.itemId && o.effect === 'withdrawn').map((o) => o.receiptNo);
      return { ...byId.get(i.itemId)!, reason: `异议成立，撤销（受理编号：${receipts.join('、')}）` };
    });
    const hash = createHash('sha256')
      .update(canonicalJson({ campaignId, noticeHash: notice.snapshotHash, items, removed }, { nfc: true }))
      .digest('hex');
    const now = ctx.clock.now();
    await tx.insert(finalLists).values({ campaignId, noticeId: notice.id, items, removed, hash, publishedAt: now, publishedBy: actor.userId });
    await tx
      .update(campaigns)
      .set({ status: next, version: campaign.version + 1, updatedAt: now })
      .where(eq(campaigns.id, campaignId));
    const label = (i: { occupationCode: string; occupationName: string; jobTypeName: string }) =>
      `${i.occupationName}${i.jobTypeName ? `（${i.jobTypeName}）` : ''} ${i.occupationCode}`;
    await notifyCandidateOutcomes(
      tx,
      campaign,
      '最终名单已发布',
      [
        ...items.map((i) => ({ candidateId: i.candidateId, label: label(i), outcome: '列入最终名单' })),
        ...removed.map((i) => ({ candidateId: i.candidateId, label: label(i), outcome: `撤销（${i.reason}）` })),
      ],
      now,
    );
    await writeAudit(tx, ctx, {
      action: 'finalList.publish',
      objectType: 'campaign',
      objectId: campaignId,
      changes: {
        hash,
        itemCount: items.length,
        removed: removed.map((r) => ({ seq: r.seq, occupationCode: r.occupationCode, jobTypeName: r.jobTypeName, reason: r.reason })),
      },
    });
  });
  return getFinalList(ctx, campaignId);
}
