// Issue 12 item 6: latency of a trivial route (logged-in GET /api/ping, one session lookup in the database) while 20 MB
// of files is being stored, beside the same route with no upload in the same run, on PGlite and on PostgreSQL
// (BENCH_DATABASE_URL). The server runs in a process of its own (bench/support/upload-server.ts). The 20 MB are two
// 10 MB evidence files of one public objection: the form scan route stores through the same storePendingFile, but it is
// being changed to take only finalized forms, and the objection form needs no form set-up.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { multipart } from '../apps/server/test/objection-form.ts';
import { percentile } from './support/stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const FILE_BYTES = 10 * 1024 * 1024 - 4096;
const UPLOADS = 3;

interface Started {
  child: ChildProcess;
  url: string;
  noticeId: string;
  itemId: string;
  session: Record<string, string>;
}

async function startServer(databaseUrl: string | undefined): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/upload-server.ts'], {
    cwd: ROOT,
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench server exited (${String(code)})`)));
  });
  return { child, ...(JSON.parse(first) as Omit<Started, 'child'>) };
}

function stop(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    /* already gone */
  }
}

/** Pings in `connections` loops until `until` resolves (or for `ms` when it is a number); answers the latencies. */
async function pingWhile(s: Started, until: Promise<unknown> | number, connections = 2): Promise<{ latencies: number[]; errors: number }> {
  let done = false;
  if (typeof until === 'number') setTimeout(() => (done = true), until);
  else void until.finally(() => (done = true));
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (!done) {
        const t = performance.now();
        const ok = await fetch(`${s.url}/api/ping`, { headers: s.session })
          .then(async (r) => (await r.arrayBuffer(), r.ok))
          .catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  return { latencies, errors };
}

/** Files one objection with two 10 MB PNG evidence files through the public form; answers its time in ms. */
async function uploadTwentyMb(s: Started, files: Buffer[]): Promise<number> {
  const form = await (await fetch(`${s.url}/public/notices/${s.noticeId}/objection`)).text();
  const token = /name="challengeToken" value="([^"]+)"/.exec(form)?.[1];
  const q = /验证题：(\d+) 加 (\d+)/.exec(form);
  if (!token || !q) throw new Error(`no challenge in the objection form: ${form.slice(0, 200)}`);
  const body = multipart(
    {
      challengeToken: token,
      challengeAnswer: String(Number(q[1]) + Number(q[2])),
      name: '王小明',
      phone: '13812345678',
      itemId: s.itemId,
      grounds: '基准测试',
    },
    files.map((content, i) => ({ name: 'evidence', filename: `evidence-${i}.png`, content, type: 'image/png' })),
  );
  const t = performance.now();
  const res = await fetch(`${s.url}/public/notices/${s.noticeId}/objection`, { method: 'POST', headers: body.headers, body: body.payload });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`upload answered ${String(res.status)}: ${text.slice(0, 300)}`);
  return performance.now() - t;
}

async function measure(label: string, databaseUrl: string | undefined, figures: Record<string, number | string>): Promise<void> {
  const s = await startServer(databaseUrl);
  try {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const files = [0, 1].map(() => Buffer.concat([png, randomBytes(FILE_BYTES - png.length)]));
    await pingWhile(s, 1000); // warm-up
    const idle = await pingWhile(s, 3000);
    const busy: number[] = [];
    const times: number[] = [];
    let errors = idle.errors;
    for (let i = 0; i < UPLOADS; i++) {
      const upload = uploadTwentyMb(s, files);
      const during = await pingWhile(s, upload);
      times.push(await upload);
      busy.push(...during.latencies);
      errors += during.errors;
    }
    figures[`${label}: GET /api/ping p50 ms, no upload`] = percentile(idle.latencies, 50);
    figures[`${label}: GET /api/ping p95 ms, no upload`] = percentile(idle.latencies, 95);
    figures[`${label}: GET /api/ping p50 ms, while storing 20 MB`] = percentile(busy, 50);
    figures[`${label}: GET /api/ping p95 ms, while storing 20 MB`] = percentile(busy, 95);
    figures[`${label}: GET /api/ping max ms, while storing 20 MB`] = Math.max(...busy);
    figures[`${label}: pings answered while storing (${String(UPLOADS)} uploads)`] = busy.length;
    figures[`${label}: storing 20 MB (2 × 10 MB evidence), median ms`] = percentile(times, 50);
    figures[`${label}: ping errors`] = errors;
  } finally {
    stop(s.child);
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  await measure('PGlite', undefined, figures);
  const pgUrl = process.env.BENCH_DATABASE_URL;
  if (pgUrl) await measure('PostgreSQL', pgUrl, figures);
  else figures['PostgreSQL'] = '未测（设置 BENCH_DATABASE_URL 后测量）';
  return figures;
}
