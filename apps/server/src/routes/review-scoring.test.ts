import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCandidateRow, createExpertRow, createReviewCampaignRow } from '../../test/review-factories.ts';
import { auditLog } from '../db/schema/index.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const center = await loginAs(app, (await createUserRow(db, 'center')).username);
const FULL = { scores: { strategy: 9, generality: 8, suitability: null, demand: 7 }, opinion: 'agree', comment: '建议入选' };

async function setup() {
  const c = await createReviewCampaignRow(db);
  const unit = await createUnitRow(db, { name: `市评分测试委${Math.random().toString(36).slice(2, 7)}` });
  const cand = await createCandidateRow(db, c.id, { units: [{ unitId: unit.id, priority: 2 }], occupationName: '养老护理员' });
  const e1 = await createExpertRow(db);
  const e2 = await createExpertRow(db);
  for (const e of [e1, e2])
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/assignments`, payload: { candidateId: cand.id, expertId: e.expert.id } });
  return { c, unit, cand, s1: await loginAs(app, e1.user!.username), s2: await loginAs(app, e2.user!.username), e1 };
}

describe('expert scoring', () => {
  it('answers 401 and 403 (a unit user; the center cannot score)', async () => {
    const { cand } = await setup();
    expect((await app.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: {} })).statusCode).toBe(401);
    const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await unit.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).statusCode).toBe(403);
    expect((await center.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: {} })).statusCode).toBe(403);
  });

  it('shows an assigned candidate with what the units wrote and the criteria; another candidate is 404 and audited', async () => {
    const { c, cand, s1, unit } = await setup();
    const res = await s1.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.candidate).toMatchObject({ occupationName: '养老护理员', standardName: '养老护理员', expectedAssessments: 300 });
    expect(body.units).toEqual([expect.objectContaining({ unitName: unit.name, priority: 2, expectedAssessments: 300 })]);
    expect(body.round.criteria.map((x: { name: string }) => x.name)).toEqual([
      '契合国家战略与本市重点产业',
      '社会通用性',
      '专业性与适合社会化评价',
      '未来三年评价需求',
    ]);
    expect(body.abilities.saveReview).toBe(true);
    const other = await createCandidateRow(db, c.id);
    const denied = await s1.inject({ method: 'GET', url: `/api/review/candidates/${other.id}` });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().message).toBe('该候选职业不存在，或未分配给您评审');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, other.id), eq(auditLog.result, 'denied')));
    expect(audit).toHaveLength(1);
    const my = (await s1.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/my` })).json();
    expect(my.items.map((i: { candidateId: string }) => i.candidateId)).toEqual([cand.id]);
  });

  it('refuses scores out of range or not numbers, naming the criterion, and an incomplete submission', async () => {
    const { cand, s1 } = await setup();
    const high = await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: { scores: { generality: 11 } } });
    expect(high.statusCode).toBe(400);
    expect(high.json().message).toBe('字段“社会通用性”：评分须为0～10之间的数字，不适用的请选择“不适用”');
    const text = await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: { scores: { strategy: '很好' } } });
    expect(text.json().message).toBe('字段“契合国家战略与本市重点产业”：评分须为0～10之间的数字，不适用的请选择“不适用”');
    const unknown = await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: { scores: { nope: 3 } } });
    expect(unknown.json().message).toBe('评审指标“nope”不存在，请刷新页面后重试');
    const incomplete = await s1.inject({
      method: 'POST',
      url: `/api/review/candidates/${cand.id}/review/submit`,
      payload: { scores: { strategy: 5 }, opinion: 'agree' },
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().message).toBe(
      '请为“社会通用性”评分，或选择“不适用”；请为“专业性与适合社会化评价”评分，或选择“不适用”；请为“未来三年评价需求”评分，或选择“不适用”',
    );
    const noOpinion = await s1.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: { ...FULL, opinion: undefined } });
    expect(noOpinion.json().message).toBe('请选择意见：同意、不同意或待议');
  });

  it('saves drafts, submits and locks; hides other scores until the round closes; the center reopens', async () => {
    const { c, cand, s1, s2 } = await setup();
    const draft = await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: { scores: { strategy: 9 }, comment: '先存' } });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', scores: { strategy: 9 } });
    const sub = await s1.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: FULL });
    expect(sub.json()).toMatchObject({ status: 'submitted', opinion: 'agree' });
    const locked = await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: FULL });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().message).toBe('您已提交对该候选职业的评审，不能再修改；如需修改请联系市职鉴中心退回');
    await s2.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: { ...FULL, opinion: 'disagree' } });
    expect((await s2.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).json().otherReviews).toEqual([]);
    const reopened = await center.inject({ method: 'POST', url: `/api/review/reviews/${sub.json().id}/reopen` });
    expect(reopened.json().status).toBe('draft');
    expect((await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: FULL })).statusCode).toBe(200);
    await s1.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: FULL });
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/round/close` });
    const after = (await s2.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).json();
    expect(after.otherReviews).toHaveLength(1);
    expect(after.otherReviews[0].weightedScore).toBeCloseTo((9 * 30 + 8 * 25 + 7 * 20) / 75);
    const closed = await s2.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: FULL });
    expect(closed.statusCode).toBe(409);
  });

  it('refuses scoring after the deadline of the round', async () => {
    const { c, cand, s1 } = await setup();
    await center.inject({ method: 'PUT', url: `/api/campaigns/${c.id}/review/round`, payload: { deadline: '2024-10-07' } });
    const late = await s1.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: FULL });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('评审截止时间（2024年10月7日）已过，不能再修改评分；如需调整请联系市职鉴中心');
  });
});
