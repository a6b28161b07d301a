import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { PROJECT_ROOT } from '../config.ts';
import { currentRole, grantAppRole } from './roles.ts';

/** The database handle every query and use case takes first (a transaction is one too). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database with its driver kind and a way to close it. */
export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /** The PGlite instance when embedded (for dumps in tests). */
  pglite?: PGlite;
  /** PostgreSQL only: the owner's URL (DATABASE_MIGRATION_URL) that migrations run as, when the app's role is another. */
  migrationUrl?: string;
  /** The server URL when on PostgreSQL (tests open a second pool on it to play a second instance). */
  url?: string;
}

export const MIGRATIONS_DIR = path.resolve(PROJECT_ROOT, 'apps/server/drizzle');

/**
 * Takes DATA_DIR for this process: the embedded database must never be opened by two processes at once (that corrupts
 * it), so a second `npm start` on the same folder is refused with the PID of the first. A lock left by a dead process
 * is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'zhengji.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new Error(
          `数据目录 ${dataDir} 正被另一个征集系统进程（PID ${String(pid)}）使用：同一数据目录只能由一个进程打开。请先停止该进程，或用 DATA_DIR 指定其他目录。`,
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`无法锁定数据目录 ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Opens the embedded PGlite database in dataDir (or in memory when dataDir is null). */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pgdata') : undefined,
    extensions: { pg_trgm },
    loadDataDir,
  }).catch((err: unknown) => {
    unlock();
    throw err;
  });
  await client.exec("SET TIME ZONE 'Asia/Shanghai'");
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    close: async () => {
      await client.close();
      unlock();
    },
  };
}

/** SQLSTATE classes and socket errors that mean "the server went away or is not accepting connections yet". */
const UNAVAILABLE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
]);

/** True when an error means the database server is (momentarily) unreachable rather than that the query was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message))
      return true;
  }
  return false;
}

/**
 * Opens a PostgreSQL server connection pool that outlives the server: an error on an idle or checked-out connection
 * (a terminated backend, a restart) is logged and that connection is dropped instead of crashing the process; the pool
 * opens new connections on demand, so the instance serves again as soon as the server accepts connections.
 * `migrationUrl` names the owner's role migrations run as (DATABASE_MIGRATION_URL), when the app's role is another.
 */
export async function openPostgres(
  url: string,
  max = 20,
  migrationUrl?: string,
  onConnectionError: (err: Error) => void = logConnectionError,
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=Asia/Shanghai', connectionTimeoutMillis: 5_000, keepAlive: true });
  // Every client gets a listener from the start: a connection that dies while checked out (between the queries of a
  // transaction) emits 'error' on the client, and without a listener Node exits. The query in flight, if any, rejects
  // on its own; the pool discards the client on release because it is no longer queryable.
  pool.on('connect', (client) => client.on('error', onConnectionError));
  // The pool re-emits an idle client's error after discarding the client; it was logged by the listener above.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', url, close: () => pool.end(), migrationUrl };
}

function logConnectionError(err: Error): void {
  const code = (err as { code?: string }).code;
  console.warn(`[征集] 数据库连接中断（${code ?? err.message}），连接池将在下次使用时重新连接`);
}

/** Opens the database the configuration names: PostgreSQL when a URL is set, else PGlite in the data folder. */
export async function openDatabase(cfg: {
  databaseUrl?: string;
  databaseMigrationUrl?: string;
  databasePoolSize?: number;
  dataDir: string;
}): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl, cfg.databasePoolSize, cfg.databaseMigrationUrl) : openPglite(cfg.dataDir);
}

/**
 * Applies the committed migrations. With a migration URL they run as the owner, who then grants the app's role its
 * rights (db/roles.ts: no UPDATE or DELETE on the audit log); without one, as the app's own role.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  if (!database.migrationUrl) {
    await migratePg(database.db as never, { migrationsFolder: MIGRATIONS_DIR });
    return;
  }
  const owner = await openPostgres(database.migrationUrl, 1);
  try {
    await migratePg(owner.db as never, { migrationsFolder: MIGRATIONS_DIR });
    const appRole = await currentRole(database.db);
    if (appRole !== (await currentRole(owner.db))) await grantAppRole(owner.db, appRole);
  } finally {
    await owner.close();
  }
}
