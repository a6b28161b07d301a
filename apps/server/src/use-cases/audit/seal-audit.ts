import { and, asc, eq, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog, auditSeals } from '../../db/schema/index.ts';
import { GENESIS_HASH, chainHash, chainedFields } from './write-audit.ts';

/**
 * The audit sealer. Commands append their audit rows unchained, each stamped with its transaction's id (`xid`); the
 * sealer chains them into `audit_seals` (SM3 of the previous hash and the row) in (xid, id) order, and only rows whose
 * transaction ended before the oldest one still running — `pg_snapshot_xmin(pg_current_snapshot())`, the visibility
 * horizon — so every row is sealed once it is visible and none can later appear before it. One sealer at a time
 * (a transaction-scoped advisory lock, on any instance: released at commit, or when a killed sealer's connection
 * ends); a batch is one transaction, so a sealer that dies mid-batch leaves nothing behind, and `audit_seals`' unique
 * `audit_id` forbids sealing a row twice.
 */
export const SEAL_LOCK_KEY = 7312002;
/** Rows per sealing transaction. */
export const SEAL_BATCH = 2000;
/** An unsealed row older than this is reported (verify-audit, /readyz, the periodic sealer's log). */
export const SEAL_LAG_LIMIT_MS = 5_000;

export interface SealOptions {
  /**
   * On demand (before verify, backup, a checkpoint, an export): wait for a sealer holding the lock, and go on until
   * every transaction that committed before the call is sealed, or `timeoutMs` has passed. Without it (the periodic
   * sealer) a sealer already at work elsewhere means there is nothing to do here.
   */
  wait?: boolean;
  timeoutMs?: number;
  batchSize?: number;
}

export interface SealResult {
  sealed: number;
  /** Another sealer held the lock (periodic mode only). */
  busy: boolean;
  /** On demand: everything committed before the call is sealed. */
  complete: boolean;
}

type Rows<T> = { rows: T[] };
/** A list as one PostgreSQL array literal parameter (the same text on both drivers): numbers, or hex hashes. */
const toArray = (items: readonly (number | string)[]): string => `{${items.join(',')}}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Where the chain stands: its last hash, and the (xid, id) of the last sealed row still present (the cursor). */
async function chainState(tx: Db): Promise<{ horizon: string; prev: string; xid: string; id: number }> {
  const result = (await tx.execute(sql`
    SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon,
      (SELECT hash FROM audit_seals ORDER BY seq DESC LIMIT 1) AS prev,
      m.xid::text AS xid, m.id
    FROM (SELECT 1) one
    LEFT JOIN LATERAL (SELECT a.xid, a.id FROM audit_seals s JOIN audit_log a ON a.id = s.audit_id ORDER BY s.seq DESC LIMIT 1) m ON true`)) as unknown as Rows<{
    horizon: string;
    prev: string | null;
    xid: string | null;
    id: number | string | null;
  }>;
  const r = result.rows[0]!;
  return { horizon: r.horizon, prev: r.prev ?? GENESIS_HASH, xid: r.xid ?? '0', id: Number(r.id ?? 0) };
}

/**
 * Seals one batch in the caller's transaction (which holds the lock). `everything`: every row this transaction sees,
 * its own included, whatever the horizon (restore, which commits rows and seals at once). Answers how many rows it
 * sealed and the horizon it sealed up to.
 */
export async function sealBatch(tx: Db, batchSize = SEAL_BATCH, everything = false): Promise<{ sealed: number; horizon: string }> {
  // The horizon is read first: every transaction below it had ended then, so its rows are visible to the next statement.
  const state = await chainState(tx);
  const unsealed = notExists(
    tx
      .select({ one: sql`1` })
      .from(auditSeals)
      .where(eq(auditSeals.auditId, auditLog.id)),
  );
  const where = everything
    ? unsealed
    : and(sql`${auditLog.xid} < ${state.horizon}::xid8`, sql`(${auditLog.xid}, ${auditLog.id}) > (${state.xid}::xid8, ${state.id}::bigint)`, unsealed);
  const rows = await tx.select().from(auditLog).where(where).orderBy(asc(auditLog.xid), asc(auditLog.id)).limit(batchSize);
  if (!rows.length) return { sealed: 0, horizon: state.horizon };
  let prev = state.prev;
  const seals = rows.map((r) => {
    const hash = chainHash(prev, chainedFields(r));
    const seal = { auditId: r.id, prevHash: prev, hash };
    prev = hash;
    return seal;
  });
  // One statement whatever the batch size: three array parameters, unnested in list order (seq follows that order).
  const inserted = (await tx.execute(sql`
    INSERT INTO audit_seals (audit_id, prev_hash, hash)
    SELECT s.audit_id, s.prev_hash, s.hash
    FROM unnest(${toArray(seals.map((x) => x.auditId))}::bigint[], ${toArray(seals.map((x) => x.prevHash))}::text[], ${toArray(seals.map((x) => x.hash))}::text[])
      WITH ORDINALITY AS s(audit_id, prev_hash, hash, n)
    ORDER BY s.n
    RETURNING seq, audit_id`)) as unknown as Rows<{ seq: number | string; audit_id: number | string }>;
  const written = inserted.rows.map((r) => ({ seq: Number(r.seq), auditId: Number(r.audit_id) }));
  // The chain order is seq order: the sequence must have numbered the rows as listed (it does; a check costs nothing).
  for (let i = 0; i < written.length; i++) {
    if (written[i]!.auditId !== seals[i]!.auditId || (i > 0 && written[i]!.seq <= written[i - 1]!.seq)) throw new Error('audit seal numbering out of order');
  }
  return { sealed: rows.length, horizon: state.horizon };
}

/** Seals what is visible (see SealOptions). Call outside any transaction. */
export async function sealAuditLog(db: Db, opts: SealOptions = {}): Promise<SealResult> {
  const batchSize = opts.batchSize ?? SEAL_BATCH;
  // Every transaction that committed before this call has an id below this.
  const target = opts.wait
    ? BigInt(((await db.execute(sql`SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`)) as unknown as Rows<{ x: string }>).rows[0]!.x)
    : null;
  const deadline = Date.now() + (opts.timeoutMs ?? 15_000);
  let sealed = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      if (opts.wait) await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
      else {
        const got = (await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${SEAL_LOCK_KEY}) AS got`)) as unknown as Rows<{ got: boolean }>;
        if (!got.rows[0]!.got) return null;
      }
      return sealBatch(tx, batchSize);
    });
    if (!batch) return { sealed, busy: true, complete: false };
    sealed += batch.sealed;
    if (batch.sealed >= batchSize) continue;
    if (target === null) return { sealed, busy: false, complete: false };
    if (BigInt(batch.horizon) >= target) return { sealed, busy: false, complete: true };
    // A transaction that began before the call is still open: its rows (if it commits) come before what follows.
    if (Date.now() >= deadline) return { sealed, busy: false, complete: false };
    await sleep(10);
  }
}

/** The rows not sealed yet: how many, and the oldest one (by its time). */
export interface UnsealedTail {
  count: number;
  oldestId: number | null;
  oldestAt: Date | null;
}

/** Every unsealed row, found by a full scan (verify-audit walks the whole log anyway). */
export async function unsealedRows(db: Db): Promise<UnsealedTail> {
  const result = (await db.execute(sql`
    SELECT count(*)::int AS n, (array_agg(a.id ORDER BY a.at, a.id))[1] AS id, min(a.at) AS at
    FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id)`)) as unknown as Rows<{
    n: number;
    id: number | string | null;
    at: Date | string | null;
  }>;
  const r = result.rows[0]!;
  return { count: Number(r.n), oldestId: r.id === null ? null : Number(r.id), oldestAt: r.at === null ? null : new Date(r.at) };
}

/** The unsealed rows after the chain's cursor (cheap: an index range, for /readyz and the periodic sealer). */
export async function unsealedTail(db: Db): Promise<UnsealedTail> {
  // The cursor is passed as values (not a subquery) so that the planner sees how narrow the range is.
  const state = await chainState(db);
  const result = (await db.execute(sql`
    SELECT count(*)::int AS n, (array_agg(a.id ORDER BY a.at, a.id))[1] AS id, min(a.at) AS at
    FROM audit_log a
    WHERE (a.xid, a.id) > (${state.xid}::xid8, ${state.id}::bigint) AND NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id)`)) as unknown as Rows<{
    n: number;
    id: number | string | null;
    at: Date | string | null;
  }>;
  const r = result.rows[0]!;
  return { count: Number(r.n), oldestId: r.id === null ? null : Number(r.id), oldestAt: r.at === null ? null : new Date(r.at) };
}

/** Whether an unsealed tail is old enough to report, measured on the clock that stamps the rows. */
export function sealLagging(tail: UnsealedTail, now: Date): boolean {
  return tail.oldestAt !== null && now.getTime() - tail.oldestAt.getTime() > SEAL_LAG_LIMIT_MS;
}
