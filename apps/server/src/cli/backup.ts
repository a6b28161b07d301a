import { createReadStream, createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { createGunzip, createGzip } from 'node:zlib';
import { asc, getTableColumns, is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';

const FORMAT = 'zhengji-backup';
const BATCH = 500;
/** Rows per read and per insert for tables holding file content (256 KB chunks): about 4 MB at a time. */
const CONTENT_BATCH = 16;

/** The batch size for a table: small for tables with a bytea column, so that memory holds a few megabytes. */
function batchOf(table: PgTable): number {
  return Object.values(getTableColumns(table)).some((c) => c.getSQLType() === 'bytea') ? CONTENT_BATCH : BATCH;
}

/** All tables of the schema, parents before children (foreign keys). */
export function tablesInDependencyOrder(): PgTable[] {
  const tables = (Object.values(schema) as unknown[]).filter((v): v is PgTable => is(v, PgTable));
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  const done = new Set<string>();
  const ordered: PgTable[] = [];
  const visit = (t: PgTable, path: Set<string>) => {
    const name = getTableConfig(t).name;
    if (done.has(name) || path.has(name)) return;
    path.add(name);
    for (const fk of getTableConfig(t).foreignKeys) {
      const parent = getTableConfig(fk.reference().foreignTable).name;
      const pt = byName.get(parent);
      if (pt && parent !== name) visit(pt, path);
    }
    done.add(name);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString('base64') };
  return value;
}

function decode(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const o = value as Record<string, unknown>;
    if (typeof o.$date === 'string' && Object.keys(o).length === 1) return new Date(o.$date);
    if (typeof o.$bytes === 'string' && Object.keys(o).length === 1) return Buffer.from(o.$bytes, 'base64');
  }
  return value;
}

/** Writes every table to a gzipped JSON-lines file; returns the row count per table. */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = gzip.pipe(createWriteStream(file, { mode: 0o600 }));
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await write({ format: FORMAT, version: 1, createdAt: new Date().toISOString() });
  for (const table of tablesInDependencyOrder()) {
    const name = getTableConfig(table).name;
    const columns = getTableColumns(table);
    const order = Object.values(columns).filter((c) => c.primary).map((c) => asc(c));
    const pk = getTableConfig(table).primaryKeys[0]?.columns.map((c) => asc(c)) ?? [];
    counts[name] = 0;
    const batch = batchOf(table);
    for (let offset = 0; ; offset += batch) {
      const rows = await db.select().from(table).orderBy(...(order.length ? order : pk)).limit(batch).offset(offset);
      for (const row of rows) {
        await write({ t: name, r: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encode(v)])) });
        counts[name]++;
      }
      if (rows.length < batch) break;
    }
  }
  gzip.end();
  await once(out, 'finish');
  return counts;
}

/** Restores a backup into an empty, migrated database; refuses a database that already holds data. */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const tables = new Map(tablesInDependencyOrder().map((t) => [getTableConfig(t).name, t]));
  for (const [name, table] of tables) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    if ((row?.n ?? 0) > 0) throw new Error(`目标数据库不是空的（表 ${name} 已有数据），请恢复到新的数据目录或新建的数据库`);
  }
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const counts: Record<string, number> = {};
  let header = false;
  let pending: { table: string; rows: Record<string, unknown>[] } | null = null;
  await db.transaction(async (tx) => {
    const flush = async () => {
      if (pending?.rows.length) await tx.insert(tables.get(pending.table)!).values(pending.rows);
      pending = null;
    };
    for await (const line of lines) {
      if (!line.trim()) continue;
      const obj = JSON.parse(line) as { format?: string; t?: string; r?: Record<string, unknown> };
      if (!header) {
        if (obj.format !== FORMAT) throw new Error('这不是征集系统的备份文件');
        header = true;
        continue;
      }
      if (!obj.t || !obj.r || !tables.has(obj.t)) throw new Error(`备份文件中有无法识别的表：${String(obj.t)}`);
      if (pending && (pending.table !== obj.t || pending.rows.length >= batchOf(tables.get(pending.table)!))) await flush();
      pending ??= { table: obj.t, rows: [] };
      pending.rows.push(Object.fromEntries(Object.entries(obj.r).map(([k, v]) => [k, decode(v)])));
      counts[obj.t] = (counts[obj.t] ?? 0) + 1;
    }
    await flush();
    for (const [name, table] of tables) {
      for (const col of Object.values(getTableColumns(table))) {
        if (col.columnType.includes('Serial')) {
          await tx.execute(sql.raw(`SELECT setval(pg_get_serial_sequence('"${name}"', '${col.name}'), coalesce((SELECT max("${col.name}") FROM "${name}"), 0) + 1, false)`));
        }
      }
    }
  });
  if (!header) throw new Error('备份文件为空或已损坏');
  return counts;
}
