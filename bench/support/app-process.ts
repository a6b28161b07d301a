// The real server entry (apps/server/src/server.ts) in a process of its own, for benchmarks that must not share an
// event loop with their client: DATA_DIR (PGlite) or DATABASE_URL (PostgreSQL) from the caller, a free port on
// loopback, optionally under `node --cpu-prof`. Also: CPU time of a process (and of a PostgreSQL cluster's backends)
// from /proc, to say what limits a run.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A running server process. */
export interface AppProcess {
  url: string;
  pid: number;
  /** Where its stdout and stderr go (read it when it fails). */
  logFile: string;
  /** SIGTERM, then waits for the graceful shutdown (which writes the CPU profile, if any). */
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * Starts `node --import tsx apps/server/src/server.ts` with the given environment (on top of a quiet default) and
 * waits until /readyz answers 200 (the first start migrates and imports the reference data: up to minutes).
 */
export async function startAppProcess(env: Record<string, string>, options: { cpuProfDir?: string; timeoutMs?: number } = {}): Promise<AppProcess> {
  const port = await freePort();
  const logFile = path.join(mkdtempSync(path.join(tmpdir(), 'zj-bench-app-')), 'server.log');
  const log = createWriteStream(logFile);
  const args = ['--import', 'tsx', ...(options.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', options.cpuProfDir] : []), 'apps/server/src/server.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', ZHENGJI_DEMO: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited: number | null = null;
  const exit = new Promise<void>((resolve) => child.once('exit', (code) => ((exited = code ?? -1), resolve())));
  const url = `http://127.0.0.1:${String(port)}`;
  const end = performance.now() + (options.timeoutMs ?? 300_000);
  for (;;) {
    if (exited !== null)
      throw new Error(`the server process exited (code ${String(exited)}) before it was ready; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
    if (performance.now() > end) throw new Error(`the server did not become ready; see ${logFile}`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  return {
    url,
    pid: child.pid!,
    logFile,
    stop: async () => {
      if (exited !== null) return;
      child.kill('SIGTERM');
      const timeout = sleep(30_000).then(() => 'timeout' as const);
      if ((await Promise.race([exit, timeout])) === 'timeout') {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    },
  };
}

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system, all threads) a process has used so far, in ms; 0 when it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return 0;
  }
}

/** The postmaster of the PostgreSQL server listening on `port` (found by its command line) and its children. */
export function pgClusterPids(port: number): number[] {
  const pids: { pid: number; ppid: number; cmd: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      pids.push({ pid: Number(name), ppid, cmd });
    } catch {
      /* gone */
    }
  }
  const master = pids.find((p) => /postgres/.test(p.cmd) && p.cmd.includes(`-p ${String(port)} `));
  if (!master) return [];
  return [master.pid, ...pids.filter((p) => p.ppid === master.pid).map((p) => p.pid)];
}

/** CPU time of each of some processes now (pid → ms). */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  return new Map(pids.map((pid) => [pid, processCpuMs(pid)]));
}

/** CPU ms used between two snapshots (processes that appeared in between count from zero, those gone are lost). */
export function cpuDeltaMs(before: Map<number, number>, after: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}
