// Issue 6: candidate-pool aggregation through the real use case (70 and 700 units × 30 rows) on PGlite, and the
// roster and statistics API p95 under 20 concurrent center users beside a trivial route in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_INDUSTRY_TAGS, mulberry32, systemClock, type FormRow } from '@zhengji/domain';
import { migrateDatabase, openPglite, type Db } from '../apps/server/src/db/client.ts';
import { campaignUnits, campaigns, formRows, formVersions, forms, units } from '../apps/server/src/db/schema/index.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { createStoredFileRow } from '../apps/server/test/factories.ts';
import { refreshPool } from '../apps/server/src/use-cases/pool/refresh-pool.ts';
import type { UseCaseContext } from '../apps/server/src/use-cases/context.ts';
import { closedLoop } from './support/load.ts';
import { median } from './support/stats.ts';
import { createUserRow, startBenchServer } from './support/server.ts';

let campaignSeq = 0;

/** A synthetic row: 1,500 occupations, a fifth with 工种 (so overlaps occur), two industry tags. */
function row(random: () => number, u: number): FormRow {
  const occ = Math.floor(random() * 1500);
  const code = `${String(4 + (occ % 3))}-${String(occ % 100).padStart(2, '0')}-${String(occ % 37).padStart(2, '0')}-${String(occ).padStart(2, '0')}`;
  return {
    occupationCode: code,
    occupationName: `职业${String(occ)}`,
    jobTypeName: occ % 5 === 0 && random() < 0.7 ? `工种${String(Math.floor(random() * 4))}` : '',
    standardName: `职业${String(occ)}`,
    standardVersion: '2020年版',
    inShortageCatalog: occ % 7 === 0,
    industries: [DEFAULT_INDUSTRY_TAGS[occ % DEFAULT_INDUSTRY_TAGS.length]!, DEFAULT_INDUSTRY_TAGS[(occ + u) % DEFAULT_INDUSTRY_TAGS.length]!],
    expectedAssessments: 50 + Math.floor(random() * 1000),
    reason: '依据本市产业发展规划，需求旺盛',
  };
}

/** An open campaign with `n` units, each with an accepted form of 30 rows (current rows and the submitted version). */
async function seedCampaign(db: Db, n: number, seed: number): Promise<string> {
  const random = mulberry32(seed);
  const tag = `${String(seed)}-${String(campaignSeq++)}`;
  const [campaign] = await db
    .insert(campaigns)
    .values({ year: 2024, title: `基准征集${tag}`, docNo: 'x', issuer: 'x', issueDate: '2024-09-25', deadline: '2099-12-31', status: 'open' })
    .returning();
  const file = await createStoredFileRow(db, Buffer.from('%PDF'));
  for (let start = 0; start < n; start += 100) {
    const batch = Array.from({ length: Math.min(100, n - start) }, (_, i) => start + i);
    const us = await db
      .insert(units)
      .values(batch.map((u) => ({ name: `基准单位${tag}-${String(u)}`, type: u % 4 === 0 ? ('district' as const) : ('industry' as const) })))
      .returning({ id: units.id });
    await db.insert(campaignUnits).values(us.map((u) => ({ campaignId: campaign!.id, unitId: u.id })));
    const now = new Date();
    const fs = await db
      .insert(forms)
      .values(
        us.map((u) => ({
          campaignId: campaign!.id,
          unitId: u.id,
          status: 'accepted' as const,
          lastVersionNumber: 1,
          submittedAt: now,
          acceptedAt: now,
          contactName: '张三',
          contactPhone: '13912345678',
          scanFileId: file!.id,
        })),
      )
      .returning({ id: forms.id });
    const rowsOf = fs.map((_, i) => Array.from({ length: 30 }, () => row(random, batch[i]!)));
    await db.insert(formVersions).values(
      fs.map((f, i) => ({
        formId: f.id,
        number: 1,
        header: { contactName: '张三', contactPhone: '13912345678', fillDate: null },
        rows: rowsOf[i]!,
        contentHash: 'x',
        scanFileId: file!.id,
        submittedAt: now,
        finalizedAt: now,
      })),
    );
    const current = fs.flatMap((f, i) => rowsOf[i]!.map((r, p) => ({ formId: f.id, priority: p + 1, ...r })));
    for (let k = 0; k < current.length; k += 1000) await db.insert(formRows).values(current.slice(k, k + 1000));
  }
  return campaign!.id;
}

async function centerCtx(db: Db): Promise<UseCaseContext> {
  const user = await createUserRow(db, 'center');
  return {
    db,
    actor: { kind: 'user', userId: user.id, username: user.username, role: 'center', unitId: null },
    clock: systemClock,
    ip: null,
    config: testConfig(),
    mailer: { send: async () => {} },
  };
}

async function timePool(ctx: UseCaseContext, units: number): Promise<{ ms: number; candidates: number }> {
  const times: number[] = [];
  let candidates = 0;
  for (let i = 0; i < 3; i++) {
    const id = await seedCampaign(ctx.db, units, 100 + i);
    const t = performance.now();
    candidates = (await refreshPool(ctx, id)).candidates;
    times.push(performance.now() - t);
  }
  return { ms: median(times), candidates };
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const database = await openPglite(mkdtempSync(path.join(tmpdir(), 'zj-bench-pool-')));
  try {
    await migrateDatabase(database);
    const ctx = await centerCtx(database.db);
    await timePool(ctx, 10); // warm-up
    const small = await timePool(ctx, 70);
    const large = await timePool(ctx, 700);
    figures['pool refresh 70 units × 30 rows, median ms'] = small.ms;
    figures['pool refresh 700 units × 30 rows, median ms'] = large.ms;
    figures['pool candidates (70 / 700 units)'] = `${String(small.candidates)} / ${String(large.candidates)}`;
    figures['pool growth ratio 700/70 (budget ≤ 12)'] = large.ms / small.ms;
  } finally {
    await database.close();
  }

  const server = await startBenchServer();
  try {
    const db = server.database.db;
    const ctx = await centerCtx(db);
    const campaignId = await seedCampaign(db, 70, 7);
    await refreshPool(ctx, campaignId);
    const users = await Promise.all(Array.from({ length: 20 }, () => createUserRow(db, 'center')));
    const sessions = await Promise.all(users.map((u) => server.login(u.username)));
    const unitUser = await server.login((await createUserRow(db, 'unit')).username);
    const get = async (url: string, headers: Record<string, string>) => (await fetch(`${server.url}${url}`, { headers })).ok;
    let r = 0;
    let s = 0;
    // 10 center users on the roster board, 10 on the statistics, and the trivial route measured beside them.
    const [roster, stats, ping] = await Promise.all([
      closedLoop(() => get(`/api/campaigns/${campaignId}/roster`, sessions[r++ % 10]!), 10, 8),
      closedLoop(() => get(`/api/campaigns/${campaignId}/statistics`, sessions[10 + (s++ % 10)]!), 10, 8),
      closedLoop(() => get('/api/ping', unitUser), 2, 8),
    ]);
    const alone = await closedLoop(() => get('/api/ping', unitUser), 2, 4);
    figures['roster (70 units × 30 rows) p95 ms, 10 of 20 users'] = roster.p95;
    figures['roster req/s'] = roster.rps;
    figures['statistics p95 ms, 10 of 20 users'] = stats.p95;
    figures['statistics req/s'] = stats.rps;
    figures['GET /api/ping p95 ms beside them'] = ping.p95;
    figures['GET /api/ping p95 ms alone'] = alone.p95;
    figures['errors (roster/statistics/ping)'] = `${String(roster.errors)}/${String(stats.errors)}/${String(ping.errors)}`;
  } finally {
    await server.close();
  }
  return figures;
}
