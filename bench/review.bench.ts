// Issue 7: automatic assignment (60 experts, 300 candidates × 3, conflicts and caps) through the real use case, and the
// aggregation of 900 reviews over HTTP: p95 of the results route beside the trivial /api/ping in the same run.
import { DEFAULT_INDUSTRY_TAGS, mulberry32, systemClock } from '@zhengji/domain';
import { assignments, candidateUnits, candidates, experts, reviews, units } from '../apps/server/src/db/schema/index.ts';
import { autoAssign } from '../apps/server/src/use-cases/review/auto-assign.ts';
import { createReviewCampaignRow } from '../apps/server/test/review-factories.ts';
import { closedLoop } from './support/load.ts';
import { createUserRow, startBenchServer } from './support/server.ts';

/** Seeds 70 units, 300 candidates (1–4 recommending units), 60 experts (a third from units, caps 10/25, two unavailable). */
async function seed(db: Parameters<typeof createReviewCampaignRow>[0]) {
  const random = mulberry32(2024);
  const tags = DEFAULT_INDUSTRY_TAGS;
  const pickTag = () => tags[Math.floor(random() * tags.length)]!;
  const campaign = await createReviewCampaignRow(db);
  const unitRows = await db
    .insert(units)
    .values(Array.from({ length: 70 }, (_, i) => ({ name: `基准单位${String(i)}`, type: 'district' as const })))
    .returning({ id: units.id });
  const candRows = await db
    .insert(candidates)
    .values(
      Array.from({ length: 300 }, (_, i) => ({
        campaignId: campaign.id,
        occupationCode: `4-${String(10 + (i % 80))}-01-${String(i).padStart(3, '0')}`,
        occupationName: `职业${String(i)}`,
        industries: [pickTag(), pickTag()],
      })),
    )
    .returning({ id: candidates.id });
  const links = candRows.flatMap((c) => {
    const ids = new Set(Array.from({ length: 1 + Math.floor(random() * 4) }, () => unitRows[Math.floor(random() * 70)]!.id));
    return [...ids].map((unitId, p) => ({ candidateId: c.id, unitId, priority: p + 1 }));
  });
  await db.insert(candidateUnits).values(links);
  const expertRows = await db
    .insert(experts)
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        name: `专家${String(i)}`,
        organization: '某单位',
        unitId: i % 3 === 0 ? unitRows[Math.floor(random() * 70)]!.id : null,
        specialties: [pickTag()],
      })),
    )
    .returning({ id: experts.id });
  return { campaign, expertRows };
}

export async function run(): Promise<Record<string, number | string>> {
  const server = await startBenchServer();
  try {
    const db = server.database.db;
    const { campaign, expertRows } = await seed(db);
    const { campaignExperts } = await import('../apps/server/src/db/schema/index.ts');
    await db
      .insert(campaignExperts)
      .values(expertRows.map((e, i) => ({ campaignId: campaign.id, expertId: e.id, cap: i % 10 === 0 ? 10 : 25, available: i !== 7 && i !== 8 })));
    const user = await createUserRow(db, 'center');
    const ctx = {
      db,
      actor: { kind: 'user' as const, userId: user.id, username: user.username, role: 'center' as const, unitId: null },
      clock: systemClock,
      ip: '127.0.0.1',
      config: server.config,
      mailer: { send: async () => {} },
    };
    // Warm-up (JIT, prepared statements) on a small campaign of its own, then the measured run.
    const warm = await createReviewCampaignRow(db);
    await db.insert(candidates).values(
      Array.from({ length: 10 }, (_, i) => ({
        campaignId: warm.id,
        occupationCode: `6-01-01-${String(i).padStart(2, '0')}`,
        occupationName: `预热${String(i)}`,
      })),
    );
    await autoAssign(ctx, warm.id, { seed: 1 });
    const t0 = performance.now();
    const result = await autoAssign(ctx, campaign.id, { seed: 2024 });
    const assignMs = performance.now() - t0;
    const loads = Object.values(result.loads);

    const { eq } = await import('drizzle-orm');
    const rows = await db.select({ id: assignments.id }).from(assignments).where(eq(assignments.campaignId, campaign.id));
    const random = mulberry32(7);
    const opinions = ['agree', 'agree', 'disagree', 'undecided'] as const;
    for (let i = 0; i < rows.length; i += 300) {
      await db.insert(reviews).values(
        rows.slice(i, i + 300).map((a) => ({
          assignmentId: a.id,
          scores: {
            strategy: Math.floor(random() * 11),
            generality: Math.floor(random() * 11),
            suitability: random() < 0.1 ? null : Math.floor(random() * 11),
            demand: Math.floor(random() * 11),
          },
          opinion: opinions[Math.floor(random() * 4)]!,
          status: 'submitted' as const,
          submittedAt: new Date(),
        })),
      );
    }
    const headers = await server.login(user.username);
    const results = `${server.url}/api/campaigns/${campaign.id}/review/results`;
    const check = (await (await fetch(results, { headers })).json()) as { items: unknown[] };
    const ping = await closedLoop(() => fetch(`${server.url}/api/ping`, { headers }).then(async (r) => (await r.arrayBuffer(), r.ok)), 4, 4);
    const agg = await closedLoop(() => fetch(results, { headers }).then(async (r) => (await r.arrayBuffer(), r.ok)), 4, 8);
    return {
      benchmark: 'review: auto-assign 60 experts × 300 candidates × 3 (use case), aggregation of 900 reviews (API)',
      assignMs: Number(assignMs.toFixed(1)),
      assignBudgetMs: 1000,
      assignments: result.created,
      shortfalls: result.shortfalls.length,
      loadMin: Math.min(...loads),
      loadMax: Math.max(...loads),
      loadSpreadMaxMinusMin: Math.max(...loads) - Math.min(...loads),
      loadSpreadBelowCap: result.loadSpread,
      reviews: rows.length,
      resultItems: check.items.length,
      pingP95Ms: Number(ping.p95.toFixed(2)),
      pingRps: Math.round(ping.rps),
      resultsP50Ms: Number(agg.p50.toFixed(2)),
      resultsP95Ms: Number(agg.p95.toFixed(2)),
      resultsRps: Number(agg.rps.toFixed(1)),
      resultsErrors: agg.errors,
    };
  } finally {
    await server.close();
  }
}
