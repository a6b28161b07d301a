import { asc, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import { GENESIS_HASH, chainHash } from './write-audit.ts';

/** Result of walking the chain: ok, or the first broken link. */
export type ChainVerdict = { ok: true; rows: number } | { ok: false; rows: number; brokenAtId: number; reason: string };

/** Walks the audit chain in id order and names the first row whose link or hash does not hold. */
export async function verifyAuditChain(db: Db): Promise<ChainVerdict> {
  let prev = GENESIS_HASH;
  let lastId = 0;
  let rows = 0;
  for (;;) {
    const batch = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(5000);
    if (!batch.length) return { ok: true, rows };
    for (const r of batch) {
      rows++;
      if (r.prevHash !== prev) return { ok: false, rows, brokenAtId: r.id, reason: '前一条记录的哈希不匹配（记录被删除或插入）' };
      const { id: _id, prevHash: _p, hash, ...fields } = r;
      if (chainHash(prev, fields) !== hash) return { ok: false, rows, brokenAtId: r.id, reason: '记录内容与哈希不一致（记录被篡改）' };
      prev = hash;
      lastId = r.id;
    }
  }
}
