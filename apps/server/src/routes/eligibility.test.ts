import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { campaigns } from '../db/schema/index.ts';

const REFERENCE_DIR = new URL('../../../../../shared/reference', import.meta.url).pathname;
const { app, db } = await createTestApp({ referenceDir: REFERENCE_DIR, loginIpLimitPerMinute: 100_000 });

const ROW = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 100,
  reason: '需求大',
};
const check = (s: Awaited<ReturnType<typeof loginAs>>, payload: object) => s.inject({ method: 'POST', url: '/api/eligibility/check', payload });
const codes = (findings: { code: string }[]) => findings.map((f) => f.code);

describe('POST /api/eligibility/check', () => {
  it('401 without a session', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/eligibility/check', payload: { rows: [] } })).statusCode).toBe(401);
  });

  it('400 naming the field', async () => {
    const s = await loginAs(app, (await createUserRow(db, 'unit')).username);
    const res = await check(s, { rows: [{ ...ROW, expectedAssessments: 'abc' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('字段“推荐职业（工种）第1项的预计评价人次”须为数字');
    expect((await check(s, { campaignId: 'x', rows: [] })).json().message).toBe('征集活动编号格式不正确');
  });

  it('answers the findings of each row in order, against the active reference data, for any role', async () => {
    for (const role of ['unit', 'expert', 'center'] as const) {
      const s = await loginAs(app, (await createUserRow(db, role)).username);
      const res = await check(s, {
        rows: [
          ROW,
          { ...ROW, occupationCode: '4-07-05-03', occupationName: '消防设施操作员', standardName: '消防设施操作员', inShortageCatalog: false },
          { ...ROW, occupationCode: '4-04-05-05', occupationName: '护理员' },
          { occupationCode: '2-02-10-07' },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const rows = res.json().rows as { findings: { code: string; severity: string; message: string }[] }[];
      expect(rows).toHaveLength(4);
      expect(rows[0]!.findings).toEqual([]);
      expect(codes(rows[1]!.findings)).toContain('access_qualification');
      expect(rows[2]!.findings[0]).toMatchObject({ code: 'name_mismatch', severity: 'error' });
      expect(rows[2]!.findings[0]!.message).toContain('职业编码 4-04-05-05 对应的职业为“人工智能训练师”，与填写的“护理员”不一致');
      expect(codes(rows[3]!.findings)).toContain('not_skill_type');
    }
  });

  it('with a campaign: its industry tags; 404 for an unknown campaign', async () => {
    const [campaign] = await db
      .insert(campaigns)
      .values({ year: 2024, title: 't', docNo: 'd', issuer: 'i', issueDate: '2024-09-25', deadline: '2024-10-22', status: 'open', industryTags: ['养老护理'] })
      .returning();
    const s = await loginAs(app, (await createUserRow(db, 'unit')).username);
    const ok = await check(s, { campaignId: campaign!.id, rows: [ROW] });
    expect(ok.json()).toEqual({ rows: [{ findings: [] }] });
    const missing = await check(s, { campaignId: '00000000-0000-4000-8000-000000000000', rows: [ROW] });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('该征集活动不存在');
  });
});
