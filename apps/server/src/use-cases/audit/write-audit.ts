import { createHash } from 'node:crypto';
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

/** The chained fields of a stored audit row (whatever other columns the table has: id and xid are not chained). */
export function chainedFields(r: typeof auditLog.$inferSelect): ChainedFields {
  return {
    at: r.at,
    actorUserId: r.actorUserId,
    actorUsername: r.actorUsername,
    actorRole: r.actorRole,
    realActorUsername: r.realActorUsername,
    onBehalfOfUnitId: r.onBehalfOfUnitId,
    ip: r.ip,
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    result: r.result,
    changes: r.changes,
  };
}

/**
 * Appends one audit row. Call inside the command's transaction: the row commits or vanishes with the command. It is
 * written unchained (no lock, no read of the chain's head), stamped with the transaction's id; the sealer chains it
 * shortly after it commits (seal-audit.ts), so commands never wait for each other here.
 */
export async function writeAudit(tx: Db, ctx: Pick<UseCaseContext, 'actor' | 'clock' | 'ip'>, event: AuditEvent): Promise<void> {
  const actor = ctx.actor;
  await tx.insert(auditLog).values({
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
    changes: redactChanges(event.changes ?? null) as object | null,
  });
}

/** Records a refused or failed command in its own transaction (the command's own one was rolled back). */
export async function writeAuditOutside(db: Db, ctx: Pick<UseCaseContext, 'actor' | 'clock' | 'ip'>, event: AuditEvent): Promise<void> {
  await db.transaction(async (tx) => writeAudit(tx, ctx, event));
}
