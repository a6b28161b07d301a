import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { AI_LABELER, AI_TRAINER, ELDER_CARE, REFERENCE_DIR, openCampaignRow, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { campaigns, candidateUnits } from '../db/schema/index.ts';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

async function accept(c: Session, formId: string, fail: number[] = []) {
  const { version } = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
  const decided = await c.inject({
    method: 'PUT',
    url: `/api/checks/${formId}/decisions`,
    payload: { version, decisions: fail.map((rowIndex) => ({ rowIndex, decision: 'fail', reasonCode: 'already_offered' })) },
  });
  const res = await c.inject({ method: 'POST', url: `/api/checks/${formId}/accept`, payload: { version: decided.json().version } });
  expect(res.statusCode, res.body).toBe(200);
}

describe('candidate pool', () => {
  it('builds from passed rows of accepted forms, flags overlaps, merges and splits, exports Excel', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const a = await unitWithUser(app, db);
    const b = await unitWithUser(app, db, { type: 'industry' });
    const campaign = await openCampaignRow(db, [a.unit.id, b.unit.id]);
    const fa = await submitAsUnit(a.s, campaign.id, [ELDER_CARE, AI_TRAINER]);
    const fb = await submitAsUnit(b.s, campaign.id, [AI_LABELER, ELDER_CARE]);
    const c = await loginAs(app, (await createUserRow(db, 'center')).username);
    expect((await app.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/refresh` })).statusCode).toBe(401);
    expect((await a.s.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/refresh` })).statusCode).toBe(403);
    await accept(c, fa);
    await accept(c, fb, [1]);
    const refreshed = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/refresh` });
    expect(refreshed.json()).toEqual({ candidates: 3, overlaps: 1 });
    let pool = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/pool` })).json();
    const elder = pool.candidates.find((x: { occupationCode: string }) => x.occupationCode === '4-10-01-05');
    expect(elder.units.map((u: { unitId: string }) => u.unitId)).toEqual([a.unit.id]);
    expect(elder.expectedAssessments).toBe(1200);
    expect(pool.openOverlaps).toEqual(['4-04-05-05']);
    const whole = pool.candidates.find((x: { jobTypeName: string; occupationCode: string }) => x.occupationCode === '4-04-05-05' && x.jobTypeName === '');
    const labeler = pool.candidates.find((x: { jobTypeName: string }) => x.jobTypeName === '数据标注员');
    expect(whole.overlapFlag && labeler.overlapFlag).toBe(true);

    const bad = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/merge`, payload: { intoId: whole.id, fromIds: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请选择要合并的候选职业');
    const merged = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/merge`, payload: { intoId: whole.id, fromIds: [labeler.id] } });
    expect(merged.statusCode, merged.body).toBe(200);
    pool = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/pool` })).json();
    const into = pool.candidates.find((x: { id: string }) => x.id === whole.id);
    expect(into.units.map((u: { unitId: string }) => u.unitId).sort()).toEqual([a.unit.id, b.unit.id].sort());
    expect(into.expectedAssessments).toBe(1100);
    expect(pool.merged).toEqual([
      expect.objectContaining({ id: labeler.id, mergedIntoId: whole.id, sources: [expect.objectContaining({ jobTypeName: '数据标注员' })] }),
    ]);
    expect(pool.openOverlaps).toEqual([]);
    // Refresh keeps the merge.
    await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/refresh` });
    expect((await db.select().from(candidateUnits).where(eq(candidateUnits.candidateId, whole.id))).length).toBe(2);

    const split = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/split`, payload: { candidateId: labeler.id } });
    expect(split.statusCode, split.body).toBe(200);
    pool = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/pool` })).json();
    expect(pool.candidates).toHaveLength(3);
    expect(pool.candidates.find((x: { id: string }) => x.id === whole.id).expectedAssessments).toBe(800);
    const confirmed = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/confirm-overlap`, payload: { occupationCode: '4-04-05-05' } });
    expect(confirmed.json()).toEqual({ confirmed: 2 });

    const xlsx = await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/pool.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('候选职业库')!;
    expect(ws.getCell('B3').value).toBe('4-04-05-05');
    expect(ws.rowCount).toBe(5);

    const stats = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/statistics` })).json();
    expect(stats.totals).toMatchObject({ candidates: 3, shortageCandidates: 1 });
    expect(stats.byUnitType.map((x: { key: string }) => x.key).sort()).toEqual(['区人社局', '行业主管部门']);

    // Once the review has started the pool says so beforehand, in the words of the refusal, and nothing changes.
    expect(pool.actions.change).toEqual({ allowed: true, reason: null });
    await db.update(campaigns).set({ status: 'reviewing' }).where(eq(campaigns.id, campaign.id));
    const frozen = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/pool` })).json();
    expect(frozen.actions.change).toEqual({ allowed: false, reason: '专家评估开始后候选职业库不能再生成或调整' });
    const late = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/pool/split`, payload: { candidateId: labeler.id } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe(frozen.actions.change.reason);
    expect((await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/pool` })).json().candidates).toHaveLength(3);
  });
});
