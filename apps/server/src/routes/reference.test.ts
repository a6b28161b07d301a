import { OccupationDetailSchema, ReferenceSearchResultSchema } from '@zhengji/domain/reference/reference-view.schemas.ts';
import { readFileSync } from 'node:fs';
import { crc32, deflateRawSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { campaigns, referenceVersions } from '../db/schema/index.ts';
import { importReferenceAtStartup } from '../reference/import-reference-at-startup.ts';
import { getReferenceIndexForCampaign, invalidateReferenceCache } from '../reference/reference-cache.ts';
import { selectActiveVersionIds } from '../reference/reference-queries.ts';

const REF = process.env.REFERENCE_DIR ?? new URL('../../../../../shared/reference', import.meta.url).pathname;
const { app, db, database, config } = await createTestApp({ referenceDir: REF, demo: true });
const started = performance.now();
await importReferenceAtStartup(database, config, () => undefined);
const startupMs = performance.now() - started;

const center = await loginAs(app, (await createUserRow(db, 'center')).username);
const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);

function multipart(fields: Record<string, string>, files: { name: string; bytes: Buffer }[]) {
  const boundary = `----zj${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${f.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const upload = (s: Session, kind: string, name: string, bytes: Buffer, more: { name: string; bytes: Buffer }[] = []) =>
  s.inject({ method: 'POST', url: '/api/reference/versions', ...multipart({ kind }, [{ name, bytes }, ...more]) });

async function activeIds() {
  return selectActiveVersionIds(db);
}

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('first start', () => {
  test('imports the national files as active versions within the time budget, and demo lists', async () => {
    // The 10 s budget is measured by bench/reference-api.bench.ts; here only a loose guard (tests share a busy machine).
    expect(startupMs).toBeLessThan(30_000);
    const res = await center.inject({ method: 'GET', url: '/api/reference/versions' });
    expect(res.statusCode).toBe(200);
    const versions = res.json() as { kind: string; status: string; recordCount: number; summary: { counts: Record<string, number>; errorCount: number } }[];
    const occ = versions.find((v) => v.kind === 'occupations')!;
    expect(occ.status).toBe('active');
    expect(occ.summary.counts).toMatchObject({ level1: 8, level2: 79, level3: 450, level4: 1678, newOccupation: 68 });
    expect(occ.summary.errorCount).toBe(0);
    expect(versions.find((v) => v.kind === 'standards')!.recordCount).toBe(704);
    expect(versions.find((v) => v.kind === 'qualifications')!.recordCount).toBe(23);
    const shortage = await unit.inject({ method: 'GET', url: '/api/reference/lists/shortage' });
    expect(shortage.json().entries[0]).toMatchObject({
      occupationCode: '4-04-05-05',
      occupationName: '人工智能训练师',
      isDemo: true,
      note: '演示数据，非官方目录',
    });
  });
});

describe('search and browse', () => {
  test('ylhly finds 养老护理员 first, with standards and flags', async () => {
    const res = await unit.inject({ method: 'GET', url: '/api/reference/search?q=ylhly' });
    expect(res.statusCode).toBe(200);
    const [first] = res.json() as { code: string; name: string; standards: unknown[]; flags: { isSkillType: boolean } }[];
    expect(first).toMatchObject({ code: '4-10-01-05', name: '养老护理员', flags: { isSkillType: true } });
    expect(first!.standards.length).toBeGreaterThan(0);
  });
  test('by code, name and pinyin; flags of the Shanghai lists', async () => {
    const byCode = (await unit.inject({ method: 'GET', url: '/api/reference/search?q=4-04-05-05' })).json();
    expect(byCode[0]).toMatchObject({ name: '人工智能训练师', matchKind: 'code_exact', flags: { inShortageCatalog: true, isDigital: true } });
    const byPinyin = (await unit.inject({ method: 'GET', url: '/api/reference/search?q=yanglao&limit=3' })).json();
    expect(byPinyin[0].name).toBe('养老护理员');
    expect(byPinyin.length).toBeLessThanOrEqual(3);
  });
  test('by the name of a national standard: 眼镜验光员 finds the occupation 眼镜验光师', async () => {
    const res = await unit.inject({ method: 'GET', url: `/api/reference/search?q=${encodeURIComponent('眼镜验光员')}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()[0]).toMatchObject({ code: '4-14-03-03', name: '眼镜验光师', matchKind: 'standard_name' });
  });
  test('400 with the exact message', async () => {
    const res = await unit.inject({ method: 'GET', url: `/api/reference/search?q=${'a'.repeat(101)}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('搜索内容不能超过 100 个字');
  });
  test('tree and occupation detail', async () => {
    const top = (await unit.inject({ method: 'GET', url: '/api/reference/tree' })).json();
    expect(top).toHaveLength(8);
    const minor = (await unit.inject({ method: 'GET', url: '/api/reference/tree?parent=4-10-01' })).json() as { code: string }[];
    expect(minor.map((n) => n.code)).toContain('4-10-01-05');
    const detail = (await unit.inject({ method: 'GET', url: '/api/reference/occupations/4-04-05-05' })).json();
    expect(detail).toMatchObject({ name: '人工智能训练师', levelLabel: '细类（职业）', flags: { inShortageCatalog: true } });
    expect(detail.jobTypes).toContain('数据标注员');
    expect(detail.path.map((p: { code: string }) => p.code)).toEqual(['4', '4-04', '4-04-05']);
    const missing = await unit.inject({ method: 'GET', url: '/api/reference/occupations/9-99' });
    expect([missing.statusCode, missing.json().message]).toEqual([404, '编码 9-99 不在现行职业分类大典中，请检查编码或用名称搜索']);
  });
  test('the detail and the search answer are exactly their domain view schemas (nothing dropped, nothing extra)', async () => {
    const detail = (await unit.inject({ method: 'GET', url: '/api/reference/occupations/4-10-01-05' })).json() as Record<string, unknown>;
    expect(Object.keys(detail).sort()).toEqual(Object.keys(OccupationDetailSchema.shape).sort());
    expect(OccupationDetailSchema.strict().safeParse(detail).success).toBe(true);
    expect(detail).toMatchObject({ definition: expect.any(String), mainTasks: expect.arrayContaining([expect.any(String)]), status: 'current' });
    expect((detail.standards as unknown[]).length).toBeGreaterThan(0);
    const group = (await unit.inject({ method: 'GET', url: '/api/reference/occupations/4-10' })).json();
    expect(group).toMatchObject({ level: 2, flags: null, standards: [], shortage: [] });
    expect(group.children.length).toBeGreaterThan(0);
    const [hit] = (await unit.inject({ method: 'GET', url: '/api/reference/search?q=ylhly' })).json() as Record<string, unknown>[];
    expect(Object.keys(hit!).sort()).toEqual(Object.keys(ReferenceSearchResultSchema.shape).sort());
    expect(ReferenceSearchResultSchema.strict().safeParse(hit).success).toBe(true);
  });
});

describe('access', () => {
  const routes: [string, string][] = [
    ['GET', '/api/reference/search?q=a'],
    ['GET', '/api/reference/tree'],
    ['GET', '/api/reference/occupations/4'],
    ['GET', '/api/reference/versions'],
    ['GET', '/api/reference/versions/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/reference/versions'],
    ['POST', '/api/reference/versions/00000000-0000-4000-8000-000000000000/activate'],
    ['DELETE', '/api/reference/versions/00000000-0000-4000-8000-000000000000'],
    ['GET', '/api/reference/templates/occupations'],
    ['GET', '/api/reference/lists/shortage'],
    ['POST', '/api/reference/lists/shortage/entries'],
    ['PUT', '/api/reference/lists/shortage/entries/x'],
    ['DELETE', '/api/reference/lists/shortage/entries/x'],
  ];
  test.each(routes)('401 without a session: %s %s', async (method, url) => {
    const res = await app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(401);
  });
  test.each(routes.slice(3).filter(([, url]) => !url.startsWith('/api/reference/lists/shortage') || url.includes('entries')))(
    '403 for a unit user: %s %s',
    async (method, url) => {
      const res = await unit.inject({ method: method as 'GET', url, payload: method === 'GET' || method === 'DELETE' ? undefined : {} });
      expect(res.statusCode).toBe(403);
    },
  );
  test('/api/me carries the reference abilities', async () => {
    expect((await center.inject({ method: 'GET', url: '/api/me' })).json().abilities).toMatchObject({ 'reference.import': true, 'reference.search': true });
    expect((await unit.inject({ method: 'GET', url: '/api/me' })).json().abilities).toMatchObject({ 'reference.import': false, 'reference.search': true });
  });
});

describe('import with preview', () => {
  test('the real dictionary: identical preview, activation supersedes the previous version', async () => {
    const before = await activeIds();
    const res = await upload(center, 'occupations', 'occupations-2022.json', readFileSync(`${REF}/occupations-2022.json`));
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft).toMatchObject({ status: 'draft', recordCount: 2283, abilities: { activate: true } });
    expect(draft.report.counts).toMatchObject({ level4: 1678, newOccupation: 68 });
    expect(draft.report.diff).toMatchObject({ added: 0, removed: 0, renamed: 0, changed: 0 });
    expect(draft.report.warnings[0].message).toContain('沿用当前版本的新职业');
    expect(await activeIds()).toEqual(before);
    const t0 = performance.now();
    const act = await center.inject({ method: 'POST', url: `/api/reference/versions/${draft.id}/activate` });
    expect(act.statusCode).toBe(200);
    expect(performance.now() - t0).toBeLessThan(30_000);
    const [old] = await db.select().from(referenceVersions).where(eq(referenceVersions.id, before.occupations!));
    expect(old!.status).toBe('superseded');
    expect((await activeIds()).occupations).toBe(draft.id);
  });

  test('a modified copy shows added, removed and renamed; activation takes effect in search', async () => {
    const json = JSON.parse(readFileSync(`${REF}/occupations-2022.json`, 'utf8')) as {
      records: { code: string; name: string; level: number; parentCode: string }[];
    };
    json.records = json.records.filter((r) => r.code !== '6-03-03-03');
    json.records.find((r) => r.code === '8-00-00-00')!.name = '不便分类的其他从业人员（测试改名）';
    json.records.push({ code: '4-10-01-99', name: '测试新增职业甲', level: 4, parentCode: '4-10-01' });
    const res = await upload(center, 'occupations', 'modified.json', Buffer.from(JSON.stringify(json)));
    const draft = res.json();
    expect(draft.report.diff).toMatchObject({ added: 1, removed: 1, renamed: 1 });
    expect(draft.report.diff.renamedItems[0]).toMatchObject({ key: '8-00-00-00', from: '不便分类的其他从业人员' });
    expect((await unit.inject({ method: 'GET', url: '/api/reference/search?q=测试新增职业甲' })).json()).toHaveLength(0);
    await center.inject({ method: 'POST', url: `/api/reference/versions/${draft.id}/activate` });
    invalidateReferenceCache(db);
    expect((await unit.inject({ method: 'GET', url: '/api/reference/search?q=测试新增职业甲' })).json()[0].code).toBe('4-10-01-99');
  });

  test('a GBK CSV is decoded and the report says so', async () => {
    const bytes = iconv.encode('职业编码,工种,备注,依据文件\r\n4-04-05-05,,急需紧缺（测试）,沪人社职〔2024〕1号\r\n', 'gbk');
    const res = await upload(center, 'shortage', 'shortage-gbk.csv', bytes);
    expect(res.statusCode).toBe(201);
    const r = res.json().report;
    expect(r.files[0].encoding).toBe('GB18030（GBK）');
    expect(r.warnings[0].message).toContain('不是 UTF-8 编码');
    expect(r.errorCount).toBe(0);
    expect(r.diff).toMatchObject({ added: 0, removed: 2, changed: 1 });
    expect(r.diff.changedItems[0].key).toBe('4-04-05-05|');
    await center.inject({ method: 'POST', url: `/api/reference/versions/${res.json().id}/activate` });
    const list = (await unit.inject({ method: 'GET', url: '/api/reference/lists/shortage' })).json();
    expect(list.entries).toEqual([expect.objectContaining({ occupationCode: '4-04-05-05', note: '急需紧缺（测试）', source: '沪人社职〔2024〕1号' })]);
  });

  test('a UTF-8 BOM CSV with English headers imports the standards', async () => {
    const bytes = csv('\uFEFFcode,standardName,mappedOccupationCode2022,editionYear\n4-10-01-05,养老护理员,4-10-01-05,2019\n');
    const res = await upload(center, 'standards', 'standards.csv', bytes);
    expect(res.json().report).toMatchObject({ errorCount: 0, counts: { standard: 1 } });
    expect(res.json().report.files[0].encoding).toBe('UTF-8（带 BOM）');
  });

  test('bad files: nothing imported and the active versions untouched', async () => {
    const before = await activeIds();
    const truncated = readFileSync(`${REF}/qualification-catalog-2021-skill.json`).subarray(0, 3000);
    const bad = await upload(center, 'qualifications', 'q.json', truncated);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('JSON 格式错误');
    expect(bad.json().message).toContain('当前生效版本未受影响');

    const missing = await upload(center, 'standards', 's.csv', csv('编码X,名称\n4-10-01-05,养老护理员\n'));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().message).toContain('表头缺少必需的列：“标准编码”、“标准名称”');

    const quote = await upload(center, 'shortage', 'q.csv', csv('职业编码,备注\n4-04-05-05,"未闭合\n'));
    expect(quote.json().message).toContain('第 2 行的引号没有闭合');

    const xls = await upload(center, 'shortage', 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]));
    expect(xls.json().message).toContain('.xls');

    const json = await upload(center, 'standards', 'wrong.json', csv('{"rows": []}'));
    expect(json.json().message).toContain('JSON 文件结构不符');
    expect(await activeIds()).toEqual(before);
  });

  test('duplicate codes and unknown occupations are row errors; such a preview cannot be activated', async () => {
    const before = await activeIds();
    const res = await upload(center, 'shortage', 'dup.csv', csv('职业编码,工种,备注\n4-04-05-05,,a\n4-04-05-05,,b\n4-99-99-99,,c\n4-0405,,d\n'));
    const draft = res.json();
    expect(draft.report.errorCount).toBe(3);
    expect(draft.report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, message: expect.stringContaining('与第 2 行重复') }),
        expect.objectContaining({ row: 4, message: expect.stringContaining('4-99-99-99') }),
        expect.objectContaining({ row: 5, message: expect.stringContaining('X-XX-XX-XX') }),
      ]),
    );
    expect(draft.abilities.activate).toBe(false);
    const act = await center.inject({ method: 'POST', url: `/api/reference/versions/${draft.id}/activate` });
    expect(act.statusCode).toBe(409);
    expect(act.json().message).toContain('预览中有 3 处错误');
    const std = await upload(center, 'standards', 'std.csv', csv('标准编码,标准名称,对应职业编码（2022）\n4-99-01-01,不存在的标准,4-99-01-01\n'));
    expect(std.json().report.errors[0]).toMatchObject({ row: 2, message: expect.stringContaining('不在现行职业分类大典中') });
    const discard = await center.inject({ method: 'DELETE', url: `/api/reference/versions/${draft.id}` });
    expect(discard.statusCode).toBe(204);
    expect(await activeIds()).toEqual(before);
  });

  test('a file over 20 MB is refused with 413', async () => {
    const res = await upload(center, 'standards', 'big.csv', Buffer.alloc(21 * 1024 * 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toContain('20 MB');
  });

  test('an Excel zip bomb is refused by the guarded unzip', async () => {
    const res = await upload(
      center,
      'shortage',
      'bomb.xlsx',
      zipOf([
        ['[Content_Types].xml', Buffer.from('<Types/>')],
        ['xl/worksheets/sheet1.xml', Buffer.alloc(50 * 1024 * 1024, 0x20)],
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('压缩炸弹');
    const broken = await upload(center, 'shortage', 'cut.xlsx', (await listWorkbook()).subarray(0, 400));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toContain('Excel 文件已损坏');
  });

  test('an Excel list from the template imports, activates, and the active list shows it', async () => {
    const tpl = await center.inject({ method: 'GET', url: '/api/reference/templates/offered' });
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    const res = await upload(center, 'offered', 'offered.xlsx', await listWorkbook(tpl.rawPayload));
    const draft = res.json();
    expect(draft.report).toMatchObject({ errorCount: 0, counts: { entry: 2 } });
    expect(draft.report.warnings.some((w: { message: string }) => w.message.includes('不在职业 4-10-01-05 的工种列表中'))).toBe(true);
    await center.inject({ method: 'POST', url: `/api/reference/versions/${draft.id}/activate` });
    const list = (await unit.inject({ method: 'GET', url: '/api/reference/lists/offered' })).json();
    expect(list.entries.map((e: { occupationCode: string }) => e.occupationCode)).toEqual(['4-10-01-05', '6-31-01-03']);
    expect(list.abilities.edit).toBe(false);
  });
});

describe('Shanghai lists editing', () => {
  test('add, change, delete; each makes a new active version; stale base refused; campaigns keep their bound version', async () => {
    const first = (await center.inject({ method: 'GET', url: '/api/reference/lists/shortage' })).json();
    const [campaign] = await db
      .insert(campaigns)
      .values({
        year: 2099,
        title: '测试',
        docNo: '测试',
        issuer: '测试',
        issueDate: '2099-01-01',
        deadline: '2099-02-01',
        referenceVersions: { shortage: first.version.id },
      })
      .returning();
    const add = await center.inject({
      method: 'POST',
      url: '/api/reference/lists/shortage/entries',
      payload: { occupationCode: '４－１０－０１－０５', jobTypeName: null, note: '测试', source: '沪人社职〔2024〕1号', baseVersionId: first.version.id },
    });
    expect(add.statusCode).toBe(201);
    const second = add.json();
    expect(second.entries.at(-1)).toMatchObject({ occupationCode: '4-10-01-05', occupationName: '养老护理员', isDemo: false });
    expect(second.version.summary.change).toContain('新增 4-10-01-05 养老护理员');
    const stale = await center.inject({
      method: 'POST',
      url: '/api/reference/lists/shortage/entries',
      payload: { occupationCode: '6-31-01-03', baseVersionId: first.version.id },
    });
    expect(stale.statusCode).toBe(409);
    const dup = await center.inject({
      method: 'POST',
      url: '/api/reference/lists/shortage/entries',
      payload: { occupationCode: '4-10-01-05', baseVersionId: second.version.id },
    });
    expect(dup.statusCode).toBe(409);
    const unknown = await center.inject({
      method: 'POST',
      url: '/api/reference/lists/shortage/entries',
      payload: { occupationCode: '4-99-99-99', baseVersionId: second.version.id },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toContain('不在现行职业分类大典中');
    const bad = await center.inject({
      method: 'POST',
      url: '/api/reference/lists/shortage/entries',
      payload: { occupationCode: '4100', baseVersionId: second.version.id },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('职业编码格式应为 X-XX-XX-XX');
    const entry = second.entries.at(-1);
    const put = await center.inject({
      method: 'PUT',
      url: `/api/reference/lists/shortage/entries/${encodeURIComponent(entry.entryId)}`,
      payload: { occupationCode: '4-10-01-05', note: '改', baseVersionId: second.version.id },
    });
    expect(put.statusCode).toBe(200);
    const third = put.json();
    expect(third.entries.at(-1).note).toBe('改');
    const del = await center.inject({
      method: 'DELETE',
      url: `/api/reference/lists/shortage/entries/${encodeURIComponent(entry.entryId)}?baseVersionId=${third.version.id}`,
    });
    expect(del.json().entries.some((e: { occupationCode: string }) => e.occupationCode === '4-10-01-05')).toBe(false);

    invalidateReferenceCache(db);
    const bound = await getReferenceIndexForCampaign(db, campaign!.id);
    expect(bound.shortage?.length).toBe(first.entries.length);
    const put2 = await center.inject({
      method: 'POST',
      url: '/api/reference/lists/shortage/entries',
      payload: { occupationCode: '4-10-01-05', baseVersionId: del.json().version.id },
    });
    expect(put2.statusCode).toBe(201);
    invalidateReferenceCache(db);
    expect((await getReferenceIndexForCampaign(db, null)).inShortageCatalog('4-10-01-05')).toBe(true);
    expect((await getReferenceIndexForCampaign(db, campaign!.id)).inShortageCatalog('4-10-01-05')).toBe(false);
  });

  test('an active version cannot be discarded', async () => {
    const { shortage } = await activeIds();
    const res = await center.inject({ method: 'DELETE', url: `/api/reference/versions/${shortage}` });
    expect(res.statusCode).toBe(409);
  });
});

/** An offered-list workbook filled in the template's header row (or built from scratch). */
async function listWorkbook(template?: Buffer): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  if (template) await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.worksheets[0] ?? wb.addWorksheet('数据');
  if (!template) ws.addRow(['职业编码', '工种', '备注', '依据文件']);
  ws.addRow(['4-10-01-05', '不存在的工种', '测试', '测试文件']);
  ws.addRow(['6-31-01-03', null, '测试', '测试文件']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A minimal zip (deflated entries) built by hand, for the zip-bomb test. */
function zipOf(entries: [string, Buffer][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const packed = deflateRawSync(data, { level: 9 });
    const nameBytes = Buffer.from(name);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
