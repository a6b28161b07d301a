import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline as pipelineCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { asc, getTableColumns, is, sql } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { sealAuditLog, sealBatch, SEAL_LOCK_KEY } from '../use-cases/audit/seal-audit.ts';

const FORMAT = 'zhengji-backup';
const VERSION = 2;
const BATCH = 500;
/** Rows per page for tables holding file content (bytea), so that a page of scans stays small in memory. */
const FILE_BATCH = 10;
/** Restore inserts a batch once it holds this many bytes of JSON, whatever its row count. */
const BATCH_BYTES = 16 * 1024 * 1024;

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

/**
 * Writes every table to a gzipped JSON-lines file: a header, one line per row, and a trailer with the row count per
 * table (so that a file cut short at any line is refused). All tables are read in one REPEATABLE READ, READ ONLY
 * transaction: the file is one consistent snapshot even while the application keeps writing. Returns the counts.
 */
export async function backupDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(file, { mode: 0o600 }));
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    // The backup carries the audit chain as far as what has committed so far.
    await sealAuditLog(db, { wait: true });
    await write({ format: FORMAT, version: VERSION, createdAt: new Date().toISOString() });
    await db.transaction(
      async (tx) => {
        for (const table of tablesInDependencyOrder()) {
          const name = getTableConfig(table).name;
          counts[name] = 0;
          const page = Object.values(getTableColumns(table)).some((c) => c.getSQLType() === 'bytea') ? FILE_BATCH : BATCH;
          // Paging is stable inside the snapshot: no row can appear or vanish between two pages.
          for (let offset = 0; ; offset += page) {
            const rows = await tx
              .select()
              .from(table)
              .orderBy(...primaryKeyOrder(table))
              .limit(page)
              .offset(offset);
            for (const row of rows) {
              await write({ t: name, r: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encode(v)])) });
              counts[name]++;
            }
            if (rows.length < page) break;
          }
        }
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await write({ end: true, counts });
  } finally {
    gzip.end();
    await written;
  }
  return counts;
}

function primaryKeyOrder(table: PgTable) {
  const single = Object.values(getTableColumns(table)).filter((c) => c.primary);
  return (single.length ? single : (getTableConfig(table).primaryKeys[0]?.columns ?? [])).map((c) => asc(c));
}

/** A backup line as read back. */
interface BackupLine {
  format?: string;
  version?: number;
  t?: string;
  r?: Record<string, unknown>;
  end?: boolean;
  counts?: Record<string, number>;
}

/**
 * The lines of a gzipped file in order. The stream is pulled (async iteration), so nothing is read before the caller
 * asks for it and nothing is lost however long the caller takes to start; a line may be large (files are in the rows).
 */
async function* gunzippedLines(file: string): AsyncGenerator<string> {
  const input = pipelineCallback(createReadStream(file), createGunzip(), () => undefined) as AsyncIterable<Buffer>;
  let parts: Buffer[] = [];
  for await (const chunk of input) {
    let from = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, from)) {
      parts.push(chunk.subarray(from, nl));
      yield Buffer.concat(parts).toString('utf8');
      parts = [];
      from = nl + 1;
    }
    if (from < chunk.length) parts.push(chunk.subarray(from));
  }
  if (parts.length) yield Buffer.concat(parts).toString('utf8');
}

/** Why reading the file failed, said so that the operator knows what to do. */
function unreadable(err: unknown, file: string): Error {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new Error(`找不到备份文件 ${file}，请检查路径`);
  if (code === 'EACCES') return new Error(`无权读取备份文件 ${file}`);
  if (typeof code === 'string' && code.startsWith('Z_'))
    return new Error(`备份文件不完整或已损坏（压缩数据${code === 'Z_BUF_ERROR' ? '被截断' : '无法解压'}），未恢复任何数据，请换用完整的备份文件`);
  return err instanceof Error ? err : new Error(String(err));
}

/**
 * Restores a backup into an empty, migrated database, in one transaction: a file that is not a backup, is cut short
 * at any line, or does not match its own trailer is refused with nothing written. Refuses a database holding data.
 */
export async function restoreDatabase(db: Db, file: string): Promise<Record<string, number>> {
  const tables = new Map(tablesInDependencyOrder().map((t) => [getTableConfig(t).name, t]));
  for (const [name, table] of tables) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table);
    if ((row?.n ?? 0) > 0) throw new Error(`目标数据库不是空的（表 ${name} 已有数据），请恢复到新的数据目录或新建的数据库`);
  }
  const counts: Record<string, number> = {};
  await db.transaction(async (tx) => {
    let version = 0;
    let trailer: BackupLine | null = null;
    let pending: { table: string; rows: Record<string, unknown>[]; bytes: number } | null = null;
    const flush = async () => {
      if (pending?.rows.length) {
        await tx.insert(tables.get(pending.table)!).values(pending.rows);
        if (pending.table === 'audit_log') await insertLegacySeals(tx, pending.rows);
      }
      pending = null;
    };
    let n = 0;
    try {
      for await (const line of gunzippedLines(file)) {
        n++;
        if (!line.trim()) continue;
        let obj: BackupLine;
        try {
          obj = JSON.parse(line) as BackupLine;
        } catch {
          throw new Error(`备份文件第 ${String(n)} 行已损坏（不是完整的记录），未恢复任何数据`);
        }
        if (!version) {
          if (obj.format !== FORMAT || typeof obj.version !== 'number') throw new Error('这不是征集系统的备份文件');
          if (obj.version > VERSION) throw new Error(`备份文件的格式版本 ${String(obj.version)} 比本程序新，请用新版本的征集系统恢复`);
          version = obj.version;
          continue;
        }
        if (trailer) throw new Error(`备份文件在结尾标记之后还有内容（第 ${String(n)} 行），文件已损坏，未恢复任何数据`);
        if (obj.end) {
          trailer = obj;
          continue;
        }
        if (!obj.t || !obj.r || !tables.has(obj.t)) throw new Error(`备份文件中有无法识别的表：${String(obj.t)}`);
        if (pending && (pending.table !== obj.t || pending.rows.length >= BATCH || pending.bytes >= BATCH_BYTES)) await flush();
        pending ??= { table: obj.t, rows: [], bytes: 0 };
        pending.bytes += line.length;
        pending.rows.push(Object.fromEntries(Object.entries(obj.r).map(([k, v]) => [k, decode(v)])));
        counts[obj.t] = (counts[obj.t] ?? 0) + 1;
      }
    } catch (err) {
      throw unreadable(err, file);
    }
    if (!version) throw new Error('备份文件为空或已损坏，未恢复任何数据');
    // Version 1 files (before the trailer) are accepted as they are; from version 2 on the trailer proves the file is whole.
    if (version >= 2) {
      if (!trailer) throw new Error('备份文件不完整：缺少结尾标记，文件可能在复制或写入时被截断，未恢复任何数据');
      const expected = Object.fromEntries(Object.entries(trailer.counts ?? {}).filter(([, c]) => c > 0));
      const differing = [...new Set([...Object.keys(expected), ...Object.keys(counts)])].filter((t) => expected[t] !== counts[t]);
      if (differing.length) throw new Error(`备份文件不完整：表 ${differing.join('、')} 的行数与结尾标记不符，未恢复任何数据`);
    }
    await flush();
    await resetSequences(tx, tables);
    // Rows that were not sealed yet when the backup was taken are chained now, in the same transaction (their writing
    // transaction ids belong to the old database, so the sealer's order cannot be theirs).
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
    for (let more = true; more;) more = (await sealBatch(tx, undefined, true)).sealed > 0;
  });
  return counts;
}

/**
 * Backups written before the sealer existed carry each audit row's link in the row itself (prevHash, hash): those
 * links become the row's seal, numbered by the row's id as the migration did, so that the chain and its signed
 * checkpoints still hold (recomputing them would launder an edit made in the file).
 */
async function insertLegacySeals(tx: Db, rows: Record<string, unknown>[]): Promise<void> {
  const seals = rows
    .filter((r) => typeof r.hash === 'string' && typeof r.prevHash === 'string' && typeof r.id === 'number')
    .map((r) => ({ seq: r.id as number, auditId: r.id as number, prevHash: r.prevHash as string, hash: r.hash as string }));
  if (seals.length) await tx.insert(schema.auditSeals).values(seals);
}

async function resetSequences(tx: Db, tables: Map<string, PgTable>): Promise<void> {
  for (const [name, table] of tables) {
    for (const col of Object.values(getTableColumns(table))) {
      if (col.columnType.includes('Serial')) {
        await tx.execute(
          sql.raw(`SELECT setval(pg_get_serial_sequence('"${name}"', '${col.name}'), coalesce((SELECT max("${col.name}") FROM "${name}"), 0) + 1, false)`),
        );
      }
    }
  }
}
