import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCandidateRow, createExpertRow, createReviewCampaignRow } from '../../test/review-factories.ts';
import { assignments, auditLog, candidateUnits, notifications, outbox, reviews } from '../db/schema/index.ts';
import { recheckConflicts } from '../use-cases/review/recheck-conflicts.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const center = await loginAs(app, (await createUserRow(db, 'center')).username);

describe('/api/campaigns/:id/review (assignment)', () => {
  it('answers 401, 403 to an expert, 400 for a malformed id', async () => {
    const c = await createReviewCampaignRow(db);
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review` })).statusCode).toBe(401);
    const { user } = await createExpertRow(db);
    const expert = await loginAs(app, user!.username);
    expect((await expert.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/auto-assign`, payload: {} })).statusCode).toBe(403);
    const bad = await center.inject({ method: 'GET', url: '/api/campaigns/nope/review' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('征集活动编号格式不正确');
  });

  it('assigns N experts per candidate automatically, never an expert of a recommending unit, and notifies them', async () => {
    const c = await createReviewCampaignRow(db, { reviewersPerCandidate: 3 });
    const unitA = await createUnitRow(db);
    const conflicted = await createExpertRow(db, { unitId: unitA.id, name: '甲单位专家' });
    const others = await Promise.all([1, 2, 3, 4].map(() => createExpertRow(db, { specialties: ['养老护理'] })));
    const cands = await Promise.all([1, 2, 3, 4].map(() => createCandidateRow(db, c.id, { units: [{ unitId: unitA.id, priority: 1 }] })));
    const res = await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/auto-assign`, payload: { seed: 42 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ seed: 42, created: 12, shortfalls: [] });
    const rows = await db.select().from(assignments).where(eq(assignments.campaignId, c.id));
    expect(rows).toHaveLength(12);
    expect(rows.some((r) => r.expertId === conflicted.expert.id)).toBe(false);
    const loads = others.map((o) => rows.filter((r) => r.expertId === o.expert.id).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    const notes = await db.select().from(notifications).where(eq(notifications.userId, others[0]!.user!.id));
    expect(notes[0]?.title).toBe('您有新的评审任务');
    expect((await db.select().from(outbox)).length).toBeGreaterThan(0);
    const board = (await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review` })).json();
    expect(board.round.assignmentSeed).toBe('42');
    expect(board.candidates).toHaveLength(4);
    expect(board.candidates[0].assignments).toHaveLength(3);
    void cands;
  });

  it('draws a panel reproducibly from its seed, and assigns from the drawn panel only', async () => {
    const c = await createReviewCampaignRow(db, { reviewersPerCandidate: 2 });
    const pool = await Promise.all([1, 2, 3, 4, 5].map(() => createExpertRow(db)));
    await createCandidateRow(db, c.id);
    const first = (await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/draw`, payload: { panelSize: 3, seed: 7 } })).json();
    const again = (await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/draw`, payload: { panelSize: 3, seed: 7 } })).json();
    expect(first.drawn).toHaveLength(3);
    expect(again.drawn).toEqual(first.drawn);
    const tooMany = await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/draw`, payload: { panelSize: 500 } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().message).toMatch(/^可参加评审的专家只有\d+名，少于抽取人数500名/);
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/auto-assign`, payload: {} });
    const rows = await db.select().from(assignments).where(eq(assignments.campaignId, c.id));
    expect(rows.every((r) => first.drawn.includes(r.expertId))).toBe(true);
    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'review.draw'), eq(auditLog.objectId, c.id)));
    expect((audit!.changes as { seed: number }).seed).toBe(7);
    void pool;
  });

  it('refuses a manual assignment of a conflicted expert naming the unit; remove keeps the draft; reassign', async () => {
    const c = await createReviewCampaignRow(db);
    const unitA = await createUnitRow(db, { name: '上海市测试回避委员会' });
    const cand = await createCandidateRow(db, c.id, { units: [{ unitId: unitA.id, priority: 2 }] });
    const bad = await createExpertRow(db, { unitId: unitA.id, name: '回避专家' });
    const good = await createExpertRow(db, { name: '合格专家' });
    const other = await createExpertRow(db, { name: '替换专家' });
    const refused = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/assignments`,
      payload: { candidateId: cand.id, expertId: bad.expert.id },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('专家“回避专家”所在单位“上海市测试回避委员会”推荐了该候选职业，须回避，不能分配；请选择其他专家');
    const ok = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/assignments`,
      payload: { candidateId: cand.id, expertId: good.expert.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const twice = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/assignments`,
      payload: { candidateId: cand.id, expertId: good.expert.id },
    });
    expect(twice.json().message).toBe('专家“合格专家”已分配评审该候选职业');
    const expert = await loginAs(app, good.user!.username);
    await expert.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: { scores: { strategy: 8 }, comment: '草稿意见' } });
    const removed = await center.inject({ method: 'DELETE', url: `/api/review/assignments/${ok.json().id}` });
    expect(removed.json()).toEqual({ keptReview: 'draft' });
    const [draft] = await db.select().from(reviews).where(eq(reviews.assignmentId, ok.json().id));
    expect(draft?.comment).toBe('草稿意见');
    const board = (await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review` })).json();
    expect(board.candidates[0].assignments[0]).toMatchObject({ expertName: '合格专家', status: 'removed', reviewStatus: 'draft' });
    expect((await expert.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).statusCode).toBe(404);
    const again = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/assignments`,
      payload: { candidateId: cand.id, expertId: other.expert.id },
    });
    const re = await center.inject({ method: 'POST', url: `/api/review/assignments/${again.json().id}/reassign`, payload: { expertId: bad.expert.id } });
    expect(re.statusCode).toBe(409);
    const re2 = await center.inject({ method: 'POST', url: `/api/review/assignments/${again.json().id}/reassign`, payload: { expertId: good.expert.id } });
    expect(re2.statusCode, re2.body).toBe(200);
  });

  it('flags an assignment when a pool merge makes the expert a recommender (recheckConflicts)', async () => {
    const c = await createReviewCampaignRow(db);
    const unitB = await createUnitRow(db);
    const cand = await createCandidateRow(db, c.id);
    const e = await createExpertRow(db, { unitId: unitB.id });
    const a = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/assignments`,
      payload: { candidateId: cand.id, expertId: e.expert.id },
    });
    await db.insert(candidateUnits).values({ candidateId: cand.id, unitId: unitB.id, priority: 3 });
    const flagged = await db.transaction((tx) => recheckConflicts(tx, cand.id));
    expect(flagged).toEqual([a.json().id]);
    const board = (await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review` })).json();
    expect(board.candidates[0].assignments[0].conflictFlag).toBe(true);
  });

  it('sets availability, cap, criteria and deadline; closes and reopens the round; reminds once a day', async () => {
    const c = await createReviewCampaignRow(db);
    const e = await createExpertRow(db);
    const cand = await createCandidateRow(db, c.id);
    const cap = await center.inject({ method: 'PUT', url: `/api/campaigns/${c.id}/review/panel/${e.expert.id}`, payload: { available: true, cap: -1 } });
    expect(cap.statusCode).toBe(400);
    expect(cap.json().message).toBe('评审上限不能小于0');
    expect(
      (await center.inject({ method: 'PUT', url: `/api/campaigns/${c.id}/review/panel/${e.expert.id}`, payload: { available: true, cap: 5 } })).statusCode,
    ).toBe(204);
    const settings = await center.inject({
      method: 'PUT',
      url: `/api/campaigns/${c.id}/review/round`,
      payload: {
        deadline: '2024-11-15',
        criteria: [
          { id: 'a', name: '指标甲', weight: 60 },
          { id: 'b', name: '指标乙', weight: 40 },
        ],
      },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ deadline: '2024-11-15', closed: false });
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/assignments`, payload: { candidateId: cand.id, expertId: e.expert.id } });
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/remind` })).json()).toEqual({ reminded: 1 });
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/remind` })).json()).toEqual({ reminded: 0 });
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/round/close` })).json().closed).toBe(true);
    const twice = await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/round/close` });
    expect(twice.json().message).toBe('本轮评审已经结束');
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/round/reopen` })).json().closed).toBe(false);
  });

  it('refuses assignment before the call has closed', async () => {
    const c = await createReviewCampaignRow(db, { status: 'open' });
    const res = await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/auto-assign`, payload: {} });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('征集活动处于“征集中”阶段，只有截止征集后、公示前才能进行专家评估');
  });
});
