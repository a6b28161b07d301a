import { mkdirSync, writeFileSync } from 'node:fs';
import { decisionRefusal } from '@zhengji/domain';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCandidateRow, createExpertRow, createReviewCampaignRow } from '../../test/review-factories.ts';
import { candidateUnits, candidates } from '../db/schema/index.ts';
import { recheckConflicts } from '../use-cases/review/recheck-conflicts.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const center = await loginAs(app, (await createUserRow(db, 'center')).username);
const center2 = await loginAs(app, (await createUserRow(db, 'center')).username);
const score = (opinion: string, s = 8) => ({ scores: { strategy: s, generality: s, suitability: null, demand: s }, opinion, comment: `意见${opinion}` });

/** A campaign with two candidates reviewed by three experts: 同意×3 for the first, split for the second. */
async function reviewed() {
  const c = await createReviewCampaignRow(db);
  const a = await createCandidateRow(db, c.id, { occupationName: '养老护理员' });
  const b = await createCandidateRow(db, c.id, { occupationName: '家政服务员' });
  const experts = await Promise.all([1, 2, 3].map((i) => createExpertRow(db, { name: `评审专家${String(i)}` })));
  for (const e of experts) {
    for (const cand of [a, b])
      await center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/assignments`, payload: { candidateId: cand.id, expertId: e.expert.id } });
  }
  const opinionsB = ['agree', 'disagree', 'undecided'];
  for (const [i, e] of experts.entries()) {
    const s = await loginAs(app, e.user!.username);
    await s.inject({ method: 'POST', url: `/api/review/candidates/${a.id}/review/submit`, payload: score('agree', 8 + (i % 2)) });
    await s.inject({ method: 'POST', url: `/api/review/candidates/${b.id}/review/submit`, payload: score(opinionsB[i]!, 5) });
  }
  return { c, a, b, experts };
}

describe('aggregation and decisions', () => {
  it('answers 401, 403 to an expert, 400 for a not-selected decision without reason', async () => {
    const c = await createReviewCampaignRow(db);
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/results` })).statusCode).toBe(401);
    const { user } = await createExpertRow(db);
    const expert = await loginAs(app, user!.username);
    expect((await expert.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/results` })).statusCode).toBe(403);
    const cand = await createCandidateRow(db, c.id);
    const res = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/decisions`,
      payload: { candidates: [{ id: cand.id, version: 1 }], decision: 'not_selected' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('决定“不入选”须填写理由');
  });

  it('aggregates weighted means, opinions, agree share, disagreement and proposals; decides in bulk', async () => {
    const { c, a, b } = await reviewed();
    const res = await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/results` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as {
      id: string;
      version: number;
      weightedMean: number;
      agreeShare: number;
      disagreement: boolean;
      proposal: string;
      opinions: Record<string, number>;
    }[];
    const ra = items.find((i) => i.id === a.id)!;
    const rb = items.find((i) => i.id === b.id)!;
    expect(ra).toMatchObject({ agreeShare: 1, disagreement: false, proposal: 'selected' });
    expect(ra.weightedMean).toBeCloseTo((8 + 9 + 8) / 3);
    expect(rb).toMatchObject({ opinions: { agree: 1, disagree: 1, undecided: 1 }, disagreement: true, proposal: 'not_selected' });
    const bulk = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/decisions`,
      payload: { candidates: [{ id: a.id, version: ra.version }], decision: 'selected' },
    });
    expect(bulk.json()).toEqual({ decided: 1 });
    const no = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/decisions`,
      payload: { candidates: [{ id: b.id, version: rb.version }], decision: 'not_selected', reason: '专家意见分歧，社会通用性不足' },
    });
    expect(no.statusCode).toBe(200);
    const [row] = await db.select().from(candidates).where(eq(candidates.id, b.id));
    expect(row).toMatchObject({ status: 'not_selected', decisionReason: '专家意见分歧，社会通用性不足' });
  });

  it('lets one of two concurrent center users win; the other gets 409', async () => {
    const { c, a } = await reviewed();
    const payload = { candidates: [{ id: a.id, version: 1 }], decision: 'selected' };
    const [r1, r2] = await Promise.all([
      center.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/decisions`, payload }),
      center2.inject({ method: 'POST', url: `/api/campaigns/${c.id}/review/decisions`, payload: { ...payload, decision: 'not_selected', reason: '不同意' } }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().message).toBe('“养老护理员 ' + a.occupationCode + '”已被他人修改或决定，请刷新后重新确认');
  });

  it('blocks the decision while a flagged 回避 conflict is unresolved', async () => {
    const { c, a, experts } = await reviewed();
    const unit = await createUnitRow(db);
    await db
      .update((await import('../db/schema/index.ts')).experts)
      .set({ unitId: unit.id })
      .where(eq((await import('../db/schema/index.ts')).experts.id, experts[0]!.expert.id));
    await db.insert(candidateUnits).values({ candidateId: a.id, unitId: unit.id, priority: 1 });
    await db.transaction((tx) => recheckConflicts(tx, a.id));
    const res = await center.inject({
      method: 'POST',
      url: `/api/campaigns/${c.id}/review/decisions`,
      payload: { candidates: [{ id: a.id, version: 1 }], decision: 'selected' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe(`“养老护理员 ${a.occupationCode}”有专家须回避的评审分配尚未处理，请先移除或更换该专家后再作决定`);
    const results = (await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/results` })).json();
    const item = results.items.find((i: { id: string }) => i.id === a.id);
    expect(item.conflicts).toHaveLength(1);
    // The results carry what the page needs to say so before the decision dialog, in the refusal's words.
    expect(decisionRefusal([item])).toBe(res.json().message);
  });

  it('exports the score sheet (Word, PDF) and the summary (Excel, Word); an expert only their own sheet', async () => {
    const { c, experts } = await reviewed();
    const id = experts[0]!.expert.id;
    const pdf = await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/experts/${id}/score-sheet?format=pdf` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/experts/${id}/score-sheet?format=docx` });
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xlsx = await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/summary?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const word = await center.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/summary?format=docx` });
    expect(word.statusCode).toBe(200);
    const own = await loginAs(app, experts[0]!.user!.username);
    expect((await own.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/experts/${id}/score-sheet` })).statusCode).toBe(200);
    expect((await own.inject({ method: 'GET', url: `/api/campaigns/${c.id}/review/experts/${experts[1]!.expert.id}/score-sheet` })).statusCode).toBe(403);
    if (process.env.REVIEW_DOCS_DIR) {
      mkdirSync(process.env.REVIEW_DOCS_DIR, { recursive: true });
      writeFileSync(`${process.env.REVIEW_DOCS_DIR}/score-sheet.pdf`, pdf.rawPayload);
      writeFileSync(`${process.env.REVIEW_DOCS_DIR}/score-sheet.docx`, docx.rawPayload);
      writeFileSync(`${process.env.REVIEW_DOCS_DIR}/summary.xlsx`, xlsx.rawPayload);
      writeFileSync(`${process.env.REVIEW_DOCS_DIR}/summary.docx`, word.rawPayload);
    }
  }, 120_000);
});
