import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { campaigns, storedFileChunks, storedFiles } from '../db/schema/index.ts';
import { FILE_CHUNK_BYTES, storePendingFile } from '../files/store-file.ts';
import { UPLOAD_LIMITS } from '../files/upload-allowance.ts';
import { discardFileIfUnreferenced } from '../files/discard-file.ts';
import { ELDER_CARE, REFERENCE_DIR, qrOnlyScan, type FinalizedFormView } from '../../test/center-fixtures.ts';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

/** A PDF of the given size (header, then filler): for storage without a form. */
const pdfOf = (size: number) => {
  const b = Buffer.alloc(size, 0x20);
  b.write('%PDF-1.4\n');
  for (let i = 64; i < size; i += 4099) b[i] = i % 251;
  return b;
};

function multipart(name: string, content: Buffer) {
  const boundary = '----zjfile' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`);
  return {
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A unit user logged in with the finalized form of a new open campaign; `upload(size)` sends a matching scan of that size. */
async function unitWithForm() {
  clock.set('2024-10-08T10:00:00+08:00');
  const [campaign] = await db
    .insert(campaigns)
    .values({
      year: 2024,
      title: '2024年社会化职业技能等级认定职业（工种）征集',
      docNo: '沪人社职〔2024〕319号',
      issuer: '上海市人力资源和社会保障局',
      issueDate: '2024-09-25',
      deadline: '2024-10-22',
      status: 'open',
      industryTags: ['养老护理'],
      createdAt: new Date(Date.now() + Math.random() * 1000),
    })
    .returning();
  const user = await createUserRow(db, 'unit');
  const s = await loginAs(app, user.username);
  const mine = (await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign!.id}` })).json() as { id: string; version: number };
  const saved = (
    await s.inject({
      method: 'PUT',
      url: `/api/forms/${mine.id}`,
      payload: { version: mine.version, header: { contactName: '张三', contactPhone: '13912345678', fillDate: null }, rows: [ELDER_CARE] },
    })
  ).json() as { version: number };
  const form = (await s.inject({ method: 'POST', url: `/api/forms/${mine.id}/finalize`, payload: { version: saved.version } })).json() as FinalizedFormView;
  // A real scan's QR code, padded with trailing bytes (PNG readers stop at IEND) to the size under test.
  const qr = await qrOnlyScan(form);
  const scanOf = (size: number) => Buffer.concat([qr, Buffer.alloc(Math.max(0, size - qr.length), 0x20)]);
  const upload = (content: Buffer, name = 'scan.png') => s.inject({ method: 'POST', url: `/api/forms/${form.id}/scan`, ...multipart(name, content) });
  const uploadScanOf = (size: number) => upload(scanOf(size));
  return { s, user, form, upload, uploadScanOf, scanOf };
}

const chunksOf = async (fileId: string) => (await db.select({ n: count() }).from(storedFileChunks).where(eq(storedFileChunks.fileId, fileId)))[0]!.n;

describe('file content in chunks', () => {
  it('a 3 MB scan is stored in 256 KB chunks and read back whole, with its SHA-256', async () => {
    const { s, upload, scanOf } = await unitWithForm();
    const content = scanOf(3 * 1024 * 1024 + 17);
    const res = await upload(content);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().file.id as string;
    expect(res.json().file).toMatchObject({ size: content.length, sha256: createHash('sha256').update(content).digest('hex'), mime: 'image/png' });
    expect(await chunksOf(id)).toBe(Math.ceil(content.length / FILE_CHUNK_BYTES));
    const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
    expect(row).toMatchObject({ pending: false, size: content.length });
    const file = await s.inject({ method: 'GET', url: `/api/files/${id}` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-length']).toBe(String(content.length));
    expect(file.rawPayload.equals(content)).toBe(true);
  });

  it('other requests are served while a 20 MB scan is being stored', async () => {
    const { s, uploadScanOf } = await unitWithForm();
    let uploadDone = 0;
    const storing = uploadScanOf(20 * 1024 * 1024 - 1024).then((r) => {
      uploadDone = performance.now();
      return r;
    });
    // Wait until the content is being written, then ask for a trivial route that reads the session from the database.
    for (let i = 0; i < 400; i++) {
      const [p] = await db.select({ n: count() }).from(storedFiles).where(eq(storedFiles.pending, true));
      if (p!.n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const ping = await s.inject({ method: 'GET', url: '/api/ping' });
    const pingDone = performance.now();
    expect(ping.statusCode).toBe(200);
    const stored = await storing;
    expect(stored.statusCode, stored.body).toBe(201);
    expect(pingDone).toBeLessThan(uploadDone);
  }, 120_000);
});

describe('upload rate and quota', () => {
  it(`the ${String(UPLOAD_LIMITS.perWindow + 1)}st upload within 10 minutes is refused with 429; nothing is stored`, async () => {
    const { user, uploadScanOf } = await unitWithForm();
    for (let i = 0; i < UPLOAD_LIMITS.perWindow; i++) expect((await uploadScanOf(200)).statusCode).toBe(201);
    const before = await db.select({ n: count() }).from(storedFiles).where(eq(storedFiles.uploadedBy, user.id));
    const res = await uploadScanOf(200);
    expect(res.statusCode).toBe(429);
    expect(res.json().message).toBe('上传过于频繁：每 10 分钟最多上传 20 个文件，请10分钟后再试');
    expect(res.headers['retry-after']).toBeDefined();
    expect(await db.select({ n: count() }).from(storedFiles).where(eq(storedFiles.uploadedBy, user.id))).toEqual(before);
    clock.advance(10 * 60_000);
    expect((await uploadScanOf(200)).statusCode).toBe(201);
  });

  it("an upload over the unit's 200 MB is refused with 413, naming what is used", async () => {
    const { user, uploadScanOf } = await unitWithForm();
    await db
      .insert(storedFiles)
      .values({ sha256: 'x', mime: 'application/pdf', size: 199 * 1024 * 1024, originalName: 'old.pdf', ownerUnitId: user.unitId, uploadedBy: user.id });
    const res = await uploadScanOf(2 * 1024 * 1024);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toBe(
      '本单位已保存的文件共 199 MB，再上传这个 2 MB 的文件将超过 200 MB 的存储上限；被替换的旧扫描件会自动删除，如仍不足请联系市职鉴中心',
    );
    expect((await uploadScanOf(512 * 1024)).statusCode).toBe(201);
  });
});

describe('pending and superseded files', () => {
  it('a pending file nobody attached is swept after a day; an attached one is kept', async () => {
    const { user, uploadScanOf } = await unitWithForm();
    const actor = { kind: 'user' as const, userId: user.id, username: user.username, role: 'unit' as const, unitId: user.unitId };
    const orphan = await storePendingFile(
      { db, actor, clock, ip: null },
      { content: pdfOf(600 * 1024), originalName: 'x.pdf', mime: 'application/pdf', ownerUnitId: user.unitId },
    );
    expect(await chunksOf(orphan.id)).toBe(3);
    clock.advance(25 * 3600_000);
    const kept = await uploadScanOf(300);
    expect(kept.statusCode).toBe(201);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, orphan.id))).toEqual([]);
    expect(await chunksOf(orphan.id)).toBe(0);
    expect(await db.select({ id: storedFiles.id }).from(storedFiles).where(eq(storedFiles.id, kept.json().file.id))).toHaveLength(1);
  });

  it('discardFileIfUnreferenced keeps the current scan of a form and deletes a free file', async () => {
    const { uploadScanOf } = await unitWithForm();
    const current = (await uploadScanOf(300)).json().file.id as string;
    expect(await db.transaction((tx) => discardFileIfUnreferenced(tx, current))).toBe(false);
    const [free] = await db.insert(storedFiles).values({ sha256: 'y', mime: 'application/pdf', size: 1, originalName: 'free.pdf' }).returning();
    expect(await db.transaction((tx) => discardFileIfUnreferenced(tx, free!.id))).toBe(true);
    expect(await db.select().from(storedFiles).where(eq(storedFiles.id, free!.id))).toEqual([]);
    expect(await db.transaction((tx) => discardFileIfUnreferenced(tx, null))).toBe(false);
  });
});
