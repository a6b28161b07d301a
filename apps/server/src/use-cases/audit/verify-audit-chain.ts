import { existsSync } from 'node:fs';
import { asc, eq, gt } from 'drizzle-orm';
import { formatChineseDateTime, systemClock, type Clock } from '@zhengji/domain';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { auditLog, auditSeals } from '../../db/schema/index.ts';
import { GENESIS_HASH, chainHash, chainedFields } from './write-audit.ts';
import { SEAL_LAG_LIMIT_MS, sealAuditLog, sealLagging, unsealedRows, type UnsealedTail } from './seal-audit.ts';
import { checkpointFile, checkpointKey, readCheckpoints, type AuditCheckpoint } from './checkpoint-file.ts';

/**
 * Result of walking the chain: ok, or the first broken link (brokenAtId is the audit row's id). `unsealed`: the rows
 * the chain does not cover yet (written since the last seal, or held back by a transaction still open).
 */
export type ChainVerdict = ({ ok: true; rows: number } | { ok: false; rows: number; brokenAtId: number; reason: string }) & { unsealed: UnsealedTail };

/** What the walk saw of one checkpoint's last row: how many rows up to it, and its hash when it is there. */
interface AnchorSight {
  checkpoint: AuditCheckpoint;
  rowsThrough: number;
  hash: string | null;
}

/** Follows the walk in id order and fills in what it sees of each checkpoint's last row (sorted by last id). */
function anchorTracker(checkpoints: readonly AuditCheckpoint[]) {
  const sights: AnchorSight[] = [...checkpoints].sort((a, b) => a.lastId - b.lastId).map((checkpoint) => ({ checkpoint, rowsThrough: 0, hash: null }));
  let next = 0;
  return {
    sights,
    /** Link number `ordinal` has this position (seal seq) and hash. */
    see(id: number, hash: string, ordinal: number) {
      while (next < sights.length && sights[next]!.checkpoint.lastId <= id) {
        const s = sights[next++]!;
        s.rowsThrough = s.checkpoint.lastId === id ? ordinal : ordinal - 1;
        if (s.checkpoint.lastId === id) s.hash = hash;
      }
    },
    end(rows: number) {
      for (; next < sights.length; next++) sights[next]!.rowsThrough = rows;
    },
  };
}

/**
 * Walks the hash chain in seal order (after sealing on demand, unless told not to) and names the first audit row whose
 * link or hash does not hold: a seal whose row is gone (deleted), a seal whose predecessor is not the previous link
 * (a link deleted or inserted), or a row whose content no longer gives its hash (edited). Then counts the unsealed rows.
 */
export async function verifyAuditChain(db: Db, opts: { seal?: boolean; tracker?: ReturnType<typeof anchorTracker> } = {}): Promise<ChainVerdict> {
  if (opts.seal !== false) await sealAuditLog(db, { wait: true });
  const tracker = opts.tracker;
  let prev = GENESIS_HASH;
  let lastSeq = 0;
  let rows = 0;
  for (;;) {
    const batch = await db
      .select({ seal: auditSeals, row: auditLog })
      .from(auditSeals)
      .leftJoin(auditLog, eq(auditLog.id, auditSeals.auditId))
      .where(gt(auditSeals.seq, lastSeq))
      .orderBy(asc(auditSeals.seq))
      .limit(5000);
    if (!batch.length) {
      tracker?.end(rows);
      return { ok: true, rows, unsealed: await unsealedRows(db) };
    }
    for (const { seal, row } of batch) {
      rows++;
      tracker?.see(seal.seq, seal.hash, rows);
      const broken = (reason: string): ChainVerdict => ({
        ok: false,
        rows,
        brokenAtId: seal.auditId,
        reason,
        unsealed: { count: 0, oldestId: null, oldestAt: null },
      });
      if (seal.prevHash !== prev) return broken('前一条记录的哈希不匹配（记录被删除或插入）');
      if (!row) return broken('记录已被删除（哈希链中有这条记录，审计日志中已没有）');
      if (chainHash(prev, chainedFields(row)) !== seal.hash) return broken('记录内容与哈希不一致（记录被篡改）');
      prev = seal.hash;
      lastSeq = seal.seq;
    }
  }
}

const describeCheckpoint = (c: AuditCheckpoint) => `${formatChineseDateTime(new Date(c.at))} 记下的检查点：共 ${c.count} 条，末条编号 ${c.lastId}`;

/** Compares what the walk saw with a checkpoint; the Chinese sentence naming the gap, or null when the chain still holds it. */
function checkpointGap(sight: AnchorSight): string | null {
  const c = sight.checkpoint;
  if (sight.hash === null) {
    const from = sight.rowsThrough + 1;
    if (from > c.count) return `审计日志中已没有检查点（${describeCheckpoint(c)}）记下的编号 ${c.lastId} 的记录：有记录被删除或插入`;
    const range = from === c.count ? `第 ${c.count} 条` : `第 ${from} 至 ${c.count} 条`;
    return `审计日志在检查点（${describeCheckpoint(c)}）之后缺少${range}记录：末尾的记录已被删除`;
  }
  if (sight.hash !== c.lastHash)
    return `审计日志第 ${sight.rowsThrough} 条（编号 ${c.lastId}）的哈希与检查点（${describeCheckpoint(c)}）不一致：审计日志被改写`;
  if (sight.rowsThrough !== c.count)
    return `审计日志截至编号 ${c.lastId} 共 ${sight.rowsThrough} 条，与检查点（${describeCheckpoint(c)}）不符：有记录被删除或插入`;
  return null;
}

/** The full verification: the chain itself, then every validly signed checkpoint (the latest one failing is named). */
export interface AuditVerification {
  ok: boolean;
  chain: ChainVerdict;
  checkpoint: AuditCheckpoint | null;
  /** Chinese sentences for the operator, problems first. */
  problems: string[];
  notes: string[];
}

/** Verifies the audit log (after sealing on demand, unless `seal: false`): hash chain, unsealed tail, then its rows against the signed checkpoints kept outside the database. */
export async function verifyAudit(ctx: { db: Db; config: Config; clock?: Clock }, opts: { seal?: boolean } = {}): Promise<AuditVerification> {
  const problems: string[] = [];
  const notes: string[] = [];
  const key = checkpointKey(ctx.config, false);
  const reading = key ? await readCheckpoints(ctx.config, key) : null;
  if (!key && existsSync(checkpointFile(ctx.config)))
    problems.push(
      `找到审计检查点文件 ${checkpointFile(ctx.config)}，却找不到签名密钥：检查点无法核对，请恢复密钥（AUDIT_CHECKPOINT_KEY 或 AUDIT_CHECKPOINT_KEY_FILE）`,
    );
  else if (!key && !ctx.config.databaseUrl) notes.push(`尚无审计检查点（${checkpointFile(ctx.config)}），未能核对末尾的记录是否被删除`);
  else if (!key) notes.push('未配置审计检查点密钥（AUDIT_CHECKPOINT_KEY 或 AUDIT_CHECKPOINT_KEY_FILE），未能核对末尾的记录是否被删除');
  else if (reading && !reading.lines) notes.push(`尚无审计检查点（${reading.file}），未能核对末尾的记录是否被删除`);
  if (reading?.invalidLines.length) {
    const shown = reading.invalidLines.slice(0, 10).join('、');
    problems.push(
      `审计检查点文件 ${reading.file} 中有 ${reading.invalidLines.length} 行签名无效（第 ${shown}${reading.invalidLines.length > 10 ? ' 等' : ''} 行）：文件被修改，或密钥不是写入时的密钥；这些行不予采信`,
    );
  }
  const checkpoint = reading?.latest ?? null;
  const tracker = anchorTracker(reading?.valid ?? []);
  const chain = await verifyAuditChain(ctx.db, { tracker, seal: opts.seal });
  if (!chain.ok) problems.unshift(`审计日志哈希链在第 ${chain.brokenAtId} 条记录处断开：${chain.reason}`);
  const tail = chain.unsealed;
  if (tail.count && sealLagging(tail, (ctx.clock ?? systemClock).now())) {
    problems.push(
      `审计日志有 ${tail.count} 条记录超过 ${SEAL_LAG_LIMIT_MS / 1000} 秒仍未封入哈希链（最早的是第 ${tail.oldestId} 条，${formatChineseDateTime(tail.oldestAt!)} 写入）：有事务长时间未结束，或封存被阻止；这些记录在封存前被删改将无法发现`,
    );
  } else if (tail.count) notes.push(`另有 ${tail.count} 条刚写入的记录尚未封入哈希链（其事务刚提交或仍未结束），下次校验时核对`);
  else if (checkpoint) {
    // Every checkpoint still binds: a later one taken after the deletion must not hide it.
    const gap = tracker.sights
      .map(checkpointGap)
      .filter((g) => g !== null)
      .at(-1);
    if (gap) problems.unshift(gap);
    else notes.push(`与最新检查点一致（${describeCheckpoint(checkpoint)}）`);
  }
  return { ok: problems.length === 0, chain, checkpoint, problems, notes };
}
