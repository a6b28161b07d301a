// The web app as a browser receives it: the largest JavaScript chunk gzipped (goal ≤ 300 KB), and the login page on a
// cold cache in Chromium over loopback (goal < 1 s), beside a cold load of one small static file from the same server.
// The server runs in its own process (`node --import tsx apps/server/src/server.ts`), never in the bench's event loop.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './support/stats.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'apps/web/dist');

async function waitReady(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server at ${url} not ready after ${String(ms)} ms`);
}

export async function run(): Promise<Record<string, number | string>> {
  if (!existsSync(path.join(dist, 'index.html')) || process.env.BENCH_REBUILD === '1') {
    const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('web build failed');
  }
  const assets = readdirSync(path.join(dist, 'assets'));
  const gz = assets.filter((f) => f.endsWith('.js.gz')).map((f) => ({ f, size: statSync(path.join(dist, 'assets', f)).size }));
  const largest = gz.reduce((a, b) => (b.size > a.size ? b : a), { f: '', size: 0 });
  // The entry chunk index.html loads: all the JavaScript the login page needs before its 登录 button (the rest comes later).
  const entry = /<script type="module"[^>]*src="\/assets\/([^"]+\.js)"/.exec(readFileSync(path.join(dist, 'index.html'), 'utf8'))?.[1] ?? '';
  const entryGz = existsSync(path.join(dist, 'assets', `${entry}.gz`)) ? statSync(path.join(dist, 'assets', `${entry}.gz`)).size : 0;
  const smallest = assets
    .filter((f) => f.endsWith('.css') || f.endsWith('.js'))
    .map((f) => ({ f, size: statSync(path.join(dist, 'assets', f)).size }))
    .sort((a, b) => a.size - b.size)[0]!;

  const port = 39_000 + Math.floor(Math.random() * 1000);
  const url = `http://127.0.0.1:${String(port)}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/server.ts'], {
    cwd: root,
    env: { ...process.env, TZ: 'Asia/Shanghai', PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zj-webbench-')), DATABASE_URL: '' },
    stdio: 'ignore',
  });
  try {
    await waitReady(url, 180_000);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const login: number[] = [];
    const bytes: number[] = [];
    const file: number[] = [];
    try {
      for (let i = 0; i < 7; i++) {
        const context = await browser.newContext({ locale: 'zh-CN' }); // a fresh context: an empty cache
        const page = await context.newPage();
        const started = performance.now();
        await page.goto(`${url}/login`);
        await page.getByRole('button', { name: /登\s?录/ }).waitFor();
        login.push(performance.now() - started);
        bytes.push(await page.evaluate(() => performance.getEntriesByType('resource').reduce((s, e) => s + (e as PerformanceResourceTiming).transferSize, 0)));
        await context.close();
        const other = await browser.newContext();
        const p2 = await other.newPage();
        const t2 = performance.now();
        await p2.goto(`${url}/assets/${smallest.f}`);
        file.push(performance.now() - t2);
        await other.close();
      }
    } finally {
      await browser.close();
    }
    return {
      'largest JS chunk, gzipped (KB; goal ≤ 300)': largest.size / 1024,
      'largest JS chunk': largest.f.replace(/\.gz$/, ''),
      'all JS, gzipped (KB)': gz.reduce((s, x) => s + x.size, 0) / 1024,
      'login page, entry JS (the script of index.html), gzipped (KB)': entryGz / 1024,
      'login page, cold cache, median (ms; goal < 1000)': median(login),
      'login page, bytes over the wire, median (KB)': median(bytes) / 1024,
      'beside it: one small static file, cold, median (ms)': median(file),
    };
  } finally {
    server.kill('SIGTERM');
  }
}
