import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { storedFiles } from '../db/schema/index.ts';

/** How long a pending file (written, not yet attached by its command) is kept before it is swept. */
export const PENDING_FILE_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Inside the caller's transaction: deletes a stored file (its chunks follow) unless something still refers to it — a
 * form's current scan, a submitted version's scan, an objection's evidence. Answers whether it was deleted.
 */
export async function discardFileIfUnreferenced(tx: Db, fileId: string | null | undefined): Promise<boolean> {
  if (!fileId) return false;
  // In a savepoint: a reference this list does not know of (a table added later) makes the delete fail on its foreign
  // key, and then the file is simply kept instead of aborting the caller's transaction.
  return tx
    .transaction(async (sp) => {
      const deleted = await sp
        .delete(storedFiles)
        .where(
          and(
            eq(storedFiles.id, fileId),
            sql`NOT EXISTS (SELECT 1 FROM forms WHERE scan_file_id = ${fileId})`,
            sql`NOT EXISTS (SELECT 1 FROM form_versions WHERE scan_file_id = ${fileId})`,
            sql`NOT EXISTS (SELECT 1 FROM objection_files WHERE file_id = ${fileId})`,
          ),
        )
        .returning({ id: storedFiles.id });
      return deleted.length > 0;
    })
    .catch((e: unknown) => {
      if (foreignKeyViolation(e)) return false;
      throw e;
    });
}

function foreignKeyViolation(e: unknown): boolean {
  for (let x: unknown = e; x && typeof x === 'object'; x = (x as { cause?: unknown }).cause) {
    if ((x as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

/** Deletes pending files older than a day (their command failed or never came); answers how many. */
export async function sweepPendingFiles(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(storedFiles)
    .where(and(eq(storedFiles.pending, true), lt(storedFiles.createdAt, new Date(now.getTime() - PENDING_FILE_TTL_MS))))
    .returning({ id: storedFiles.id });
  return gone.length;
}
