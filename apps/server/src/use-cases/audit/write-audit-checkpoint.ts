import { sql } from 'drizzle-orm';
import type { Clock } from '@zhengji/domain';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { sealAuditLog } from './seal-audit.ts';
import { appendCheckpoint, checkpointKey, lastCheckpointLine, type AuditCheckpoint } from './checkpoint-file.ts';

/** What writing a checkpoint did. */
export type CheckpointResult =
  | { status: 'written'; checkpoint: AuditCheckpoint; /** The previous checkpoint, when the log now holds less than it did. */ shrunkSince?: AuditCheckpoint }
  | { status: 'unchanged'; checkpoint: AuditCheckpoint }
  | { status: 'empty' }
  | { status: 'no-key' };

/**
 * The head of the chain (links, last seal's seq and hash), read in one statement so that the three agree. The
 * checkpoint's `lastId` is the last link's position (seal seq; equal to the audit row's id for rows chained before the
 * sealer existed, so older checkpoint lines still match).
 */
export async function auditChainHead(db: Db): Promise<{ count: number; lastId: number; lastHash: string } | null> {
  const result = (await db.execute(
    sql`SELECT seq, hash, (SELECT count(*) FROM audit_seals)::int AS count FROM audit_seals ORDER BY seq DESC LIMIT 1`,
  )) as unknown as { rows: { seq: number | string; hash: string; count: number }[] };
  const row = result.rows[0];
  return row ? { count: Number(row.count), lastId: Number(row.seq), lastHash: row.hash } : null;
}

/**
 * Anchors the head of the audit chain outside the database: appends a checkpoint signed with a key the database does
 * not hold to AUDIT_CHECKPOINT_DIR, unless the file's last one already names this head. Deleting the newest rows later
 * (as the owner, trigger disabled) is then caught by `verify-audit`. Run by the periodic task and the CLI.
 */
export async function writeAuditCheckpoint(ctx: { db: Db; config: Config; clock: Clock }): Promise<CheckpointResult> {
  const key = checkpointKey(ctx.config, true);
  if (!key) return { status: 'no-key' };
  // Anchor what has committed so far, not only what the periodic sealer had reached.
  await sealAuditLog(ctx.db, { wait: true });
  const head = await auditChainHead(ctx.db);
  if (!head) return { status: 'empty' };
  const last = await lastCheckpointLine(ctx.config, key);
  if (last && last.lastId === head.lastId && last.count === head.count && last.lastHash === head.lastHash) return { status: 'unchanged', checkpoint: last };
  const checkpoint: AuditCheckpoint = { ...head, at: ctx.clock.now().toISOString() };
  await appendCheckpoint(ctx.config, key, checkpoint);
  // The earlier checkpoint stays in the file and still binds verify-audit; this only raises the alarm early.
  const shrunk = last && (head.lastId < last.lastId || head.count < last.count);
  return shrunk ? { status: 'written', checkpoint, shrunkSince: last } : { status: 'written', checkpoint };
}
