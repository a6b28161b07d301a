// The answer of a save is built from what the transaction wrote (row ids made by the server, the unit's name and the
// campaign's reference versions read with the form), not read back: it must equal what a read shows next, and a
// late exception or the unit's name read in the same query must be the ones a read shows.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { campaigns, formLateExceptions, formRows, units } from '../db/schema/index.ts';

const REFERENCE_DIR = new URL('../../../../../shared/reference', import.meta.url).pathname;
const { app, db, clock } = await createTestApp({ referenceDir: REFERENCE_DIR, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });

const ROW = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 1200,
  reason: '本市老龄化程度高，养老护理人员缺口大',
};
const BAD_CODE = {
  ...ROW,
  occupationCode: '9-99-99-99',
  occupationName: '不存在的职业',
  industries: [],
  inShortageCatalog: null,
  expectedAssessments: null,
  reason: '',
};

async function unitWithForm() {
  clock.set('2024-10-08T10:00:00+08:00');
  const [campaign] = await db
    .insert(campaigns)
    .values({
      year: 2024,
      title: '保存应答测试',
      docNo: '沪人社职〔2024〕319号',
      issuer: '上海市人力资源和社会保障局',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      status: 'open',
      industryTags: ['养老护理'],
    })
    .returning();
  const user = await createUserRow(db, 'unit');
  const s = await loginAs(app, user.username);
  const res = await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign!.id}` });
  expect(res.statusCode, res.body).toBe(200);
  return { s, user, campaign: campaign!, form: res.json<{ id: string; version: number }>() };
}

describe('PUT /api/forms/:id answers what it wrote', () => {
  it('equals the next read: rows with their ids, order, findings, the unit name and the summary', async () => {
    const { s, user, form } = await unitWithForm();
    const rows = [ROW, BAD_CODE, { ...ROW, jobTypeName: '', reason: '第三行\n换行保留' }];
    const saved = await s.inject({
      method: 'PUT',
      url: `/api/forms/${form.id}`,
      payload: { version: form.version, header: { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' }, rows },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const read = await s.inject({ method: 'GET', url: `/api/forms/${form.id}` });
    expect(read.statusCode).toBe(200);
    expect(saved.json()).toEqual(read.json());
    const view = saved.json<{ rows: { id: string; priority: number; findings: unknown[] }[]; unitName: string; summary: { errors: number } }>();
    expect(view.rows.map((r) => r.priority)).toEqual([1, 2, 3]);
    expect(view.rows[1]!.findings.length).toBeGreaterThan(0);
    expect(view.summary.errors).toBeGreaterThan(0);
    const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, user.unitId!));
    expect(view.unitName).toBe(unit!.name);
    const stored = await db.select({ id: formRows.id, priority: formRows.priority }).from(formRows).where(eq(formRows.formId, form.id));
    expect(stored.sort((a, b) => a.priority - b.priority).map((r) => r.id)).toEqual(view.rows.map((r) => r.id));
  });

  it('a second save replaces every row (new ids) and still equals the next read', async () => {
    const { s, form } = await unitWithForm();
    const first = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: {}, rows: [ROW, BAD_CODE] } });
    const v1 = first.json<{ version: number; rows: { id: string }[] }>();
    const second = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: v1.version, header: {}, rows: [BAD_CODE] } });
    expect(second.statusCode, second.body).toBe(200);
    const v2 = second.json<{ rows: { id: string; occupationCode: string }[] }>();
    expect(v2.rows.map((r) => r.occupationCode)).toEqual(['9-99-99-99']);
    expect(v1.rows.map((r) => r.id)).not.toContain(v2.rows[0]!.id);
    expect(second.json()).toEqual((await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json());
    expect(await db.select().from(formRows).where(eq(formRows.formId, form.id))).toHaveLength(1);
  });

  it('after the deadline, a late exception read with the form lets the unit save, and the answer shows it', async () => {
    const { s, user, campaign, form } = await unitWithForm();
    clock.set('2024-10-23T10:00:00+08:00');
    const refused = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: {}, rows: [ROW] } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('DEADLINE_PASSED');
    expect(await db.select().from(formRows).where(eq(formRows.formId, form.id))).toHaveLength(0);
    const until = new Date('2024-10-25T18:00:00+08:00');
    await db.insert(formLateExceptions).values({ campaignId: campaign.id, unitId: user.unitId!, reason: '系统故障', until, grantedAt: clock.now() });
    const saved = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: {}, rows: [ROW] } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(new Date(saved.json<{ lateExceptionUntil: string }>().lateExceptionUntil).getTime()).toBe(until.getTime());
  });
});
