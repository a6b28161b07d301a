import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { campaigns, formVersions, forms, outbox } from '../db/schema/index.ts';
import { finalizeWithScan, qrOnlyScan } from '../../test/center-fixtures.ts';

const REFERENCE_DIR = new URL('../../../../../shared/reference', import.meta.url).pathname;
const { app, db, clock, mailer } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

const GOOD_ROW = {
  occupationCode: '4-10-01-05',
  occupationName: '养老护理员',
  jobTypeName: '',
  standardName: '养老护理员',
  standardVersion: '2019年版',
  inShortageCatalog: true,
  industries: ['养老护理'],
  expectedAssessments: 1200,
  reason: '本市老龄化程度高，养老护理人员缺口大（《上海市养老服务发展“十四五”规划》）',
};
const AI_ROW = {
  ...GOOD_ROW,
  occupationCode: '4-04-05-05',
  occupationName: '人工智能训练师',
  standardName: '人工智能训练师',
  standardVersion: '2021年版',
  industries: ['人工智能'],
  expectedAssessments: 800,
};
const ACCESS_ROW = {
  ...GOOD_ROW,
  occupationCode: '4-07-05-03',
  occupationName: '消防设施操作员',
  standardName: '消防设施操作员',
  inShortageCatalog: false,
  industries: ['高端装备'],
};
const HEADER = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

async function createCampaign(overrides: Partial<typeof campaigns.$inferInsert> = {}) {
  const [row] = await db
    .insert(campaigns)
    .values({
      year: 2024,
      title: '2024年社会化职业技能等级认定职业（工种）征集',
      docNo: '沪人社职〔2024〕319号',
      issuer: '上海市人力资源和社会保障局',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      status: 'open',
      industryTags: ['养老护理', '人工智能', '高端装备'],
      createdAt: new Date(Date.now() + Math.random() * 1000),
      ...overrides,
    })
    .returning();
  return row!;
}

/** A unit user logged in, with the form of a new campaign. */
async function unitWithForm(campaignOverrides: Partial<typeof campaigns.$inferInsert> = {}) {
  clock.set('2024-10-08T10:00:00+08:00');
  const campaign = await createCampaign(campaignOverrides);
  const user = await createUserRow(db, 'unit', { email: `u${Math.random().toString(36).slice(2)}@example.com` });
  const s = await loginAs(app, user.username);
  const res = await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` });
  expect(res.statusCode, res.body).toBe(200);
  return { s, user, campaign, form: res.json() as { id: string; version: number } };
}

const save = (s: Awaited<ReturnType<typeof unitWithForm>>['s'], id: string, version: number, rows: unknown[], header: unknown = HEADER) =>
  s.inject({ method: 'PUT', url: `/api/forms/${id}`, payload: { version, header, rows } });

function multipart(name: string, content: Buffer, type = 'application/octet-stream') {
  const boundary = '----zjtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`);
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (s: Awaited<ReturnType<typeof unitWithForm>>['s'], id: string, name: string, content: Buffer) =>
  s.inject({ method: 'POST', url: `/api/forms/${id}/scan`, ...multipart(name, content) });

/** A form with good rows, saved, finalized, with a matching scan: ready to submit; answers the current version. */
async function readyForm(rows: unknown[] = [GOOD_ROW, AI_ROW]) {
  const ctx = await unitWithForm();
  const saved = await save(ctx.s, ctx.form.id, ctx.form.version, rows);
  expect(saved.statusCode, saved.body).toBe(200);
  const scanned = await finalizeWithScan(ctx.s, ctx.form.id, saved.json().version);
  return { ...ctx, version: scanned.version };
}

/** A form with good rows, saved and finalized (no scan yet). */
async function finalizedForm() {
  const ctx = await unitWithForm();
  const saved = await save(ctx.s, ctx.form.id, ctx.form.version, [GOOD_ROW]);
  const fin = await ctx.s.inject({ method: 'POST', url: `/api/forms/${ctx.form.id}/finalize`, payload: { version: saved.json().version } });
  expect(fin.statusCode, fin.body).toBe(200);
  return { ...ctx, finalized: fin.json() as { id: string; version: number; finalized: { versionNo: number; verificationCode: string } } };
}

describe('GET /api/forms/mine', () => {
  it('401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/forms/mine' })).statusCode).toBe(401);
  });
  it('403 for the center and experts', async () => {
    for (const role of ['expert', 'center', 'admin'] as const) {
      const s = await loginAs(app, (await createUserRow(db, role)).username);
      const res = await s.inject({ method: 'GET', url: '/api/forms/mine' });
      expect(res.statusCode).toBe(403);
    }
  });
  it('400 names a malformed campaign id', async () => {
    const { s } = await unitWithForm();
    const res = await s.inject({ method: 'GET', url: '/api/forms/mine?campaignId=abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('征集活动编号格式不正确');
  });
  it('creates an empty draft on first access, once, with abilities', async () => {
    const { s, campaign, form } = await unitWithForm();
    const again = (await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json();
    expect(again.id).toBe(form.id);
    expect(again).toMatchObject({ status: 'draft', version: 1, rows: [], maxRows: 200, campaign: { deadlineLabel: '2024年10月22日' } });
    expect(again.abilities).toMatchObject({ save: true, finalize: true, submit: false, uploadScan: false, unfinalize: false, withdraw: false, return: false });
    expect(again).toMatchObject({ finalized: null, scan: null, pendingScan: null, submitBlockers: ['还没有填写任何职业（工种）'] });
  });
});

describe('PUT /api/forms/:id (save)', () => {
  it('401, 403 for another role, 404 for another unit (no leak), 400 with the field', async () => {
    const { form } = await unitWithForm();
    expect((await app.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: {} })).statusCode).toBe(401);
    const expert = await loginAs(app, (await createUserRow(db, 'expert')).username);
    expect((await save(expert, form.id, 1, [])).statusCode).toBe(403);
    const other = await loginAs(app, (await createUserRow(db, 'unit')).username);
    const stolen = await save(other, form.id, 1, []);
    const missing = await save(other, '00000000-0000-4000-8000-000000000000', 1, []);
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json()).toEqual(missing.json());
    expect((await other.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json()).toEqual(
      (await other.inject({ method: 'GET', url: '/api/forms/00000000-0000-4000-8000-000000000000' })).json(),
    );
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    expect((await save(center, form.id, 1, [])).statusCode).toBe(403);
    const bad = await other.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { header: {}, rows: [] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('请提供推荐表的版本号（version）');
  });

  it('saves header and rows in order with findings per row; text kept as typed, <script> and emoji included', async () => {
    const { s, form } = await unitWithForm();
    const reason = '<script>alert("x")</script> 养老需求大 👵🏻\n第二行\t制表';
    const res = await save(s, form.id, 1, [ACCESS_ROW, { ...GOOD_ROW, reason, occupationName: '  养老护理员 ' }]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.version).toBe(2);
    expect(body.rows.map((r: { priority: number; occupationCode: string }) => [r.priority, r.occupationCode])).toEqual([
      [1, '4-07-05-03'],
      [2, '4-10-01-05'],
    ]);
    expect(body.rows[1].reason).toBe(reason);
    expect(body.rows[1].occupationName).toBe('  养老护理员 ');
    expect(body.rows[0].findings.map((f: { code: string }) => f.code)).toContain('access_qualification');
    expect(body.rows[1].findings).toEqual([]);
    expect(body.summary.errors).toBeGreaterThan(0);
    const reread = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json();
    expect(reread.rows[1].reason).toBe(reason);
    expect(reread.header).toEqual(HEADER);
  });

  it('refuses control characters with the row and column, keeps CRLF as a line break', async () => {
    const { s, form } = await unitWithForm();
    const res = await save(s, form.id, 1, [GOOD_ROW, { ...GOOD_ROW, reason: 'abc\u0007def' }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('第 2 行“推荐理由”含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入');
    const header = await save(s, form.id, 1, [], { ...HEADER, contactName: '张\u0000三' });
    expect(header.json().message).toBe('“联系人”含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入');
    const crlf = await save(s, form.id, 1, [{ ...GOOD_ROW, reason: '一\r\n二' }]);
    expect(crlf.json().rows[0].reason).toBe('一\n二');
  });

  it.each([
    [-1, '第 1 行“预计评价人次”须为 1 至 1000000 之间的整数，填写的“-1”不符合要求'],
    [1.5, '第 1 行“预计评价人次”须为 1 至 1000000 之间的整数，填写的“1.5”不符合要求'],
    [1e9, '第 1 行“预计评价人次”须为 1 至 1000000 之间的整数，填写的“1000000000”不符合要求'],
    ['abc', '第 1 行“预计评价人次”须为 1 至 1000000 之间的整数，填写的“abc”不符合要求'],
  ])('refuses expected assessments %s with a clear message, nothing saved', async (value, message) => {
    const { s, form } = await unitWithForm();
    const res = await save(s, form.id, 1, [{ ...GOOD_ROW, expectedAssessments: value }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe(message);
    expect((await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json()).toMatchObject({ version: 1, rows: [] });
  });

  it('0 and an empty draft are saved; the rules report them', async () => {
    const { s, form } = await unitWithForm();
    const res = await save(s, form.id, 1, [{ ...GOOD_ROW, expectedAssessments: 0 }, {}]);
    expect(res.statusCode).toBe(200);
    expect(res.json().rows[0].findings.map((f: { code: string }) => f.code)).toEqual(['expected_invalid']);
    expect(res.json().rows[1].findings.map((f: { code: string }) => f.code)).toContain('code_format');
  });

  it('refuses a reason over 500 characters and the 201st row', async () => {
    const { s, form } = await unitWithForm();
    const long = await save(s, form.id, 1, [{ ...GOOD_ROW, reason: '理'.repeat(501) }]);
    expect(long.json().message).toBe('第 1 行“推荐理由”长度不能超过500个字符');
    const rows200 = Array.from({ length: 200 }, () => GOOD_ROW);
    expect((await save(s, form.id, 1, rows200)).statusCode).toBe(200);
    const too = await save(s, form.id, 2, [...rows200, GOOD_ROW]);
    expect(too.statusCode).toBe(400);
    expect(too.json().message).toBe('推荐表最多填写 200 行，当前为 201 行，请删除多余的行后再保存');
    expect((await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json().rows).toHaveLength(200);
  });

  it('a stale version is refused with 409 and nothing is overwritten', async () => {
    const { s, form } = await unitWithForm();
    expect((await save(s, form.id, 1, [GOOD_ROW])).statusCode).toBe(200);
    const stale = await save(s, form.id, 1, [AI_ROW]);
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'STALE_VERSION', details: { currentVersion: 2 } });
    expect(stale.json().message).toContain('本次未保存');
    const now = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json();
    expect(now.version).toBe(2);
    expect(now.rows.map((r: { occupationCode: string }) => r.occupationCode)).toEqual(['4-10-01-05']);
  });

  it('deadline: 23:59 on the deadline day saves, 00:00 the next day is refused naming the deadline, draft still readable', async () => {
    const { s, form } = await unitWithForm();
    clock.set('2024-10-22T23:59:00+08:00');
    const ok = await save(s, form.id, 1, [GOOD_ROW]);
    expect(ok.statusCode).toBe(200);
    clock.set('2024-10-23T00:00:00+08:00');
    const late = await save(s, form.id, 2, [AI_ROW]);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DEADLINE_PASSED');
    expect(late.json().message).toContain('2024年10月22日');
    const read = await s.inject({ method: 'GET', url: `/api/forms/${form.id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ version: 2, abilities: { save: false, finalize: false, submit: false } });
    expect(read.json().rows[0].occupationCode).toBe('4-10-01-05');
    expect((await s.inject({ method: 'POST', url: `/api/forms/${form.id}/finalize`, payload: { version: 2 } })).json().code).toBe('DEADLINE_PASSED');
  });

  it('a late exception lets the unit save and submit until its time limit', async () => {
    const { s, form, campaign, user, version } = await readyForm();
    const { grantLateException } = await import('../use-cases/form/grant-late-exception.ts');
    const center = await createUserRow(db, 'center');
    clock.set('2024-10-24T09:00:00+08:00');
    expect((await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } })).json().code).toBe('DEADLINE_PASSED');
    await grantLateException(
      { db, clock, mailer, ip: null, config: {} as never, actor: { kind: 'user', userId: center.id, username: center.username, role: 'center', unitId: null } },
      { campaignId: campaign.id, unitId: user.unitId!, reason: '系统故障，准予补报', until: new Date('2024-10-25T17:00:00+08:00') },
    );
    const res = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lateExceptionUntil).toBe('2024-10-25T09:00:00.000Z');
  });
});

describe('POST /api/forms/:id/scan', () => {
  it('401, 403, 404 for another unit', async () => {
    const { form } = await unitWithForm();
    expect((await app.inject({ method: 'POST', url: `/api/forms/${form.id}/scan`, ...multipart('a.pdf', PDF) })).statusCode).toBe(401);
    const expert = await loginAs(app, (await createUserRow(db, 'expert')).username);
    expect((await upload(expert, form.id, 'a.pdf', PDF)).statusCode).toBe(403);
    const other = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await upload(other, form.id, 'a.pdf', PDF)).statusCode).toBe(404);
  });

  it.each([
    [
      'an ELF executable renamed .pdf',
      '推荐表.pdf',
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(200)]),
      415,
      '该文件是可执行程序，不是 PDF、JPEG 或 PNG 文件（系统按文件内容识别，与扩展名无关），请上传加盖公章的推荐表扫描件',
    ],
    [
      'an MZ executable renamed .pdf',
      'scan.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
      415,
      '该文件是可执行程序，不是 PDF、JPEG 或 PNG 文件（系统按文件内容识别，与扩展名无关），请上传加盖公章的推荐表扫描件',
    ],
    ['an empty file', 'empty.pdf', Buffer.alloc(0), 400, '文件“empty.pdf”是空文件，请重新选择扫描件上传'],
    [
      'a 25 MB file',
      'big.pdf',
      Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(25 * 1024 * 1024)]),
      413,
      '文件“big.pdf”超过 20 MB，请降低扫描分辨率（如 200 dpi、灰度）后重新上传',
    ],
  ])('refuses %s', async (_what, name, content, status, message) => {
    const { s, form } = await finalizedForm();
    const res = await upload(s, form.id, name, content);
    expect(res.statusCode).toBe(status);
    expect(res.json().message).toBe(message);
    expect((await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json().scan).toBeNull();
  });

  it('before 定稿 a scan is refused, saying to finalize first', async () => {
    const { s, form } = await unitWithForm();
    const res = await upload(s, form.id, 'scan.png', PNG);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('推荐表尚未定稿：请先点击“定稿”，打印定稿版本并加盖公章，再上传其扫描件');
  });

  it('stores a matched scan by content, readable by the unit and the center only', async () => {
    const { s, form, finalized } = await finalizedForm();
    const scan = await qrOnlyScan(finalized);
    const res = await upload(s, form.id, '推荐表.pdf', scan);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().match).toMatchObject({ status: 'matched', versionNo: 1, verificationCode: finalized.finalized.verificationCode });
    expect(res.json().file).toMatchObject({ mime: 'image/png', size: scan.length, originalName: '推荐表.pdf' });
    const id = res.json().file.id as string;
    expect((await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json()).toMatchObject({ scan: { id }, scanMatch: 'matched', submitBlockers: [] });
    const file = await s.inject({ method: 'GET', url: `/api/files/${id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(scan)).toBe(true);
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    expect((await center.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(200);
    const other = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await other.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(401);
    const expert = await loginAs(app, (await createUserRow(db, 'expert')).username);
    expect((await expert.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(403);
    // A second matched scan replaces the first; no submitted version refers to the first, so it is gone.
    const again = await upload(s, form.id, '重新扫描.png', scan);
    expect(again.statusCode).toBe(201);
    expect((await s.inject({ method: 'GET', url: `/api/files/${id}` })).statusCode).toBe(404);
    expect((await s.inject({ method: 'GET', url: `/api/files/${again.json().file.id as string}` })).rawPayload.equals(scan)).toBe(true);
    expect((await s.inject({ method: 'GET', url: '/api/files/nope' })).json().message).toBe('文件编号格式不正确');
  });
});

describe('submit, versions, return, resubmit, diff, withdraw, accept', () => {
  it('refuses to finalize a form with errors, naming the rows; nothing is frozen', async () => {
    const { s, form } = await unitWithForm();
    const saved = await save(s, form.id, 1, [GOOD_ROW, ACCESS_ROW, { ...AI_ROW, reason: '' }]);
    const res = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/finalize`, payload: { version: saved.json().version } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(
      /^第 2、3 行有错误，请修改后再定稿。第 2 行：职业“消防设施操作员”（4-07-05-03）属于《国家职业资格目录（2021年版）》中的准入类职业资格/,
    );
    const now = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json();
    expect(now).toMatchObject({ status: 'draft', finalized: null, abilities: { save: true } });
    expect(now.submitBlockers[0]).toMatch(/^还有 \d+ 处错误需要修改$/);
    expect(await db.select().from(formVersions).where(eq(formVersions.formId, form.id))).toEqual([]);
  });

  it('refuses without rows, with a bad phone, before 定稿, without a scan, and from a stale version', async () => {
    const { s, form } = await unitWithForm();
    const finalize = (version: number) => s.inject({ method: 'POST', url: `/api/forms/${form.id}/finalize`, payload: { version } });
    const submit = (version: number) => s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } });
    expect((await finalize(1)).json().message).toBe('推荐表还没有填写任何职业（工种），请至少填写一行后再定稿');
    await save(s, form.id, 1, [GOOD_ROW], { ...HEADER, contactPhone: '12345' });
    expect((await finalize(2)).json().message).toBe('请填写正确的联系方式（手机号码或带区号的固定电话，如 021-12345678）后再定稿');
    await save(s, form.id, 2, [GOOD_ROW], { ...HEADER, contactPhone: '021-63851234' });
    expect((await submit(3)).json().message).toBe('请先“定稿”并打印定稿版本，加盖公章后上传扫描件，再提交');
    const fin = await finalize(3);
    expect(fin.statusCode, fin.body).toBe(200);
    const code = fin.json().finalized.verificationCode as string;
    expect(fin.json()).toMatchObject({ version: 4, finalized: { versionNo: 1 }, abilities: { save: false, unfinalize: true, uploadScan: true } });
    expect((await submit(4)).json().message).toBe(`请先上传第 1 版定稿（校验码 ${code}）加盖公章的扫描件，扫描件与定稿匹配后才能提交`);
    expect((await submit(1)).json().code).toBe('STALE_VERSION');
    expect((await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json().status).toBe('draft');
  });

  it('submits: an immutable version with a SHA-256 content hash, a receipt mail, a read-only form', async () => {
    const { s, form, version, user } = await readyForm();
    const res = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', lastVersionNumber: 1, abilities: { save: false, withdraw: true } });
    const versions = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}/versions` })).json();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, rowCount: 2, state: 'submitted', scanMatch: 'matched' });
    expect(versions[0].contentHash).toMatch(/^[0-9a-f]{64}$/);
    const queued = await db.select().from(outbox);
    expect(queued.some((m) => m.to.includes(user.email!) && m.subject.includes('推荐表已提交') && m.status === 'pending')).toBe(true);
    expect((await save(s, form.id, version + 1, [GOOD_ROW])).json().message).toContain('推荐表已提交，如需修改请先撤回');
    await expect(db.update(formVersions).set({ contentHash: 'x' }).where(eq(formVersions.formId, form.id))).rejects.toThrow();
    const v1 = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}/versions/1` })).json();
    expect(v1).toMatchObject({ number: 1, diff: null, header: HEADER });
    expect(v1.rows[0].occupationCode).toBe('4-10-01-05');
    expect((await s.inject({ method: 'GET', url: `/api/forms/${form.id}/versions/2` })).statusCode).toBe(404);
  });

  it('return → resubmit → the diff between the last two versions', async () => {
    const { s, form, version } = await readyForm();
    await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } });
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    const noReason = await center.inject({ method: 'POST', url: `/api/forms/${form.id}/return`, payload: { reason: ' ', until: '2024-10-30T17:00:00+08:00' } });
    expect(noReason.json().message).toBe('退回推荐表须填写退回理由');
    expect(
      (await s.inject({ method: 'POST', url: `/api/forms/${form.id}/return`, payload: { reason: 'x', until: '2024-10-30T17:00:00+08:00' } })).statusCode,
    ).toBe(403);
    const ret = await center.inject({
      method: 'POST',
      url: `/api/forms/${form.id}/return`,
      payload: { reason: '扫描件未加盖公章', until: '2024-10-30T17:00:00+08:00' },
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const mine = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json();
    expect(mine).toMatchObject({
      status: 'returned',
      returnReason: '扫描件未加盖公章',
      returnedUntil: '2024-10-30T09:00:00.000Z',
      finalized: null,
      abilities: { save: true, finalize: true, submit: false },
    });
    clock.set('2024-10-28T10:00:00+08:00');
    const changedAi = { ...AI_ROW, expectedAssessments: 900 };
    const saved = await save(s, form.id, mine.version, [
      changedAi,
      {
        ...GOOD_ROW,
        occupationCode: '4-01-06-01',
        occupationName: '电子商务师',
        standardName: '电子商务师',
        standardVersion: '2022年版',
        inShortageCatalog: false,
        industries: ['电子信息'],
      },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    const firstScan = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}/versions/1` })).json().scanFileId as string;
    const scanned = await finalizeWithScan(s, form.id, saved.json().version);
    // The scan of version 1 is no longer the form's, but version 1 refers to it: kept.
    expect((await s.inject({ method: 'GET', url: `/api/files/${firstScan}` })).statusCode).toBe(200);
    const again = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: scanned.version } });
    expect(again.statusCode, again.body).toBe(200);
    const v2 = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}/versions/2` })).json();
    expect(v2.diff.previous).toBe(1);
    expect(v2.diff.added.map((r: { occupationCode: string }) => r.occupationCode)).toEqual(['4-01-06-01']);
    expect(v2.diff.removed.map((r: { occupationCode: string }) => r.occupationCode)).toEqual(['4-10-01-05']);
    expect(v2.diff.changed).toEqual([expect.objectContaining({ occupationCode: '4-04-05-05', before: 2, after: 1, fields: ['expectedAssessments'] })]);
    const versions = (await center.inject({ method: 'GET', url: `/api/forms/${form.id}/versions` })).json();
    expect(versions.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(versions[0].contentHash).not.toBe(versions[1].contentHash);
  });

  it('withdraw: while open and before checking; not after the check started, not after the deadline', async () => {
    const { s, form, version } = await readyForm();
    const withdraw = () => s.inject({ method: 'POST', url: `/api/forms/${form.id}/withdraw` });
    expect((await withdraw()).json().message).toContain('不能撤回');
    await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } });
    const back = await withdraw();
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ status: 'draft', finalized: null, scan: null, abilities: { save: true, submit: false } });
    const rescanned = await finalizeWithScan(s, form.id, back.json().version);
    const resubmit = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: rescanned.version } });
    expect(resubmit.json().lastVersionNumber).toBe(2);
    await db.update(forms).set({ checkingStartedAt: clock.now() }).where(eq(forms.id, form.id));
    const refused = await withdraw();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('市职鉴中心已开始核验该推荐表，不能撤回；如需修改请联系市职鉴中心退回');
    await db.update(forms).set({ checkingStartedAt: null }).where(eq(forms.id, form.id));
    clock.set('2024-10-23T08:00:00+08:00');
    expect((await withdraw()).json().code).toBe('DEADLINE_PASSED');
  });

  it('accept: the center only; an accepted form is final', async () => {
    const { s, form, version } = await readyForm();
    await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version } });
    expect((await s.inject({ method: 'POST', url: `/api/forms/${form.id}/accept` })).statusCode).toBe(403);
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    const res = await center.inject({ method: 'POST', url: `/api/forms/${form.id}/accept` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('accepted');
    expect((await s.inject({ method: 'POST', url: `/api/forms/${form.id}/withdraw` })).json().code).toBe('INVALID_STATE');
    expect((await center.inject({ method: 'POST', url: `/api/forms/${form.id}/accept` })).json().code).toBe('INVALID_STATE');
  });
});

describe('GET /api/campaigns/current', () => {
  it('answers the public fields of the open campaign', async () => {
    const campaign = await createCampaign({ createdAt: new Date('2030-01-01'), instructions: ['按优先级填写'] });
    const res = await app.inject({ method: 'GET', url: '/api/campaigns/current' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: campaign.id,
      title: campaign.title,
      docNo: '沪人社职〔2024〕319号',
      deadline: '2024-10-22',
      deadlineLabel: '2024年10月22日',
      status: 'open',
      industryTags: ['养老护理', '人工智能', '高端装备'],
      instructions: ['按优先级填写'],
    });
  });
});

void createUnitRow;
