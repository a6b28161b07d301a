import { asc, eq, inArray } from 'drizzle-orm';
import type { PoolView } from '@zhengji/domain/pool/pool-view.schemas.ts';
import type { CampaignStatus } from '@zhengji/domain/campaign/campaign.workflow.ts';
import { poolActions } from '@zhengji/domain/pool/pool.actions.ts';
import { candidateUnits, candidates, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { campaignForPool } from './pool-access.ts';

/** The candidate pool of a campaign (the center). */
export async function listPool(ctx: UseCaseContext, campaignId: string): Promise<PoolView> {
  const campaign = await campaignForPool(ctx, ctx.db, campaignId, false);
  const rows = await ctx.db
    .select()
    .from(candidates)
    .where(eq(candidates.campaignId, campaignId))
    .orderBy(asc(candidates.occupationCode), asc(candidates.jobTypeName));
  const ids = rows.map((r) => r.id);
  const cu =
    ids.length > 0
      ? await ctx.db
          .select({ candidateId: candidateUnits.candidateId, unitId: candidateUnits.unitId, unitName: units.name, priority: candidateUnits.priority })
          .from(candidateUnits)
          .innerJoin(units, eq(units.id, candidateUnits.unitId))
          .where(inArray(candidateUnits.candidateId, ids))
          .orderBy(asc(candidateUnits.priority))
      : [];
  const unitsOf = new Map<string, { unitId: string; unitName: string; priority: number }[]>();
  for (const u of cu) unitsOf.set(u.candidateId, [...(unitsOf.get(u.candidateId) ?? []), { unitId: u.unitId, unitName: u.unitName, priority: u.priority }]);
  const view = rows.map((r) => ({ ...r, units: unitsOf.get(r.id) ?? [] }));
  const active = view.filter((c) => !c.mergedIntoId);
  return {
    candidates: active,
    merged: view.filter((c) => c.mergedIntoId),
    openOverlaps: [...new Set(active.filter((c) => c.overlapFlag && !c.overlapResolved).map((c) => c.occupationCode))],
    actions: poolActions(ctx.actor, campaign.status as CampaignStatus),
  };
}
