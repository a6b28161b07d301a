import type { Db } from '../../db/client.ts';

type Recheck = (tx: Db, candidateId: string) => Promise<unknown>;
let cached: Recheck | null | undefined;

/**
 * HOOK for the expert-review engineer: after a merge or split changes a candidate's recommending units, the
 * conflict (回避) check of its assignments must run again. It calls `recheckConflicts(tx, candidateId)` from
 * use-cases/review/recheck-conflicts.ts when that file exists, and does nothing until it does.
 */
export async function recheckConflictsIfAvailable(tx: Db, candidateIds: readonly string[]): Promise<void> {
  if (candidateIds.length === 0) return;
  if (cached === undefined) {
    const path = '../review/recheck-conflicts.ts';
    try {
      const mod = (await import(/* @vite-ignore */ path)) as { recheckConflicts?: Recheck };
      cached = mod.recheckConflicts ?? null;
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
      cached = null;
    }
  }
  if (!cached) return;
  for (const id of candidateIds) await cached(tx, id);
}
