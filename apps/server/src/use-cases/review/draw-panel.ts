import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { DomainError, mulberry32, panelDrawRefusal, seededShuffle } from '@zhengji/domain';
import { PanelDrawInputSchema } from '@zhengji/domain/review/review.panel.ts';
import { reviewRounds } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { writeAudit } from '../audit/write-audit.ts';
import { authorizeReview, ensureRound, loadReviewCampaign } from '../../db/queries/review-round.ts';
import { loadPanel, upsertPanelRow } from '../../db/queries/review-panel.ts';

/**
 * Draws the panel at random (随机抽取) from the available experts, ordered by id, with a seeded PRNG: the seed is
 * recorded in the round and the audit log, so the same seed over the same pool gives the same panel.
 */
export async function drawPanel(ctx: UseCaseContext, campaignId: string, input: unknown): Promise<{ seed: number; drawn: string[] }> {
  authorizeReview(ctx.actor, 'assign');
  const data = PanelDrawInputSchema.parse(input);
  await loadReviewCampaign(ctx.db, campaignId, true);
  const seed = data.seed ?? randomInt(0, 0xffffffff);
  return ctx.db.transaction(async (tx) => {
    await ensureRound(tx, campaignId);
    const available = (await loadPanel(tx, campaignId)).filter((e) => e.available && e.cap > 0);
    const refusal = panelDrawRefusal(available.length, data.panelSize);
    if (refusal) throw new DomainError('VALIDATION', refusal);
    const drawn = seededShuffle(available, mulberry32(seed))
      .slice(0, data.panelSize)
      .map((e) => e.id);
    const set = new Set(drawn);
    for (const e of available) await upsertPanelRow(tx, campaignId, e.id, { drawn: set.has(e.id) });
    await tx
      .update(reviewRounds)
      .set({ drawSeed: String(seed) })
      .where(eq(reviewRounds.campaignId, campaignId));
    await writeAudit(tx, ctx, {
      action: 'review.draw',
      objectType: 'campaign',
      objectId: campaignId,
      changes: { seed, panelSize: data.panelSize, pool: available.map((e) => e.id), drawn },
    });
    return { seed, drawn };
  });
}
