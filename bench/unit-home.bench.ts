// Issue 14: the unit's home page with 5 past campaigns, server side. The real app on PGlite (in this process, over
// HTTP); one unit took part in 5 archived campaigns beside 69 other units, every form accepted with 30 rows (submitted
// version + current rows), every row checked (one in ten failed), the pool built by the real use case, half the
// candidates selected, the notice published and the final list out. Timed: each API call the home page sends
// (/api/me, then /api/dashboard, /api/forms/mine/history and /api/notifications at once, as the browser does), median
// of 15 after a warm-up, and the whole home (me → the three in parallel).
//
// Why it was slow: GET /api/forms/mine/history read, for the unit's 5 forms, the WHOLE pool of each campaign (~1,400
// candidates with their jsonb sources), every notice and final list with all their items, every version and draft
// row, and then searched them in JavaScript per row. It now asks the database for the unit's own candidates only
// (sources @> [{formId}]), the last version of each form, the drafts of unsubmitted forms only, and the notice /
// final-list facts of those candidates (jsonb_array_elements filtered in SQL). No N+1 was involved; the dashboard,
// /api/me and the notifications were already cheap, and the web sends the three calls at once after /api/me.
//
// Measured 2026-12-01 on the shared 2-core machine, before and after run back to back (a copy of the tree with the
// old use case), medians of 15 calls per run:
//                                   before (3 runs, load 6.5 / 10.4 / 11.0)   after (4 runs, load 9.3–12.5)
//   GET /api/forms/mine/history     1041 / 1235 / 2054 ms                     178 / 218 / 265 / 369 ms
//   home (me, then the three)       1143 / 1388 / 2812 ms                     265 / 311 / 352 / 578 ms
//   /api/me, /api/dashboard, /api/notifications: 7–55 ms each in every run (they scale with the load only).
import { and, eq, inArray } from 'drizzle-orm';
import { mulberry32, systemClock, type FormRow } from '@zhengji/domain';
import type { Db } from '../apps/server/src/db/client.ts';
import {
  campaignUnits,
  campaigns,
  candidates,
  checkDecisions,
  finalLists,
  formRows,
  formVersions,
  forms,
  notices,
  units,
} from '../apps/server/src/db/schema/index.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { refreshPool } from '../apps/server/src/use-cases/pool/refresh-pool.ts';
import type { UseCaseContext } from '../apps/server/src/use-cases/context.ts';
import { median } from './support/stats.ts';
import { createUserRow, startBenchServer } from './support/server.ts';

/** The run before the fix (2026-12-01, load average 10.4, the middle of three runs); printed beside the live run. */
export const BEFORE: Record<string, number> = {
  'GET /api/forms/mine/history median of 15 (ms)': 1235,
  'home: me, then the three at once, median of 15 (ms)': 1388,
  'load average (1 min)': 10.4,
};

const OTHER_UNITS = 69;
const ROWS = 30;

function row(random: () => number, k: number): FormRow {
  const occ = Math.floor(random() * 1500);
  return {
    occupationCode: `4-${String(occ % 100).padStart(2, '0')}-${String(occ % 37).padStart(2, '0')}-${String(occ).padStart(2, '0')}`,
    occupationName: `职业${String(occ)}`,
    jobTypeName: occ % 5 === 0 ? `工种${String(k % 3)}` : '',
    standardName: `职业${String(occ)}`,
    standardVersion: '2020年版',
    inShortageCatalog: occ % 7 === 0,
    industries: ['人工智能', '生命健康'],
    expectedAssessments: 50 + Math.floor(random() * 1000),
    reason: '依据本市产业发展规划，需求旺盛，用工缺口大，需开展技能等级认定',
  };
}

/** One archived campaign of `year` with the unit and OTHER_UNITS more, through check, pool, review, notice, final list. */
async function seedPastCampaign(ctx: UseCaseContext, unitId: string, otherUnits: string[], year: number): Promise<void> {
  const db = ctx.db;
  const random = mulberry32(year);
  const at = new Date(`${String(year)}-10-01T10:00:00+08:00`);
  const [c] = await db
    .insert(campaigns)
    .values({
      year,
      title: `${String(year)}年度社会化职业技能等级认定职业（工种）征集`,
      docNo: `沪人社职〔${String(year)}〕${String(300 + (year % 100))}号`,
      issuer: '上海市人力资源和社会保障局',
      issueDate: `${String(year)}-09-01`,
      deadline: `${String(year)}-10-22`,
      status: 'closed',
      opensAt: at,
      createdAt: at,
      updatedAt: at,
    })
    .returning({ id: campaigns.id });
  const campaignId = c!.id;
  const all = [unitId, ...otherUnits];
  await db.insert(campaignUnits).values(all.map((u) => ({ campaignId, unitId: u })));
  const fs = await db
    .insert(forms)
    .values(
      all.map((u) => ({
        campaignId,
        unitId: u,
        status: 'accepted' as const,
        contactName: '经办人',
        contactPhone: '13912345678',
        lastVersionNumber: 1,
        submittedAt: at,
        acceptedAt: at,
        createdAt: at,
        updatedAt: at,
      })),
    )
    .returning({ id: forms.id });
  const rowsOf = fs.map(() => Array.from({ length: ROWS }, (_, k) => row(random, k)));
  await db.insert(formVersions).values(
    fs.map((f, i) => ({
      formId: f.id,
      number: 1,
      header: { contactName: '经办人', contactPhone: '13912345678', fillDate: null },
      rows: rowsOf[i]!,
      contentHash: `bench-${String(year)}-${String(i)}`,
      finalizedAt: at,
      submittedAt: at,
      scanMatch: 'matched' as const,
    })),
  );
  const current = fs.flatMap((f, i) => rowsOf[i]!.map((r, p) => ({ formId: f.id, priority: p + 1, ...r })));
  for (let k = 0; k < current.length; k += 1000) await db.insert(formRows).values(current.slice(k, k + 1000));
  const decisions = fs.flatMap((f) =>
    Array.from({ length: ROWS }, (_, i) => ({
      formId: f.id,
      versionNumber: 1,
      rowIndex: i,
      decision: i % 10 === 9 ? ('fail' as const) : ('pass' as const),
      reasonCode: i % 10 === 9 ? ('no_national_standard' as const) : null,
      reasonText: i % 10 === 9 ? '无对应国家职业标准' : '',
      decidedAt: at,
    })),
  );
  for (let k = 0; k < decisions.length; k += 1000) await db.insert(checkDecisions).values(decisions.slice(k, k + 1000));
  await refreshPool(ctx, campaignId);
  const pool = await db
    .select({ id: candidates.id, code: candidates.occupationCode, name: candidates.occupationName, job: candidates.jobTypeName })
    .from(candidates)
    .where(eq(candidates.campaignId, campaignId));
  const selected = pool.filter((_, i) => i % 2 === 0);
  const notSelected = pool.filter((_, i) => i % 2 === 1);
  await db
    .update(candidates)
    .set({ status: 'selected' })
    .where(
      inArray(
        candidates.id,
        selected.map((p) => p.id),
      ),
    );
  await db
    .update(candidates)
    .set({ status: 'not_selected', decisionReason: '专家评估认为需求不足' })
    .where(
      inArray(
        candidates.id,
        notSelected.map((p) => p.id),
      ),
    );
  const items = selected.map((p, i) => ({
    seq: i + 1,
    candidateId: p.id,
    occupationCode: p.code,
    occupationName: p.name,
    jobTypeName: p.job,
    standardName: p.name,
    standardVersion: '2020年版',
    industries: ['人工智能'],
    recommendingUnits: ['基准单位'],
  }));
  const [n] = await db
    .insert(notices)
    .values({ campaignId, title: '公示', startDate: `${String(year)}-12-01`, endDate: `${String(year)}-12-07`, status: 'published', items, publishedAt: at })
    .returning({ id: notices.id });
  await db.insert(finalLists).values({
    campaignId,
    noticeId: n!.id,
    items: items.slice(1),
    removed: [{ ...items[0]!, reason: '异议成立' }],
    hash: `bench-${String(year)}`,
    publishedAt: at,
  });
  await db
    .update(campaigns)
    .set({ status: 'archived' })
    .where(and(eq(campaigns.id, campaignId)));
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

export async function run(): Promise<Record<string, number | string>> {
  const server = await startBenchServer();
  try {
    const db = server.database.db;
    const ctx = await centerCtx(db);
    const [mine] = await db.insert(units).values({ name: '基准本单位', type: 'district' }).returning({ id: units.id });
    const others = await db
      .insert(units)
      .values(Array.from({ length: OTHER_UNITS }, (_, i) => ({ name: `基准单位${String(i)}`, type: 'industry' as const })))
      .returning({ id: units.id });
    for (let k = 0; k < 5; k++)
      await seedPastCampaign(
        ctx,
        mine!.id,
        others.map((o) => o.id),
        2019 + k,
      );
    const user = await createUserRow(db, 'unit', { unitId: mine!.id });
    const headers = await server.login(user.username);
    const get = async (url: string): Promise<number> => {
      const t = performance.now();
      const res = await fetch(`${server.url}${url}`, { headers });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url}: ${String(res.status)}`);
      return performance.now() - t;
    };
    const calls = ['/api/me', '/api/dashboard', '/api/forms/mine/history', '/api/notifications?limit=50'];
    const times: Record<string, number[]> = Object.fromEntries(calls.map((c) => [c, []]));
    const home: number[] = [];
    for (let i = 0; i < 16; i++) {
      for (const c of calls) {
        const ms = await get(c);
        if (i > 0) times[c]!.push(ms);
      }
      const t = performance.now();
      await get('/api/me');
      await Promise.all(calls.slice(1).map(get));
      if (i > 0) home.push(performance.now() - t);
    }
    const history = (await (await fetch(`${server.url}/api/forms/mine/history`, { headers })).json()) as { entries: { rows: unknown[] }[] };
    const figures: Record<string, number | string> = {
      'history entries × rows': `${String(history.entries.length)} × ${history.entries.map((e) => e.rows.length).join('/')}`,
      ...Object.fromEntries(calls.map((c) => [`GET ${c} median of 15 (ms)`, median(times[c]!)])),
      'home: me, then the three at once, median of 15 (ms)': median(home),
      'load average (1 min)': (await import('node:os')).loadavg()[0]!,
    };
    return { ...figures, ...Object.fromEntries(Object.entries(BEFORE).map(([k, v]) => [`before: ${k}`, v])) };
  } finally {
    await server.close();
  }
}
