import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { ELDER_CARE, AI_TRAINER, REFERENCE_DIR, multipartFile, openCampaignRow, unitWithUser } from '../../test/center-fixtures.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { makeBlankPage, makePdfWithoutPages, makePrintCopy, makeScan } from '../../test/scans.ts';
import { formVersions, forms } from '../db/schema/index.ts';

// The 定稿 → print → seal → scan → matched → submit loop, with scans made from the system's own print copies:
// rasterized at 150 dpi, rotated, grey and noisy, photographed at an angle, wrapped into image-only PDFs.
const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});
const HEADER = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };

interface View {
  id: string;
  version: number;
  status: string;
  finalized: { versionNo: number; verificationCode: string } | null;
  scan: { id: string } | null;
  scanMatch: string | null;
  pendingScan: { id: string } | null;
  submitBlockers: string[];
  abilities: Record<string, boolean>;
}

async function draft(rows: unknown[] = [ELDER_CARE, AI_TRAINER]): Promise<{ s: Session; form: View; unitName: string }> {
  clock.set('2024-10-08T10:00:00+08:00');
  const u = await unitWithUser(app, db);
  const campaign = await openCampaignRow(db, [u.unit.id]);
  const mine = (await u.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json() as View;
  const saved = await u.s.inject({ method: 'PUT', url: `/api/forms/${mine.id}`, payload: { version: mine.version, header: HEADER, rows } });
  expect(saved.statusCode, saved.body).toBe(200);
  return { s: u.s, form: saved.json() as View, unitName: u.unit.name };
}

async function finalize(s: Session, form: View): Promise<View> {
  const res = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/finalize`, payload: { version: form.version } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as View;
}

async function printCopy(s: Session, form: View, format: 'pdf' | 'docx' = 'pdf'): Promise<Buffer> {
  const res = await s.inject({ method: 'GET', url: `/api/forms/${form.id}/document.${format}?version=${String(form.finalized!.versionNo)}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

const MIME = { jpeg: 'image/jpeg', png: 'image/png', pdf: 'application/pdf' } as const;
async function upload(s: Session, formId: string, scan: Buffer, format: keyof typeof MIME) {
  return s.inject({
    method: 'POST',
    url: `/api/forms/${formId}/scan`,
    ...multipartFile(scan, `盖章扫描件.${format === 'jpeg' ? 'jpg' : format}`, MIME[format]),
  });
}
const get = async (s: Session, id: string) => (await s.inject({ method: 'GET', url: `/api/forms/${id}` })).json() as View;

describe('定稿 (finalize) and 撤销定稿', () => {
  it('freezes the content as version 1 with an 8-character code; the content is read-only until unfinalized', async () => {
    const { s, form } = await draft();
    const fin = await finalize(s, form);
    expect(fin.finalized).toMatchObject({ versionNo: 1, verificationCode: expect.stringMatching(/^[0-9A-F]{8}$/) });
    expect(fin.abilities).toMatchObject({ save: false, finalize: false, unfinalize: true, uploadScan: true, submit: true });
    const put = await s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: fin.version, header: HEADER, rows: [ELDER_CARE] } });
    expect(put.statusCode).toBe(409);
    expect(put.json().message).toBe('推荐表已定稿，内容不能修改；如需修改，请先点击“撤销定稿”（已打印、盖章的定稿随之作废）');
    expect((await get(s, form.id)).finalized?.versionNo).toBe(1);
    const [version] = await db.select().from(formVersions).where(eq(formVersions.formId, form.id));
    expect(version).toMatchObject({ number: 1, submittedAt: null, voidedAt: null, scanFileId: null });
    expect(version!.contentHash.slice(0, 8).toUpperCase()).toBe(fin.finalized!.verificationCode);
    await expect(db.update(formVersions).set({ rows: [] }).where(eq(formVersions.id, version!.id))).rejects.toThrow();

    const again = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/finalize`, payload: { version: fin.version } });
    expect(again.statusCode).toBe(409);
    const unf = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/unfinalize`, payload: { version: fin.version } });
    expect(unf.statusCode, unf.body).toBe(200);
    expect(unf.json()).toMatchObject({ finalized: null, scan: null, abilities: { save: true, finalize: true, uploadScan: false } });
    const versions = (await s.inject({ method: 'GET', url: `/api/forms/${form.id}/versions` })).json();
    expect(versions).toMatchObject([{ number: 1, state: 'voided' }]);
    const refinal = await finalize(s, unf.json());
    expect(refinal.finalized?.versionNo).toBe(2);
  });

  it('the print copy carries the code in words on every page, no 草稿 mark; Word carries the QR image in its header', async () => {
    const { s, form } = await draft();
    const fin = await finalize(s, form);
    const pdf = await printCopy(s, fin);
    const { execFileSync } = await import('node:child_process');
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const dir = mkdtempSync('/tmp/zj-seal-');
    writeFileSync(`${dir}/v.pdf`, pdf);
    const pages = execFileSync('pdftotext', ['-layout', `${dir}/v.pdf`, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      expect(page).toMatch(/定稿第\s*1\s*版/);
      expect(page).toContain(fin.finalized!.verificationCode);
    }
    expect(pages.join('')).not.toContain('草稿');
    const docx = await printCopy(s, fin, 'docx');
    writeFileSync(`${dir}/v.docx`, docx);
    const header = execFileSync('unzip', ['-p', `${dir}/v.docx`, 'word/header1.xml'], { encoding: 'utf8' });
    expect(header).toContain(fin.finalized!.verificationCode);
    expect(header).toContain('<pic:pic');
  });
});

describe('the sealed scan, read from its QR code', () => {
  it('a 150 dpi grey, rotated, noisy JPEG of the print copy matches; submission then works and the check shows it', async () => {
    const { s, form } = await draft();
    const before = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: form.version } });
    expect(before.json().message).toBe('请先“定稿”并打印定稿版本，加盖公章后上传扫描件，再提交');
    const fin = await finalize(s, form);
    const scan = await makeScan(await printCopy(s, fin), { format: 'jpeg', dpi: 150, rotateDeg: 2, grey: true, noise: 30 });
    const res = await upload(s, form.id, scan, 'jpeg');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().match).toEqual({
      status: 'matched',
      versionNo: 1,
      verificationCode: fin.finalized!.verificationCode,
      message: `扫描件与第 1 版定稿一致（校验码 ${fin.finalized!.verificationCode}，在第 1 页识别到二维码）`,
    });
    expect(res.json().form).toMatchObject({ scanMatch: 'matched', submitBlockers: [] });
    const sub = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: res.json().form.version } });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', lastVersionNumber: 1 });
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    const check = (await center.inject({ method: 'GET', url: `/api/checks/${form.id}` })).json();
    expect(check).toMatchObject({ versionNumber: 1, scanMatch: 'matched', scanFileId: res.json().file.id, verificationCode: fin.finalized!.verificationCode });
    const [version] = await db.select().from(formVersions).where(eq(formVersions.formId, form.id));
    expect(version).toMatchObject({ scanFileId: res.json().file.id, scanMatch: 'matched' });
    expect(version!.submittedAt).not.toBeNull();
  });

  it.each([
    ['upside down (PNG)', { format: 'png', rotateDeg: 180, grey: true } as const],
    ['a phone photo at an angle', { format: 'jpeg', perspective: true, noise: 20 } as const],
    ['an image-only PDF', { format: 'pdf', rotateDeg: -1.5, grey: true, noise: 25 } as const],
  ])('%s matches', async (_name, opts) => {
    const { s, form } = await draft();
    const fin = await finalize(s, form);
    const res = await upload(s, form.id, await makeScan(await printCopy(s, fin), opts), opts.format);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().match.status).toBe('matched');
  });

  it('a 20-page PDF with the code only on page 7 matches', async () => {
    const { s, form } = await draft();
    const fin = await finalize(s, form);
    const copy = await makePrintCopy({
      payload: { formId: form.id, versionNo: 1, verificationCode: fin.finalized!.verificationCode },
      pages: 20,
      codeOnPages: [7],
    });
    const res = await upload(s, form.id, await makeScan(copy, { format: 'pdf', dpi: 100, grey: true }), 'pdf');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().match.message).toContain('在第 7 页识别到二维码');
  });

  it('a scan of an earlier version is a mismatch naming both versions; the earlier matched scan stays', async () => {
    const { s, form } = await draft();
    const v1 = await finalize(s, form);
    const v1Scan = await makeScan(await printCopy(s, v1), { format: 'jpeg', grey: true });
    const unf = (await s.inject({ method: 'POST', url: `/api/forms/${form.id}/unfinalize`, payload: { version: v1.version } })).json() as View;
    const v2 = await finalize(s, unf);
    const good = await upload(s, form.id, await makeScan(await printCopy(s, v2), { format: 'jpeg', grey: true }), 'jpeg');
    expect(good.statusCode).toBe(201);
    const res = await upload(s, form.id, v1Scan, 'jpeg');
    expect(res.statusCode).toBe(200);
    expect(res.json().match).toMatchObject({ status: 'mismatch', versionNo: 1 });
    expect(res.json().match.message).toBe(
      `扫描件为第 1 版（第 1 页），当前定稿为第 2 版（校验码 ${v2.finalized!.verificationCode}）。请打印第 2 版定稿，加盖公章后重新扫描上传`,
    );
    expect(res.json().file).toBeNull();
    expect(await get(s, form.id)).toMatchObject({ scan: { id: good.json().file.id }, scanMatch: 'matched' });
  });

  it('a scan of another unit’s form, and a forged code for another form id, are mismatches and change nothing', async () => {
    const a = await draft();
    const b = await draft();
    const finA = await finalize(a.s, a.form);
    const finB = await finalize(b.s, b.form);
    const otherScan = await makeScan(await printCopy(b.s, finB), { format: 'jpeg' });
    const res = await upload(a.s, a.form.id, otherScan, 'jpeg');
    expect(res.json().match.status).toBe('mismatch');
    expect(res.json().match.message).toContain('属于另一份推荐表');
    const forged = await makeScan(
      await makePrintCopy({ payload: { formId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301', versionNo: 1, verificationCode: finA.finalized!.verificationCode } }),
      { format: 'png' },
    );
    const res2 = await upload(a.s, a.form.id, forged, 'png');
    expect(res2.json().match.status).toBe('mismatch');
    const wrongCode = await makeScan(await makePrintCopy({ payload: { formId: a.form.id, versionNo: 1, verificationCode: '00000000' } }), { format: 'png' });
    const res3 = await upload(a.s, a.form.id, wrongCode, 'png');
    expect(res3.json().match.message).toContain(`校验码 00000000 与第 1 版定稿的校验码 ${finA.finalized!.verificationCode} 不一致`);
    expect(await get(a.s, a.form.id)).toMatchObject({ scan: null, pendingScan: null, scanMatch: null });
  });

  it('a blank page is unreadable: the unit types the printed code (人工核对); a wrong code keeps the pending scan', async () => {
    const { s, form } = await draft();
    const fin = await finalize(s, form);
    const res = await upload(s, form.id, await makeBlankPage('jpeg'), 'jpeg');
    expect(res.statusCode).toBe(200);
    expect(res.json().match.status).toBe('unreadable');
    expect(res.json().match.message).toContain('也可以输入扫描件上印有的 8 位校验码');
    expect(res.json().form).toMatchObject({ scan: null, pendingScan: { id: res.json().file.id } });
    expect(res.json().form.submitBlockers).toEqual(['扫描件未能识别二维码：请输入扫描件上印有的校验码，或重新上传清晰的扫描件']);
    const wrong = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/scan/code`, payload: { code: 'ffff0000' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('与第 1 版定稿的校验码不一致');
    expect((await get(s, form.id)).pendingScan?.id).toBe(res.json().file.id);
    const typed = await s.inject({
      method: 'POST',
      url: `/api/forms/${form.id}/scan/code`,
      payload: { code: ` ${fin.finalized!.verificationCode.toLowerCase()} ` },
    });
    expect(typed.statusCode, typed.body).toBe(200);
    expect(typed.json().form).toMatchObject({ scan: { id: res.json().file.id }, scanMatch: 'manual', pendingScan: null, submitBlockers: [] });
    const sub = await s.inject({ method: 'POST', url: `/api/forms/${form.id}/submit`, payload: { version: typed.json().form.version } });
    expect(sub.statusCode, sub.body).toBe(200);
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    expect((await center.inject({ method: 'GET', url: `/api/checks/${form.id}` })).json().scanMatch).toBe('manual');
  });

  it('a PDF with no pages and a damaged PDF get a clear Chinese 400; the form is untouched', async () => {
    const { s, form } = await draft();
    await finalize(s, form);
    const empty = await upload(s, form.id, makePdfWithoutPages(), 'pdf');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/页/);
    const damaged = await upload(s, form.id, Buffer.from('%PDF-1.7\n garbage garbage'), 'pdf');
    expect(damaged.statusCode).toBe(400);
    expect(damaged.json().message).toMatch(/PDF/);
    const [row] = await db.select().from(forms).where(eq(forms.id, form.id));
    expect(row).toMatchObject({ scanFileId: null, pendingScanFileId: null });
  });

  it('before 定稿 and for another unit the scan is refused', async () => {
    const { s, form } = await draft();
    const blank = await makeBlankPage('png');
    const res = await upload(s, form.id, blank, 'png');
    expect(res.statusCode).toBe(409);
    const other = await unitWithUser(app, db);
    expect((await upload(other.s, form.id, blank, 'png')).statusCode).toBe(404);
  });
});
