import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** http://127.0.0.1:<port> of the server under test. */
    baseUrl: string;
    /** Its DATA_DIR (demo-accounts.txt lives there). */
    dataDir: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not ready after ${timeoutMs} ms:\n${log()}`);
}

/** Resolves once the process named in DATA_DIR/zhengji.pid (the server's lock, removed on exit) is no longer running. */
async function serverGone(dataDir: string, timeoutMs: number): Promise<void> {
  const lock = path.join(dataDir, 'zhengji.pid');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8').trim());
    try {
      if (!pid) return;
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Starts the real server (demo seed, fresh data folder) for the run, and stops it afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build` first (npm run test:e2e does it)');
  }
  // One run's accessibility findings (e2e/support/axe.ts appends to it).
  rmSync(path.join(root, 'e2e/artifacts/a11y.log'), { force: true });
  // And its failure reports (e2e/support/on-failure.ts).
  rmSync(path.join(root, 'e2e/artifacts/failures'), { recursive: true, force: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'zhengji-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn('npx', ['tsx', 'apps/server/src/server.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ZHENGJI_DEMO: '1',
      LOGIN_IP_LIMIT_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
    },
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode !== null || !child.pid) return;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitReady(baseUrl, child, () => output.slice(-4000));
  } catch (e) {
    await stop();
    throw e;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('dataDir', dataDir);
  return async () => {
    await stop();
    // The server's own output, for diagnosing a failed journey.
    mkdirSync(path.join(root, 'e2e/artifacts'), { recursive: true });
    writeFileSync(path.join(root, 'e2e/artifacts/server.log'), output);
    // npx exits at once on SIGTERM while the server still closes its database and writes its last audit checkpoint:
    // wait (up to 30 s) until the server's own process, whose PID its DATA_DIR lock holds, has gone, then remove the folder.
    await serverGone(dataDir, 30_000);
    if (!process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  };
}
