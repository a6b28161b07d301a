import { and, desc, eq, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { AuditQuerySchema, type AuditEntry, type AuditQuery } from '@zhengji/domain';
import { auditLog, auditSeals } from '../../db/schema/index.ts';
import type { UseCaseContext } from '../context.ts';
import { authorizePlatform } from '../authorize.ts';
import { writeAudit } from './write-audit.ts';
import { sealAuditLog } from './seal-audit.ts';

function filters(q: AuditQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
    q.actor ? ilike(auditLog.actorUsername, `%${q.actor}%`) : undefined,
    q.action ? ilike(auditLog.action, `${q.action}%`) : undefined,
    q.objectType ? eq(auditLog.objectType, q.objectType) : undefined,
    q.result ? eq(auditLog.result, q.result) : undefined,
  ];
  return and(...conds.filter(Boolean));
}

/** An audit row with its link in the chain (null while not sealed). */
type SealedRow = typeof auditLog.$inferSelect & { hash: string | null };
const withHash = (tx: UseCaseContext['db']) =>
  tx.select({ row: auditLog, hash: auditSeals.hash }).from(auditLog).leftJoin(auditSeals, eq(auditSeals.auditId, auditLog.id));
const flat = (r: { row: typeof auditLog.$inferSelect; hash: string | null }): SealedRow => ({ ...r.row, hash: r.hash });

/** Presents an audit row. */
export function presentAudit(r: SealedRow): AuditEntry {
  return {
    id: r.id,
    at: r.at.toISOString(),
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
    hash: r.hash,
  };
}

/** Reads a page of the audit log (auditor); the reading itself is audited. */
export async function listAudit(ctx: UseCaseContext, query: Partial<AuditQuery>) {
  authorizePlatform(ctx.actor, 'audit.read');
  const q = AuditQuerySchema.parse(query);
  return ctx.db.transaction(async (tx) => {
    const where = filters(q);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(where);
    const rows = (
      await withHash(tx)
        .where(where)
        .orderBy(desc(auditLog.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize)
    ).map(flat);
    await writeAudit(tx, ctx, { action: 'audit.read', objectType: 'audit_log', changes: { filters: { ...q } } });
    return { items: rows.map(presentAudit), total: count?.n ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

/** Exports the filtered audit log as CSV (UTF-8 with BOM, for Excel); the export is audited. */
export async function exportAudit(ctx: UseCaseContext, query: Partial<AuditQuery>): Promise<string> {
  authorizePlatform(ctx.actor, 'audit.export');
  const q = AuditQuerySchema.parse(query);
  // The file carries each row's hash: chain what has committed so far first.
  await sealAuditLog(ctx.db, { wait: true });
  const rows = await ctx.db.transaction(async (tx) => {
    const found = (await withHash(tx).where(filters(q)).orderBy(auditLog.id).limit(100_000)).map(flat);
    await writeAudit(tx, ctx, { action: 'audit.export', objectType: 'audit_log', changes: { filters: { ...q }, rows: found.length } });
    return found;
  });
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@])/, "'$1")}"` : s;
  };
  const header = ['序号', '时间', '操作人', '角色', '代理单位', 'IP', '操作', '对象类型', '对象ID', '结果', '变更摘要', '哈希'];
  const lines = rows.map((r) =>
    [r.id, r.at.toISOString(), r.actorUsername, r.actorRole, r.onBehalfOfUnitId, r.ip, r.action, r.objectType, r.objectId, r.result, r.changes, r.hash]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
