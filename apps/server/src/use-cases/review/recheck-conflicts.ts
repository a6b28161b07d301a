import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { assignments, candidateUnits, experts } from '../../db/schema/index.ts';

/**
 * Re-checks 回避 for the active assignments of a candidate after its recommending units changed (e.g. a pool merge):
 * an assignment whose expert's unit now recommends the candidate is flagged (it must be removed or reassigned before
 * the decision); a flag that no longer applies is cleared. Call inside the caller's transaction. Returns the ids of
 * the assignments flagged now.
 */
export async function recheckConflicts(tx: Db, candidateId: string): Promise<string[]> {
  const unitIds = new Set(
    (await tx.select({ unitId: candidateUnits.unitId }).from(candidateUnits).where(eq(candidateUnits.candidateId, candidateId))).map((r) => r.unitId),
  );
  const rows = await tx
    .select({ id: assignments.id, flag: assignments.conflictFlag, unitId: experts.unitId })
    .from(assignments)
    .innerJoin(experts, eq(experts.id, assignments.expertId))
    .where(and(eq(assignments.candidateId, candidateId), eq(assignments.status, 'active')));
  const flagged = rows.filter((r) => r.unitId !== null && unitIds.has(r.unitId)).map((r) => r.id);
  const cleared = rows.filter((r) => r.flag && !flagged.includes(r.id)).map((r) => r.id);
  if (flagged.length > 0) await tx.update(assignments).set({ conflictFlag: true }).where(inArray(assignments.id, flagged));
  if (cleared.length > 0) await tx.update(assignments).set({ conflictFlag: false }).where(inArray(assignments.id, cleared));
  return flagged;
}

/** Re-checks every candidate an expert is actively assigned to (after the expert's unit changed); answers the expert's flagged assignments. */
export async function recheckExpertConflicts(tx: Db, expertId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: assignments.id, candidateId: assignments.candidateId })
    .from(assignments)
    .where(and(eq(assignments.expertId, expertId), eq(assignments.status, 'active')));
  const own = new Set(rows.map((r) => r.id));
  const flagged: string[] = [];
  for (const candidateId of new Set(rows.map((r) => r.candidateId))) flagged.push(...(await recheckConflicts(tx, candidateId)).filter((id) => own.has(id)));
  return flagged;
}
