// Issue 4: the deadline rush — 70 units each saving a 30-row 推荐表 at once, repeated — beside a trivial logged-in
// route (GET /api/ping) at the same concurrency, on PGlite and (with BENCH_DATABASE_URL) on PostgreSQL.
// The in-process eligibility check of a 200-row form is measured by bench/eligibility.bench.ts.
import { endOfShanghaiDay, shanghaiIsoDate } from '@zhengji/domain';
import { campaigns } from '../apps/server/src/db/schema/index.ts';
import { percentile } from './support/stats.ts';
import { benchRows, REFERENCE_DIR } from './support/rows.ts';
import { createUserRow, startBenchServer, type BenchServer } from './support/server.ts';

const UNITS = 70;
const ROWS = 30;
const ROUNDS = 5;

async function timed(fn: () => Promise<boolean>): Promise<{ ms: number; ok: boolean }> {
  const t = performance.now();
  const ok = await fn().catch(() => false);
  return { ms: performance.now() - t, ok };
}

async function rush(server: BenchServer, label: string): Promise<Record<string, number | string>> {
  const now = new Date();
  const [campaign] = await server.database.db
    .insert(campaigns)
    .values({
      year: 2024,
      title: '基准测试征集',
      docNo: 'bench',
      issuer: 'bench',
      issueDate: shanghaiIsoDate(now),
      deadline: shanghaiIsoDate(new Date(now.getTime() + 30 * 86_400_000)),
      status: 'open',
    })
    .returning();
  if (endOfShanghaiDay(campaign!.deadline) < now) throw new Error('deadline in the past');
  const rows = benchRows(ROWS);
  const units = await Promise.all(
    Array.from({ length: UNITS }, async () => {
      const user = await createUserRow(server.database.db, 'unit');
      const headers = await server.login(user.username);
      const form = (await (await fetch(`${server.url}/api/forms/mine?campaignId=${campaign!.id}`, { headers })).json()) as { id: string; version: number };
      return { headers, id: form.id, version: form.version };
    }),
  );
  const saves: number[] = [];
  const pings: number[] = [];
  let errors = 0;
  let pingErrors = 0;
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const results = await Promise.all([
      ...units.map((u, i) =>
        timed(async () => {
          const body = JSON.stringify({
            version: u.version,
            header: { contactName: `经办人${String(i)}`, contactPhone: '021-63851234', fillDate: null },
            rows: round % 2 ? [...rows].reverse() : rows,
          });
          const res = await fetch(`${server.url}/api/forms/${u.id}`, { method: 'PUT', headers: { ...u.headers, 'content-type': 'application/json' }, body });
          if (!res.ok) return false;
          u.version = ((await res.json()) as { version: number }).version;
          return true;
        }).then((r) => ({ ...r, kind: 'save' as const })),
      ),
      ...units.map((u) => timed(async () => (await fetch(`${server.url}/api/ping`, { headers: u.headers })).ok).then((r) => ({ ...r, kind: 'ping' as const }))),
    ]);
    for (const r of results) {
      if (r.kind === 'save') {
        saves.push(r.ms);
        if (!r.ok) errors++;
      } else {
        pings.push(r.ms);
        if (!r.ok) pingErrors++;
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    [`${label}: saves (${String(UNITS)} units × ${String(ROWS)} rows × ${String(ROUNDS)} rounds)`]: saves.length,
    [`${label}: save p50 ms`]: percentile(saves, 50),
    [`${label}: save p95 ms`]: percentile(saves, 95),
    [`${label}: save max ms`]: percentile(saves, 100),
    [`${label}: save errors`]: errors,
    [`${label}: saves per s`]: saves.length / seconds,
    [`${label}: GET /api/ping beside it p50 ms`]: percentile(pings, 50),
    [`${label}: GET /api/ping beside it p95 ms`]: percentile(pings, 95),
    [`${label}: ping errors`]: pingErrors,
  };
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const targets: [string, string | undefined][] = [['PGlite', undefined]];
  if (process.env.BENCH_DATABASE_URL) targets.push(['PostgreSQL', process.env.BENCH_DATABASE_URL]);
  for (const [label, url] of targets) {
    const server = await startBenchServer(url, { referenceDir: REFERENCE_DIR, sessionIdleMinutes: 600 });
    try {
      Object.assign(figures, await rush(server, label));
    } finally {
      await server.close();
    }
  }
  if (!process.env.BENCH_DATABASE_URL) figures['PostgreSQL'] = '未测（设置 BENCH_DATABASE_URL 后运行）';
  return figures;
}
