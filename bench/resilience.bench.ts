// Issue 12: time for an instance (its own process) to serve again after its PostgreSQL server restarts, beside the time
// PostgreSQL itself takes to accept connections again (the floor, measured in the same run).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPostgres } from '../apps/server/src/db/client.ts';
import { pgClusterUnavailableReason, startPgCluster, type PgCluster } from '../apps/server/test/pg-cluster.ts';
import { createUserRow, TEST_PASSWORD } from '../apps/server/test/factories.ts';
import { median } from './support/stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESTARTS = 3;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** Polls until ok() holds; returns the instant (performance.now()) it first did. */
async function firstSuccess(ok: () => Promise<boolean>, timeoutMs = 120_000): Promise<number> {
  const end = performance.now() + timeoutMs;
  while (performance.now() < end) {
    if (await ok().catch(() => false)) return performance.now();
    await sleep(10);
  }
  throw new Error('timed out');
}

async function pgAccepts(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const reason = await pgClusterUnavailableReason();
  if (reason) return { 数据库重启后恢复服务: `未测（${reason}）` };
  let cluster: PgCluster | null = null;
  let child: ChildProcess | null = null;
  try {
    cluster = await startPgCluster();
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE zj_bench');
    await admin.end();
    const dbUrl = cluster.url.replace(/\/postgres$/, '/zj_bench');
    const port = await freePort();
    const base = `http://127.0.0.1:${String(port)}`;
    child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: dbUrl,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zj-bench-res-')),
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'silent',
        ZHENGJI_DEMO: '0',
        REFERENCE_DIR: '',
      },
      stdio: 'ignore',
      detached: true,
    });
    let exited: number | null = null;
    child.once('exit', (code) => (exited = code ?? -1));
    await firstSuccess(async () => (await fetch(`${base}/readyz`)).ok, 300_000);

    const seed = await openPostgres(dbUrl, 1, undefined, () => undefined);
    const user = await createUserRow(seed.db, 'center');
    await seed.close();
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: TEST_PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ');
    const serves = async () => (await fetch(`${base}/api/me`, { headers: { cookie } })).status === 200;
    if (!(await serves())) throw new Error('the logged-in request does not answer 200 before the restarts');

    const pgMs: number[] = [];
    const appMs: number[] = [];
    const readyMs: number[] = [];
    for (let i = 0; i < RESTARTS; i++) {
      await cluster.stop();
      const t0 = performance.now();
      const starting = cluster.start();
      const [pgAt, readyAt, servesAt] = await Promise.all([
        firstSuccess(() => pgAccepts(cluster!.url)),
        firstSuccess(async () => (await fetch(`${base}/readyz`)).ok),
        firstSuccess(serves),
      ]);
      await starting;
      pgMs.push(pgAt - t0);
      readyMs.push(readyAt - t0);
      appMs.push(servesAt - t0);
      if (exited !== null) throw new Error(`the server process exited (code ${String(exited)}) after restart ${String(i + 1)}`);
    }
    return {
      'PostgreSQL restarts measured': RESTARTS,
      'PostgreSQL start → accepts connections, median ms': median(pgMs),
      'PostgreSQL start → instance /readyz 200, median ms': median(readyMs),
      'PostgreSQL start → logged-in GET /api/me 200, median ms': median(appMs),
      'instance − PostgreSQL (≈0: no delay of its own), median ms': median(appMs.map((a, i) => a - pgMs[i]!)),
      'server process restarts needed': 0,
    };
  } finally {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await sleep(500);
    }
    await cluster?.destroy();
  }
}
