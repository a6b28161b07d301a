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
  await tx.insert(auditLog).values(auditRowOf(ctx, event));
}

/** The audit row of an event as `writeAudit` inserts it (for a hot command that writes it within a statement of its own). */
export function auditRowOf(ctx: Pick<UseCaseContext, 'actor' | 'clock' | 'ip'>, event: AuditEvent): ChainedFields {
  const actor = ctx.actor;
  return {
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
  };
}

/**
 * The INSERT of one audit row with its twelve values as parameters from $first on (see auditValues), for a statement
 * of its own; it ends in a SELECT list, so a WHERE may follow to make it conditional.
 */
export const AUDIT_INSERT_SQL = (first: number): string => {
  const casts = ['timestamptz', 'uuid', 'text', 'text', 'text', 'uuid', 'text', 'text', 'text', 'text', 'text', 'jsonb'];
  return `INSERT INTO audit_log (at, actor_user_id, actor_username, actor_role, real_actor_username, on_behalf_of_unit_id, ip, action, object_type, object_id, result, changes)
    SELECT ${casts.map((c, i) => `$${String(first + i)}::${c}`).join(', ')}`;
};

/** The parameters of AUDIT_INSERT_SQL for a row, in its column order. */
export function auditValues(row: ChainedFields): unknown[] {
  return [
    row.at,
    row.actorUserId,
    row.actorUsername,
    row.actorRole,
    row.realActorUsername,
    row.onBehalfOfUnitId,
    row.ip,
    row.action,
    row.objectType,
    row.objectId,
    row.result,
    row.changes === null || row.changes === undefined ? null : JSON.stringify(row.changes),
  ];
}

/** Records a refused or failed command in its own transaction (the command's own one was rolled back). */
export async function writeAuditOutside(db: Db, ctx: Pick<UseCaseContext, 'actor' | 'clock' | 'ip'>, event: AuditEvent): Promise<void> {
  await db.transaction(async (tx) => writeAudit(tx, ctx, event));
}
