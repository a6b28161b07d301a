import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { loginAs } from '../../test/auth.ts';
import { createCandidateRow } from '../../test/review-factories.ts';
import { campaigns, units, users } from '../db/schema/index.ts';
import { seedDemo } from './seed-demo.ts';

const { app, db, clock } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const accounts = await seedDemo(db, clock, null);
const password = (username: string) => accounts.find((a) => a.username === username)!.password;
const score = { scores: { strategy: 8, generality: 7, suitability: 9, demand: 8 }, opinion: 'agree', comment: '需求明确，适合社会化评价' };

describe('demo seed', () => {
  it('puts expert1–3 in the expert pool, linked to their accounts, with specialties, organizations and e-mail addresses', async () => {
    const center = await loginAs(app, 'center', password('center'));
    const pool = (await center.inject({ method: 'GET', url: '/api/experts' })).json() as Record<string, unknown>[];
    expect(pool.map((e) => [e.username, e.name, e.email])).toEqual([
      ['expert1', '王专家', 'expert1@example.com'],
      ['expert2', '李专家', 'expert2@example.com'],
      ['expert3', '张专家', 'expert3@example.com'],
    ]);
    for (const e of pool) {
      expect(e).toMatchObject({ active: true, unitId: null, userId: expect.any(String) });
      expect((e.organization as string).length).toBeGreaterThan(0);
      expect((e.specialties as string[]).length).toBeGreaterThan(0);
    }
    expect((await center.inject({ method: 'GET', url: '/api/experts/linkable-accounts' })).json()).toEqual([]);
    const me = (await (await loginAs(app, 'expert1', password('expert1'))).inject({ method: 'GET', url: '/api/me' })).json();
    expect(me).toMatchObject({ role: 'expert' });
    const [account] = await db.select().from(users).where(eq(users.username, 'expert1'));
    expect(account!.email).toBe('expert1@example.com');
  });

  it('lets the demo accounts walk the review: the center assigns automatically, the demo experts score, the center decides', async () => {
    const [campaign] = await db.select().from(campaigns);
    // The call's earlier phases (forms, material check, pool) are walked elsewhere; here the campaign enters the review.
    await db.update(campaigns).set({ status: 'reviewing' }).where(eq(campaigns.id, campaign!.id));
    const [pudong] = await db.select().from(units).where(eq(units.name, '浦东新区人力资源和社会保障局'));
    const cand = await createCandidateRow(db, campaign!.id, {
      units: [{ unitId: pudong!.id, priority: 1 }],
      occupationCode: '4-10-01-05',
      occupationName: '养老护理员',
    });
    const center = await loginAs(app, 'center', password('center'));
    const auto = await center.inject({ method: 'POST', url: `/api/campaigns/${campaign!.id}/review/auto-assign`, payload: {} });
    expect(auto.statusCode, auto.body).toBe(200);
    expect(auto.json()).toMatchObject({ created: 3, shortfalls: [] });
    for (const username of ['expert1', 'expert2', 'expert3']) {
      const s = await loginAs(app, username, password(username));
      const my = (await s.inject({ method: 'GET', url: `/api/campaigns/${campaign!.id}/review/my` })).json();
      expect(my.items.map((i: { candidateId: string }) => i.candidateId)).toEqual([cand.id]);
      const res = await s.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: score });
      expect(res.statusCode, res.body).toBe(200);
    }
    const results = (await center.inject({ method: 'GET', url: `/api/campaigns/${campaign!.id}/review/results` })).json();
    expect(results.items[0]).toMatchObject({ id: cand.id, assigned: 3, submitted: 3, proposal: 'selected' });
    const decided = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign!.id}/review/decisions`,
      payload: { candidates: [{ id: cand.id, version: results.items[0].version }], decision: 'selected' },
    });
    expect(decided.statusCode, decided.body).toBe(200);
  });
});
