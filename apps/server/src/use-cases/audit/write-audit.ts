import { createHash } from 'node:crypto';
import { desc, sql } from 'drizzle-orm';
import { canonicalJson, redactChanges, type AuditEvent } from '@zhengji/domain';
import type { Db } from '../../db/client.ts';
import { auditLog } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';

/** The hash of the first link's predecessor. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that the chain covers. */
export interface ChainedFields {
  at: Date;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  realActorUsername: string | null;
  onBehalfOfUnitId: string | null;
  ip: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: string;
  changes: unknown;
}

/** SM3 of the previous hash and the canonical form of the row. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  return createHash('sm3').update(prevHash).update('\n').update(canonicalJson(row)).digest('hex');
}

/** Appends one audit row, chained to the last one. Call inside the command's transaction. */
export async function writeAudit(tx: Db, ctx: Pick<UseCaseContext, 'actor' | 'clock' | 'ip'>, event: AuditEvent): Promise<void> {
  // One writer at a time extends the chain; the lock is released at commit.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7312001)`);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const actor = ctx.actor;
  const row: ChainedFields = {
    at: ctx.clock.now(),
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorUsername: actor.kind === 'user' ? actor.username : null,
    actorRole: actor.kind === 'user' ? actor.role : 'public',
    realActorUsername: null,
    onBehalfOfUnitId: actor.kind === 'user' ? (actor.onBehalfOfUnitId ?? null) : null,
    ip: ctx.ip,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId ?? null,
    result: event.result ?? 'ok',
    changes: redactChanges(event.changes ?? null),
  };
  await tx.insert(auditLog).values({ ...row, changes: row.changes as object | null, prevHash, hash: chainHash(prevHash, row) });
}

/** Records a refused or failed command in its own transaction (the command's own one was rolled back). */
export async function writeAuditOutside(db: Db, ctx: Pick<UseCaseContext, 'actor' | 'clock' | 'ip'>, event: AuditEvent): Promise<void> {
  await db.transaction(async (tx) => writeAudit(tx, ctx, event));
}
