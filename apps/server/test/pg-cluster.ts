import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A private PostgreSQL server in a temporary folder that a test or benchmark may stop, start and restart at will. */
export interface PgCluster {
  /** URL of the `postgres` database (trust authentication, user postgres). */
  url: string;
  port: number;
  /** Stops the server (fast: active sessions are terminated with 57P01). */
  stop(): Promise<void>;
  /** Starts it again and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops the server for good and deletes its folder. */
  destroy(): Promise<void>;
}

/** The newest PostgreSQL server binary folder on this machine, or null. */
export function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  const v = versions.at(-1);
  return v ? path.join(root, v, 'bin') : null;
}

/** Why no private cluster can be started here, or null when one can (a server binary and, as root, a postgres user). */
export async function pgClusterUnavailableReason(): Promise<string | null> {
  if (!findPgBin()) return '本机没有 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin/initdb），跳过需要重启数据库的测试';
  if (process.getuid?.() === 0) {
    const ok = await run('id', ['-u', 'postgres']).then(
      () => true,
      () => false,
    );
    if (!ok) return '以 root 运行但没有 postgres 用户，无法启动私有 PostgreSQL（initdb 拒绝以 root 运行）';
  }
  return null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** initdb + pg_ctl start on a free port (or the one given), as user postgres when running as root (like .ci/run). */
export async function startPgCluster(port?: number): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) throw new Error('no PostgreSQL server binary');
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'zj-pg-'));
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const pgctl = (args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args]) : run(path.join(bin, 'pg_ctl'), args);
  const data = path.join(dir, 'data');
  const initdbArgs = ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'];
  await (asRoot ? run('runuser', ['-u', 'postgres', '--', path.join(bin, 'initdb'), ...initdbArgs]) : run(path.join(bin, 'initdb'), initdbArgs));
  const p = port ?? (await freePort());
  const options = `-p ${String(p)} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100 -c fsync=off`;
  const start = async () => void (await pgctl(['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']));
  const stop = async () => void (await pgctl(['-D', data, '-m', 'fast', '-w', 'stop']));
  await start();
  // If the process dies before destroy() (a crashed test worker), the server must not outlive it.
  const leftover = () => {
    const args = ['-D', data, '-m', 'immediate', 'stop'];
    try {
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(path.join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      /* not running */
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', leftover);
  return {
    url: `postgres://postgres@127.0.0.1:${String(p)}/postgres`,
    port: p,
    start,
    stop,
    destroy: async () => {
      process.removeListener('exit', leftover);
      await pgctl(['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
