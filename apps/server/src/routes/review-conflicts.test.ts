import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCandidateRow, createExpertRow, createReviewCampaignRow } from '../../test/review-factories.ts';
import { assignments, auditLog, candidateUnits, reviews } from '../db/schema/index.ts';
import { recheckConflicts } from '../use-cases/review/recheck-conflicts.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const center = await loginAs(app, (await createUserRow(db, 'center')).username);
const score = (opinion: string, s = 8) => ({ scores: { strategy: s, generality: s, suitability: s, demand: s }, opinion, comment: `意见${opinion}` });
const CONFLICT = '您所在单位“上海市回避测试局”推荐了该候选职业，按回避规定您不能再查看或评审；您此前的评审不计入结果，市职鉴中心将另行安排专家';

type ResultItem = {
  id: string;
  assigned: number;
  submitted: number;
  weightedMean: number | null;
  opinions: Record<string, number>;
  reviews: { expertName: string }[];
  conflicts: { assignmentId: string; expertName: string; reviewStatus: string | null }[];
};

/** A candidate recommended by 上海市回避测试局, reviewed (submitted) by three experts of no unit. */
async function reviewedCandidate(unitName = '上海市回避测试局') {
  const c = await createReviewCampaignRow(db);
  const unit = await createUnitRow(db, { name: unitName });
  const cand = await createCandidateRow(db, c.id, { units: [{ unitId: unit.id, priority: 1 }], occupationName: '养老护理员' });
  const experts = await Promise.all(['甲专家', '乙专家', '丙专家'].map((name) => createExpertRow(db, { name })));
  const ids: string[] = [];
  for (const e of experts) {
    const res = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/assignments`,
      payload: { candidateId: cand.id, expertId: e.expert.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id as string);
  }
  const sessions = await Promise.all(experts.map((e) => loginAs(app, e.user!.username)));
  for (const [i, s] of sessions.entries()) {
    const res = await s.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: score('agree', i === 0 ? 2 : 8) });
    expect(res.statusCode, res.body).toBe(200);
  }
  return { c, unit, cand, experts, ids, sessions };
}

const resultOf = async (campaignId: string, candidateId: string) =>
  ((await center.inject({ method: 'GET', url: `/api/campaigns/${campaignId}/review/results` })).json().items as ResultItem[]).find(
    (i) => i.id === candidateId,
  )!;

/** The center moves an expert to a unit through the API, keeping the other fields. */
async function moveExpert(expert: { id: string; name: string; organization: string }, unitId: string) {
  return center.inject({ method: 'PUT', url: `/api/experts/${expert.id}`, payload: { name: expert.name, organization: expert.organization, unitId } });
}

describe('conflict of interest (回避) arising after assignment', () => {
  it('refuses the expert, leaves their review out of the results until the center reassigns, and shows the conflict', async () => {
    const { c, unit, cand, experts, ids, sessions } = await reviewedCandidate();
    const before = await resultOf(c.id, cand.id);
    expect(before).toMatchObject({ assigned: 3, submitted: 3, conflicts: [] });
    expect(before.weightedMean).toBeCloseTo((2 + 8 + 8) / 3);

    const moved = await moveExpert(experts[0]!.expert, unit.id);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ conflictsFlagged: 1, expert: { unitName: '上海市回避测试局' } });

    // The expert can neither open nor score the candidate; their submitted review is untouched.
    const [reviewBefore] = await db.select().from(reviews).where(eq(reviews.assignmentId, ids[0]!));
    const open = await sessions[0]!.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` });
    expect(open.statusCode).toBe(403);
    expect(open.json().message).toBe(CONFLICT);
    const save = await sessions[0]!.inject({ method: 'PUT', url: `/api/review/candidates/${cand.id}/review`, payload: score('disagree', 1) });
    expect(save.statusCode).toBe(403);
    expect(save.json().message).toBe(CONFLICT);
    const submit = await sessions[0]!.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: score('disagree', 1) });
    expect(submit.statusCode).toBe(403);
    expect(submit.json().message).toBe(CONFLICT);
    const [reviewAfter] = await db.select().from(reviews).where(eq(reviews.assignmentId, ids[0]!));
    expect(reviewAfter).toEqual(reviewBefore);
    const denied = await db.select().from(auditLog).where(eq(auditLog.objectId, cand.id));
    expect(
      denied
        .filter((a) => a.result === 'denied')
        .map((a) => a.action)
        .sort(),
    ).toEqual(['review.save', 'review.submit', 'review.view']);

    // Their worklist marks it and does not count it.
    const my = (await sessions[0]!.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/my` })).json();
    expect(my.items).toEqual([expect.objectContaining({ candidateId: cand.id, conflicted: true })]);
    expect(my.progress).toEqual({ total: 0, submitted: 0, drafts: 0, conflicted: 1 });
    expect(my.conflictReason).toBe(CONFLICT);
    const other = (await sessions[1]!.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/my` })).json();
    expect(other.items[0].conflicted).toBe(false);
    expect(other.conflictReason).toBeNull();

    // The results leave the review out and name the conflict; the board shows it; a decision waits.
    const flagged = await resultOf(c.id, cand.id);
    expect(flagged).toMatchObject({ assigned: 2, submitted: 2, opinions: { agree: 2, disagree: 0, undecided: 0 } });
    expect(flagged.weightedMean).toBeCloseTo(8);
    expect(flagged.reviews.map((r) => r.expertName).sort()).toEqual(['丙专家', '乙专家']);
    expect(flagged.conflicts).toEqual([{ assignmentId: ids[0], expertName: '甲专家', reviewStatus: 'submitted' }]);
    const board = (await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review` })).json();
    const onBoard = board.candidates.find((x: { id: string }) => x.id === cand.id).assignments as { expertName: string; conflictFlag: boolean }[];
    expect(onBoard.map((a) => [a.expertName, a.conflictFlag]).sort()).toEqual([
      ['丙专家', false],
      ['乙专家', false],
      ['甲专家', true],
    ]);
    const reopen = await center.inject({ method: 'POST', url: `/api/review/reviews/${reviewBefore!.id}/reopen` });
    expect(reopen.statusCode).toBe(409);
    expect(reopen.json().message).toBe('该专家须回避，其评审不计入结果，不能退回修改；请更换该专家');
    const decide = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/decisions`,
      payload: { candidates: [{ id: cand.id, version: 1 }], decision: 'selected' },
    });
    expect(decide.statusCode).toBe(409);
    expect(decide.json().message).toBe(`“养老护理员 ${cand.occupationCode}”有专家须回避的评审分配尚未处理，请先移除或更换该专家后再作决定`);

    // Reassigned: the results count the new expert only, the old one no longer sees the candidate.
    const fresh = await createExpertRow(db, { name: '丁专家' });
    const re = await center.inject({ method: 'POST', url: `/api/review/assignments/${ids[0]!}/reassign`, payload: { expertId: fresh.expert.id } });
    expect(re.statusCode, re.body).toBe(200);
    const waiting = await resultOf(c.id, cand.id);
    expect(waiting).toMatchObject({ assigned: 3, submitted: 2, conflicts: [] });
    const s4 = await loginAs(app, fresh.user!.username);
    expect((await s4.inject({ method: 'POST', url: `/api/review/candidates/${cand.id}/review/submit`, payload: score('agree', 5) })).statusCode).toBe(200);
    const after = await resultOf(c.id, cand.id);
    expect(after).toMatchObject({ assigned: 3, submitted: 3, conflicts: [], opinions: { agree: 3, disagree: 0, undecided: 0 } });
    expect(after.reviews.map((r) => r.expertName).sort()).toEqual(['丁专家', '丙专家', '乙专家']);
    expect(after.weightedMean).toBeCloseTo((8 + 8 + 5) / 3);
    const gone = await sessions[0]!.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().message).toBe('该候选职业不存在，或未分配给您评审');
    const ok = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/decisions`,
      payload: { candidates: [{ id: cand.id, version: 1 }], decision: 'selected' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('lifts the conflict when the unit changes back; other reviewers never see a conflicted review', async () => {
    const { c, unit, cand, experts, ids, sessions } = await reviewedCandidate('上海市另一回避测试局');
    const elsewhere = await createUnitRow(db);
    await moveExpert(experts[1]!.expert, unit.id);
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/round/close` });
    const seen = (await sessions[0]!.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).json();
    expect(seen.otherReviews.map((r: { expertName: string }) => r.expertName)).toEqual(['丙专家']);
    const back = await moveExpert(experts[1]!.expert, elsewhere.id);
    expect(back.json().conflictsFlagged).toBe(0);
    const [row] = await db.select().from(assignments).where(eq(assignments.id, ids[1]!));
    expect(row!.conflictFlag).toBe(false);
    expect((await sessions[1]!.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).statusCode).toBe(200);
    expect(await resultOf(c.id, cand.id)).toMatchObject({ assigned: 3, submitted: 3, conflicts: [] });
  });

  it('leaves a conflicted assignment out of the score sheet and of the reminders', async () => {
    const c = await createReviewCampaignRow(db);
    const unit = await createUnitRow(db);
    const cand = await createCandidateRow(db, c.id, { units: [{ unitId: unit.id, priority: 1 }] });
    const e = await createExpertRow(db, { name: '戊专家' });
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/assignments`, payload: { candidateId: cand.id, expertId: e.expert.id } });
    await moveExpert(e.expert, unit.id);
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/remind` })).json()).toEqual({ reminded: 0 });
    const sheet = await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/experts/${e.expert.id}/score-sheet?format=docx` });
    expect(sheet.statusCode).toBe(200);
  });

  it('refuses the expert the same way when the pool (refresh, merge) makes their unit a recommender', async () => {
    const c = await createReviewCampaignRow(db);
    const theirs = await createUnitRow(db, { name: '上海市合并回避测试局' });
    const cand = await createCandidateRow(db, c.id);
    const e = await createExpertRow(db, { unitId: theirs.id, name: '己专家' });
    await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/assignments`, payload: { candidateId: cand.id, expertId: e.expert.id } });
    const s = await loginAs(app, e.user!.username);
    expect((await s.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` })).statusCode).toBe(200);
    await db.insert(candidateUnits).values({ candidateId: cand.id, unitId: theirs.id, priority: 2 });
    await db.transaction((tx) => recheckConflicts(tx, cand.id));
    const res = await s.inject({ method: 'GET', url: `/api/review/candidates/${cand.id}` });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toBe(
      '您所在单位“上海市合并回避测试局”推荐了该候选职业，按回避规定您不能再查看或评审；您此前的评审不计入结果，市职鉴中心将另行安排专家',
    );
  });
});
