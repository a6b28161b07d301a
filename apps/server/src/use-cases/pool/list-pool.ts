import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { candidateUnits, candidates, units } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { campaignForPool } from './pool-access.ts';

/** A candidate of the pool as the center sees it. */
export const PoolCandidateViewSchema = z.object({
  id: z.string(),
  occupationCode: z.string(),
  occupationName: z.string(),
  jobTypeName: z.string(),
  standardName: z.string(),
  standardVersion: z.string(),
  industries: z.array(z.string()),
  inShortageCatalog: z.boolean(),
  expectedAssessments: z.number(),
  reasons: z.array(z.string()),
  units: z.array(z.object({ unitId: z.string(), unitName: z.string(), priority: z.number() })),
  sources: z.array(z.object({ formId: z.string(), versionNumber: z.number(), rowIndex: z.number(), unitName: z.string(), priority: z.number(), occupationCode: z.string(), jobTypeName: z.string(), expectedAssessments: z.number(), reason: z.string() })),
  overlapFlag: z.boolean(),
  overlapResolved: z.boolean(),
  mergedIntoId: z.string().nullable(),
  status: z.string(),
});
/** The pool: active candidates, merged (read-only) ones and the open overlaps by occupation code. */
export const PoolSchema = z.object({ candidates: z.array(PoolCandidateViewSchema), merged: z.array(PoolCandidateViewSchema), openOverlaps: z.array(z.string()) });
/** The pool as shown. */
export type PoolView = z.infer<typeof PoolSchema>;

/** The candidate pool of a campaign (the center). */
export async function listPool(ctx: UseCaseContext, campaignId: string): Promise<PoolView> {
  await campaignForPool(ctx, ctx.db, campaignId, false);
  const rows = await ctx.db.select().from(candidates).where(eq(candidates.campaignId, campaignId)).orderBy(asc(candidates.occupationCode), asc(candidates.jobTypeName));
  const ids = rows.map((r) => r.id);
  const cu = ids.length > 0
    ? await ctx.db.select({ candidateId: candidateUnits.candidateId, unitId: candidateUnits.unitId, unitName: units.name, priority: candidateUnits.priority }).from(candidateUnits).innerJoin(units, eq(units.id, candidateUnits.unitId)).where(inArray(candidateUnits.candidateId, ids)).orderBy(asc(candidateUnits.priority))
    : [];
  const unitsOf = new Map<string, { unitId: string; unitName: string; priority: number }[]>();
  for (const u of cu) unitsOf.set(u.candidateId, [...(unitsOf.get(u.candidateId) ?? []), { unitId: u.unitId, unitName: u.unitName, priority: u.priority }]);
  const view = rows.map((r) => ({ ...r, units: unitsOf.get(r.id) ?? [] }));
  const active = view.filter((c) => !c.mergedIntoId);
  return {
    candidates: active,
    merged: view.filter((c) => c.mergedIntoId),
    openOverlaps: [...new Set(active.filter((c) => c.overlapFlag && !c.overlapResolved).map((c) => c.occupationCode))],
  };
}
