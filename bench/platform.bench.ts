// Issue 2: login + /api/me throughput beside a trivial route; time from `npm start` to /readyz; resident memory.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { closedLoop } from './support/load.ts';
import { median } from './support/stats.ts';
import { createUserRow, startBenchServer } from './support/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

async function waitReady(url: string, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const ok = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not become ready');
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Starts `npm start` (or the server alone) on a data folder; returns ms to /readyz and the server's RSS. */
async function startOnce(env: NodeJS.ProcessEnv, port: number, viaNpm: boolean): Promise<{ ms: number; rss: number }> {
  const t = performance.now();
  const child = viaNpm
    ? spawn('npm', ['start', '--silent'], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: 'ignore', detached: true })
    : spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env, PORT: String(port) },
        stdio: 'ignore',
        detached: true,
      });
  try {
    await waitReady(`http://127.0.0.1:${port}`, 120_000);
    const ms = performance.now() - t;
    await new Promise((r) => setTimeout(r, 1000));
    const serverPid = viaNpm ? Number(spawnSync('pgrep', ['-f', '-n', 'apps/server/src/server.ts']).stdout.toString().trim()) : child.pid!;
    return { ms, rss: rssMb(serverPid) };
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 1500));
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const server = await startBenchServer();
  try {
    const user = await createUserRow(server.database.db, 'center');
    const session = await server.login(user.username);
    const trivial = await closedLoop(async () => (await fetch(`${server.url}/healthz`)).ok, 10, 4);
    const ping = await closedLoop(async () => (await fetch(`${server.url}/api/ping`, { headers: session })).ok, 10, 4);
    const login = await closedLoop(
      async () => {
        const h = await server.login(user.username);
        return (await fetch(`${server.url}/api/me`, { headers: h })).ok;
      },
      10,
      6,
    );
    figures['trivial GET /healthz req/s (10 conn)'] = trivial.rps;
    figures['logged-in GET /api/ping req/s'] = ping.rps;
    figures['login + GET /api/me per s'] = login.rps;
    figures['login + me p95 ms'] = login.p95;
    figures['ratio login+me / trivial'] = login.rps / trivial.rps;
    figures['login errors'] = login.errors;
  } finally {
    await server.close();
  }

  if (!existsSync(path.join(ROOT, 'apps/web/dist/index.html'))) spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore' });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zj-bench-start-'));
  await startOnce({ DATA_DIR: dataDir }, 3311, false); // first start: initialise, migrate, seed
  const starts: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await startOnce({ DATA_DIR: dataDir }, 3311, true);
    starts.push(r.ms);
    rss.push(r.rss);
  }
  figures['npm start → /readyz, existing data folder, median ms'] = median(starts);
  figures['resident memory after start, PGlite, MB'] = median(rss);
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) {
    const r = await startOnce({ DATABASE_URL: pgUrl, DATA_DIR: dataDir }, 3312, false);
    figures['resident memory after start, PostgreSQL, MB'] = r.rss;
    figures['server start → /readyz, PostgreSQL, ms'] = r.ms;
  } else {
    figures['resident memory after start, PostgreSQL, MB'] = '未测（设置 BENCH_DATABASE_URL 后测量）';
  }
  return figures;
}
