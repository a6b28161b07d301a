import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { AI_TRAINER, ELDER_CARE, REFERENCE_DIR, openCampaignRow, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { auditLog, formImportPreviews } from '../db/schema/index.ts';
import { manyRows, sampleForm } from '../../test/form-fixtures.ts';
import { importFormXlsx } from '../documents/import-form-xlsx.ts';
import { renderRecommendationFormXlsx } from '../documents/recommendation-form.xlsx.ts';
import { fakeCfb, poppler, tempFile, unzipText } from '../../test/documents.ts';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

const HEADER = { contactName: '王晓明', contactPhone: '021-68541234', fillDate: '2024-10-08' };
const TRICKY = { ...AI_TRAINER, jobTypeName: '数据标注员', reason: '需求增长 & 企业急需；<script>alert(1)</script> 原样保留' };
const ROWS = [ELDER_CARE, TRICKY, AI_TRAINER];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const center = async () => loginAs(app, (await createUserRow(db, 'center')).username);
const squeeze = (text: string) => text.replace(/\s+/g, '');

function multipart(name: string, content: Buffer) {
  const boundary = '----zjdoc' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (s: Session, formId: string, name: string, content: Buffer) =>
  s.inject({ method: 'POST', url: `/api/forms/${formId}/imports`, ...multipart(name, content) });
const confirm = (s: Session, formId: string, previewId: string, version: number) =>
  s.inject({ method: 'POST', url: `/api/forms/${formId}/imports/${previewId}/confirm`, payload: { version } });
const getForm = async (s: Session, formId: string) => (await s.inject({ method: 'GET', url: `/api/forms/${formId}` })).json();
const plainRows = (rows: Record<string, unknown>[]) => rows.map(({ id: _i, priority: _p, findings: _f, ...r }) => r);

/** A unit (named like a district bureau) with a saved draft of `rows`. */
async function unitWithDraft(rows: unknown[] = ROWS) {
  clock.set('2024-10-08T10:00:00+08:00');
  const u = await unitWithUser(app, db, { name: `浦东新区人力资源和社会保障局${Math.random().toString(36).slice(2, 6)}` });
  const campaign = await openCampaignRow(db, [u.unit.id]);
  const form = (await u.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json();
  const saved = await u.s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: HEADER, rows } });
  expect(saved.statusCode, saved.body).toBe(200);
  return { ...u, campaign, formId: form.id as string, version: saved.json().version as number };
}

describe('GET /api/forms/:id/document.:format', () => {
  it('401, 403 for experts, 404 for another unit, 400 naming the format and the version', async () => {
    const { s, formId } = await unitWithDraft();
    expect((await app.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf` })).statusCode).toBe(401);
    const expert = await loginAs(app, (await createUserRow(db, 'expert')).username);
    expect((await expert.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf` })).statusCode).toBe(403);
    const other = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await other.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf` })).statusCode).toBe(404);
    const format = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.doc` });
    expect(format.statusCode).toBe(400);
    expect(format.json().message).toBe('文件格式只能是 docx、pdf 或 xlsx');
    const version = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf?version=0` });
    expect(version.statusCode).toBe(400);
    expect(version.json().message).toBe('版本号须为正整数');
    const missing = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf?version=3` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('该推荐表没有第 3 版，请在提交记录中选择已有的版本');
  });

  it('the draft as PDF: marked 草稿, no verification code, rows in order, Chinese file name', async () => {
    const { s, unit, formId } = await unitWithDraft();
    const res = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="recommendation-form-draft.pdf"; filename*=UTF-8''${encodeURIComponent(`推荐表-${unit.name}-草稿.pdf`)}`,
    );
    const text = squeeze(await poppler('pdftotext', ['-layout', await tempFile('draft.pdf', res.rawPayload), '-']));
    expect(text).toContain('草稿·尚未定稿');
    expect(text).toContain('校验码：无（草稿）');
    expect(text).toContain(squeeze(`推荐单位（加盖公章）：${unit.name}`));
    expect(text.indexOf('养老护理员')).toBeLessThan(text.indexOf('数据标注员'));
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('a submitted version: its verification code is the version hash prefix the material check shows; unit and center', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const u = await unitWithUser(app, db, { name: `徐汇区人力资源和社会保障局${Math.random().toString(36).slice(2, 6)}` });
    const campaign = await openCampaignRow(db, [u.unit.id]);
    const formId = await submitAsUnit(u.s, campaign.id, ROWS);
    const [v1] = (await u.s.inject({ method: 'GET', url: `/api/forms/${formId}/versions` })).json();
    const code = v1.contentHash.slice(0, 8).toUpperCase();
    const c = await center();
    const check = (await c.inject({ method: 'POST', url: `/api/checks/${formId}/start` })).json();
    expect(check.verificationCode).toBe(code);
    for (const s of [u.s, c]) {
      const res = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.pdf?version=1` });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-disposition']).toContain(encodeURIComponent(`推荐表-${u.unit.name}-定稿第1版.pdf`));
      const text = await poppler('pdftotext', ['-layout', await tempFile('v1.pdf', res.rawPayload), '-']);
      expect(text).toContain(`校验码：${code}`);
      expect(text).not.toContain('草稿');
    }
  });

  it('Word and Excel read back: rows in order, escaped, the same rows as the form', async () => {
    const { s, formId } = await unitWithDraft();
    const docx = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.docx` });
    expect(docx.statusCode).toBe(200);
    const xml = (await unzipText(docx.rawPayload)).get('word/document.xml') ?? '';
    expect(xml).toContain('需求增长 &amp; 企业急需；&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(xml.indexOf('养老护理员')).toBeLessThan(xml.indexOf('数据标注员'));
    const xlsx = await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.xlsx` });
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    const read = await importFormXlsx(xlsx.rawPayload);
    expect(read.rows).toEqual(ROWS);
  });
});

describe('GET /api/campaigns/:id/template.xlsx', () => {
  it('public without personal data; a unit user gets its name; 400 and 404', async () => {
    const { s, unit, campaign } = await unitWithDraft();
    const pub = await app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/template.xlsx` });
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe(XLSX_TYPE);
    expect(pub.headers['content-disposition']).toContain(encodeURIComponent('推荐表模板-2024.xlsx'));
    const pubText = [...(await unzipText(pub.rawPayload)).values()].join('\n');
    expect(pubText).toContain('高端装备');
    expect(pubText).not.toContain(unit.name);
    const mine = await s.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/template.xlsx` });
    expect([...(await unzipText(mine.rawPayload)).values()].join('\n')).toContain(unit.name);
    expect(mine.headers['cache-control']).toBe('private, no-store');
    const bad = await app.inject({ method: 'GET', url: '/api/campaigns/x/template.xlsx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('征集活动编号格式不正确');
    const draft = await openCampaignRow(db, [], { status: 'draft' });
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${draft.id}/template.xlsx` })).statusCode).toBe(404);
  });
});

describe('POST /api/forms/:id/imports (preview) and confirm', () => {
  it('401, 403, 404 for another unit, 415 without a file, 400 naming the version', async () => {
    const { s, formId } = await unitWithDraft();
    const file = (await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.xlsx` })).rawPayload;
    expect((await app.inject({ method: 'POST', url: `/api/forms/${formId}/imports`, ...multipart('a.xlsx', file) })).statusCode).toBe(401);
    const expert = await loginAs(app, (await createUserRow(db, 'expert')).username);
    expect((await upload(expert, formId, 'a.xlsx', file)).statusCode).toBe(403);
    const other = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await upload(other, formId, 'a.xlsx', file)).statusCode).toBe(404);
    const json = await s.inject({ method: 'POST', url: `/api/forms/${formId}/imports`, payload: {} });
    expect(json.statusCode).toBe(415);
    const preview = (await upload(s, formId, 'a.xlsx', file)).json();
    const noVersion = await s.inject({ method: 'POST', url: `/api/forms/${formId}/imports/${preview.id}/confirm`, payload: {} });
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().message).toBe('请提供推荐表的版本号（version）');
  });

  it('refuses .xls with how to convert, other types, and a file of 25 MB', async () => {
    const { s, formId } = await unitWithDraft();
    const xls = await upload(s, formId, '推荐表.xls', fakeCfb(['Workbook']));
    expect(xls.statusCode).toBe(415);
    expect(xls.json().message).toContain('另存为');
    expect(xls.json().message).toContain('.xlsx');
    const doc = await upload(s, formId, '推荐表.doc', fakeCfb(['WordDocument']));
    expect(doc.json().message).toContain('Word 文档（*.docx）');
    const pdf = await upload(s, formId, 'scan.pdf', Buffer.from('%PDF-1.4'));
    expect(pdf.statusCode).toBe(415);
    const renamed = await upload(s, formId, '推荐表.xlsx', fakeCfb(['Workbook']));
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().message).toContain('旧版二进制格式');
    const big = await upload(s, formId, 'big.xlsx', Buffer.alloc(25 * 1024 * 1024, 1));
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toContain('20 MB');
  });

  it('round trip: export → preview (draft untouched) → confirm replaces the rows and header', async () => {
    const { s, formId } = await unitWithDraft();
    for (const format of ['xlsx', 'docx'] as const) {
      const file = (await s.inject({ method: 'GET', url: `/api/forms/${formId}/document.${format}` })).rawPayload;
      const cleared = await s.inject({
        method: 'PUT',
        url: `/api/forms/${formId}`,
        payload: { version: (await getForm(s, formId)).version, header: { contactName: '', contactPhone: '', fillDate: null }, rows: [ELDER_CARE] },
      });
      expect(cleared.statusCode).toBe(200);
      const before = await getForm(s, formId);
      const res = await upload(s, formId, `推荐表.${format}`, file);
      expect(res.statusCode, res.body).toBe(201);
      const preview = res.json();
      expect(preview).toMatchObject({
        kind: format,
        canConfirm: true,
        summary: { rows: 3, blocking: 0 },
        header: { contactName: '王晓明', contactPhone: '021-68541234', fillDate: '2024-10-08' },
      });
      expect(preview.rows.map(({ priority: _p, findings: _f, ...r }: Record<string, unknown>) => r)).toEqual(ROWS);
      expect(preview.rows[0].findings).toEqual(expect.any(Array));
      expect(await getForm(s, formId)).toEqual(before);
      const done = await confirm(s, formId, preview.id, before.version);
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().version).toBe(before.version + 1);
      const after = await getForm(s, formId);
      expect(plainRows(after.rows)).toEqual(ROWS);
      expect(after.header).toEqual(HEADER);
      expect(await db.select().from(formImportPreviews).where(eq(formImportPreviews.id, preview.id))).toEqual([]);
      expect((await confirm(s, formId, preview.id, after.version)).statusCode).toBe(404);
    }
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.objectId, formId), eq(auditLog.action, 'form.import')));
    expect(audit).toHaveLength(2);
  });

  it('a stale confirm is 409 and changes nothing; the preview stays for a confirm with the current version', async () => {
    const { s, formId, version } = await unitWithDraft();
    const file = await renderRecommendationFormXlsx(sampleForm([AI_TRAINER]));
    const preview = (await upload(s, formId, '推荐表.xlsx', file)).json();
    const saved = await s.inject({ method: 'PUT', url: `/api/forms/${formId}`, payload: { version, header: HEADER, rows: [ELDER_CARE] } });
    const stale = await confirm(s, formId, preview.id, version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('STALE_VERSION');
    expect(plainRows((await getForm(s, formId)).rows)).toEqual([ELDER_CARE]);
    const ok = await confirm(s, formId, preview.id, saved.json().version);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(plainRows(ok.json().rows)).toEqual([AI_TRAINER]);
  });

  it('after the deadline: preview and confirm refused; another user of the unit cannot confirm; DELETE discards', async () => {
    const { s, unit, formId, version } = await unitWithDraft();
    const file = await renderRecommendationFormXlsx(sampleForm([AI_TRAINER]));
    clock.set('2024-10-22T20:00:00+08:00');
    const preview = (await upload(s, formId, '推荐表.xlsx', file)).json();
    const colleague = await loginAs(app, (await createUserRow(db, 'unit', { unitId: unit.id })).username);
    expect((await confirm(colleague, formId, preview.id, version)).statusCode).toBe(404);
    clock.set('2024-10-23T00:00:01+08:00');
    const late = await upload(s, formId, '推荐表.xlsx', file);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DEADLINE_PASSED');
    const lateConfirm = await confirm(s, formId, preview.id, version);
    expect(lateConfirm.statusCode).toBe(409);
    expect(lateConfirm.json().code).toBe('DEADLINE_PASSED');
    expect(plainRows((await getForm(s, formId)).rows)).toEqual(ROWS);
    const gone = await s.inject({ method: 'DELETE', url: `/api/forms/${formId}/imports/${preview.id}` });
    expect(gone.statusCode).toBe(204);
    expect((await s.inject({ method: 'DELETE', url: `/api/forms/${formId}/imports/${preview.id}` })).statusCode).toBe(404);
  });

  it('center staff import on behalf of a unit, audited as acting for it', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const { unit } = await unitWithUser(app, db);
    await openCampaignRow(db, [unit.id], { createdAt: new Date('2030-01-01T00:00:00Z') });
    const c = await center();
    const bad = await c.inject({ method: 'POST', url: '/api/forms/on-behalf', payload: { unitId: 'x' } });
    expect(bad.json().message).toBe('请选择推荐单位');
    const opened = await c.inject({ method: 'POST', url: '/api/forms/on-behalf', payload: { unitId: unit.id } });
    expect(opened.statusCode, opened.body).toBe(200);
    const form = opened.json();
    expect(form.unitId).toBe(unit.id);
    const preview = (await upload(c, form.id, '邮件报送.xlsx', await renderRecommendationFormXlsx(sampleForm([ELDER_CARE])))).json();
    expect(preview.problems).toEqual(expect.arrayContaining([expect.objectContaining({ column: '推荐单位' })]));
    const done = await confirm(c, form.id, preview.id, form.version);
    expect(done.statusCode, done.body).toBe(200);
    const rows = await db.select().from(auditLog).where(eq(auditLog.objectId, form.id));
    for (const action of ['form.import.preview', 'form.save', 'form.import']) {
      expect(rows.find((r) => r.action === action)).toMatchObject({ actorRole: 'center', onBehalfOfUnitId: unit.id });
    }
    const unitUser = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await unitUser.inject({ method: 'POST', url: '/api/forms/on-behalf', payload: { unitId: unit.id } })).statusCode).toBe(403);
  });

  it('10,000 rows: only the first 200 are read and checked, the rest reported; the server keeps answering', async () => {
    const { s, formId } = await unitWithDraft();
    const file = await renderRecommendationFormXlsx(sampleForm(manyRows(10_000)));
    const started = performance.now();
    const [res, ping] = await Promise.all([upload(s, formId, '很多行.xlsx', file), app.inject({ method: 'GET', url: '/api/campaigns/current' })]);
    const elapsed = performance.now() - started;
    expect(res.statusCode, res.body).toBe(201);
    expect(ping.statusCode).toBeLessThan(500);
    const preview = res.json();
    expect(preview.rows).toHaveLength(200);
    expect(preview.problems.map((p: { message: string }) => p.message).join('\n')).toContain('10000');
    expect(elapsed).toBeLessThan(30_000);
  }, 120_000);
});
