import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { campaigns } from '../db/schema/index.ts';

const REFERENCE_DIR = process.env.REFERENCE_DIR ?? new URL('../../../../../shared/reference', import.meta.url).pathname;
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

  it('400 only for a body that is not a list of rows, or too many rows; nothing else is refused', async () => {
    const s = await loginAs(app, (await createUserRow(db, 'unit')).username);
    const refused = async (payload: unknown) => {
      const res = await s.inject({ method: 'POST', url: '/api/eligibility/check', payload: payload as object });
      expect(res.statusCode, res.body).toBe(400);
      return res.json().message as string;
    };
    const notAList = '字段“推荐职业（工种）”须为推荐表的行组成的列表，如 [{ "occupationCode": "4-10-01-05", … }]';
    expect(await refused({ rows: 'x' })).toBe(notAList);
    expect(await refused({})).toBe(notAList);
    expect(await refused({ rows: { 0: ROW } })).toBe(notAList);
    expect(await refused([ROW])).toBe('请求内容须为 { "rows": [推荐表的行…] }，可另附 "campaignId"');
    expect(await refused({ rows: [ROW, 1] })).toBe('字段“推荐职业（工种）”：第2行须为一个对象（含职业编码、职业、工种等字段），收到的是数字');
    expect(await refused({ rows: [null] })).toBe('字段“推荐职业（工种）”：第1行须为一个对象（含职业编码、职业、工种等字段），收到的是空值');
    expect(await refused({ rows: [[ROW]] })).toBe('字段“推荐职业（工种）”：第1行须为一个对象（含职业编码、职业、工种等字段），收到的是列表');
    expect(await refused({ rows: Array.from({ length: 1001 }, () => ({})) })).toBe('字段“推荐职业（工种）”：一次最多检查1000行，请分批提交');
    expect(await refused({ campaignId: 'x', rows: [] })).toBe('征集活动编号格式不正确');
    const ok = await check(s, { rows: Array.from({ length: 1000 }, () => ROW) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().rows).toHaveLength(1000);
  });

  it('answers every row whatever its content: null is empty, a bad expected number is expected_invalid on that row', async () => {
    const s = await loginAs(app, (await createUserRow(db, 'unit')).username);
    const expected = (v: unknown) => ({ ...ROW, expectedAssessments: v });
    const sent: unknown[] = [
      { ...ROW, jobTypeName: null },
      expected(0),
      expected(-3),
      expected(2.5),
      expected(1_000_001),
      expected('abc'),
      expected(null),
      expected(' 120 '),
      { ...ROW, jobTypeName: null, standardVersion: null, reason: null, industries: '养老护理', inShortageCatalog: '是', extra: { any: 'thing' } },
      { ...ROW, occupationCode: 4100105, industries: null, expectedAssessments: true },
      {},
    ];
    const res = await check(s, { rows: sent as object[] });
    expect(res.statusCode, res.body).toBe(200);
    const answered = res.json().rows as { findings: { code: string; severity: string; message: string; field?: string }[] }[];
    expect(answered).toHaveLength(sent.length);
    // The rows repeat 4-10-01-05 on purpose: apart from duplicate_row, each row gets its own findings.
    expect(answered.slice(0, 9).every((r) => r.findings.some((f) => f.code === 'duplicate_row'))).toBe(true);
    const rows = answered.map((r) => ({ findings: r.findings.filter((f) => f.code !== 'duplicate_row') }));
    expect(rows[0]!.findings).toEqual([]);
    const only = (i: number) => {
      expect(codes(rows[i]!.findings), JSON.stringify(rows[i])).toEqual(['expected_invalid']);
      expect(rows[i]!.findings[0]).toMatchObject({ severity: 'error', field: 'expectedAssessments' });
      return rows[i]!.findings[0]!.message;
    };
    expect(only(1)).toBe('预计评价人次应为不小于 1 的整数，填写的“0”不符合要求');
    expect(only(2)).toBe('预计评价人次应为不小于 1 的整数，填写的“-3”不符合要求');
    expect(only(3)).toBe('预计评价人次应为不小于 1 的整数，填写的“2.5”不符合要求');
    expect(only(4)).toBe('预计评价人次不能超过 1000000，请按三年内的实际需求预估');
    expect(only(5)).toBe('预计评价人次应为不小于 1 的整数，填写的“abc”不是数字');
    expect(only(6)).toBe('请填写预计评价人次：三年内预计参加评价的人次，为不小于 1 的整数');
    expect(rows[7]!.findings).toEqual([]);
    expect(codes(rows[8]!.findings)).toEqual(['standard_mismatch', 'reason_missing']);
    expect(rows[8]!.findings[0]!.message).toBe('请填写国家职业技能标准版本，标准“养老护理员”的版本为“2019年版”');
    expect(rows[8]!.findings[1]!.message).toBe('请填写推荐理由，简述文件依据、行业规划、重要会议或调研摸底等情况');
    expect(codes(rows[9]!.findings)).toEqual(['code_format', 'industry_invalid', 'expected_invalid']);
    expect(rows[9]!.findings[0]!.message).toBe('职业编码“4100105”格式不正确，应为 X-XX-XX-XX（如 4-10-01-05），请按职业分类大典填写');
    expect(rows[9]!.findings[2]!.message).toBe('预计评价人次应为不小于 1 的整数，填写的“true”不是数字');
    expect(codes(rows[10]!.findings)).toEqual(['code_format', 'industry_invalid', 'expected_invalid', 'reason_missing']);
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
