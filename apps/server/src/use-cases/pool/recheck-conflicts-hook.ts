import type { Db } from '../../db/client.ts';
import { recheckConflicts } from '../review/recheck-conflicts.ts';

/**
 * After a refresh, merge or split changed the recommending units of candidates, the expert-review engineer's
 * conflict (回避) re-check runs for each of them inside the same transaction.
 */
export async function recheckConflictsIfAvailable(tx: Db, candidateIds: readonly string[]): Promise<void> {
  for (const id of candidateIds) await recheckConflicts(tx, id);
}
