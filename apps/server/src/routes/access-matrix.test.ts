import { describe, expect, it } from 'vitest';
import { ROLES } from '@zhengji/domain';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';

const { app, db, clock, mailer, config } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const sessions = new Map<string, Session>();
for (const role of ROLES) sessions.set(role, await loginAs(app, (await createUserRow(db, role)).username));

/** A published notice of a campaign with one objection (by 张三) against a candidate: center-only objects asked for by id. */
async function insertObjectionRow(campaignId: string, candidateId: string, receiptNo: string, extra: { phone?: string } = {}) {
  const { notices, objections } = await import('../db/schema/index.ts');
  const [notice] = await db
    .insert(notices)
    .values({ campaignId, title: '公示', startDate: '2024-10-08', endDate: '2024-10-14', status: 'published' })
    .returning();
  const now = new Date();
  const [objection] = await db
    .insert(objections)
    .values({
      noticeId: notice!.id,
      itemSeq: 1,
      candidateId,
      receiptNo,
      queryCodeHash: 'x',
      name: '张三',
      grounds: '理由',
      createdAt: now,
      updatedAt: now,
      ...extra,
    })
    .returning();
  return { notice: notice!, objection: objection! };
}

/** A draft (preview) version of a Shanghai list with an empty import report: a reference object asked for by id. */
async function insertDraftVersion(name: string) {
  const { referenceVersions } = await import('../db/schema/index.ts');
  const diff = { baseVersionId: null, added: 0, removed: 0, renamed: 0, changed: 0, addedItems: [], removedItems: [], renamedItems: [], changedItems: [] };
  const importReport = {
    source: 'manual',
    files: [],
    rowUnit: '条',
    counts: {},
    errorCount: 0,
    warningCount: 0,
    errors: [],
    warnings: [],
    diff,
    durationMs: 0,
  };
  const [row] = await db
    .insert(referenceVersions)
    .values({ kind: 'shortage', name, importedAt: new Date(), recordCount: 0, contentHash: name, status: 'draft', importReport })
    .returning();
  return row!;
}

const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace('*', 'x');
const apiRoutes = () => app.routeTable.filter((r) => r.url.startsWith('/api/'));

describe('authorization is deny by default', () => {
  it('every registered route declares who may call it', () => {
    const undeclared = app.routeTable.filter((r) => r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    expect(app.routeTable.length).toBeGreaterThan(10);
  });

  it('a route without a declaration is refused', async () => {
    const bare = await createTestApp();
    bare.app.get('/api/undeclared-probe', async () => ({ leaked: true }));
    const res = await bare.app.inject({ method: 'GET', url: '/api/undeclared-probe' });
    expect(res.statusCode).toBe(403);
  });

  it('answers 401 without a session on every non-public route', async () => {
    for (const r of apiRoutes().filter((x) => x.access !== 'public')) {
      const res = await app.inject({ method: r.method as 'GET', url: fill(r.url), payload: r.method === 'GET' ? undefined : {} });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to every role outside the declared list, without saying whether the object exists', async () => {
    for (const r of apiRoutes()) {
      if (!Array.isArray(r.access)) continue;
      for (const role of ROLES) {
        if (r.access.includes(role)) continue;
        const res = await sessions.get(role)!.inject({ method: r.method as 'GET', url: fill(r.url), payload: r.method === 'GET' ? undefined : {} });
        expect(res.statusCode, `${role} ${r.method} ${r.url}`).toBe(403);
        expect(res.json().message).toBe('您没有执行此操作的权限');
      }
    }
  });
});

/**
 * Object level: for every route that takes an id, an object owned by unit A (a form, its file, an import preview, a
 * notification) and an assignment of expert A (a candidate, a review, a score sheet) are asked for by unit B and
 * expert B. Each route needs a case below, so a new route without one fails. Roles outside the route's declared list
 * are refused with 403 before anything is read; a declared role gets the object gate's answer: 404 with the object's
 * "不存在或无权" message where it may not know the object exists, 403 where its existence is no secret, or the
 * public/own answer for routes whose object is not anyone's. In every case nothing in the database changes (sessions,
 * rate counters and the audit log, which records denials, aside).
 */
describe('authorization on objects: unit B and expert B never touch unit A’s and expert A’s objects', async () => {
  const { unitWithUser, openCampaignRow, ELDER_CARE, multipartFile } = await import('../../test/center-fixtures.ts');
  const { createCandidateRow, createExpertRow, createReviewCampaignRow } = await import('../../test/review-factories.ts');
  const { createStoredFileRow } = await import('../../test/factories.ts');
  const schema = await import('../db/schema/index.ts');
  const { sql } = await import('drizzle-orm');

  const center = sessions.get('center')!;
  const unitA = await unitWithUser(app, db);
  const unitB = await unitWithUser(app, db);
  const campaign = await openCampaignRow(db, [unitA.unit.id, unitB.unit.id]);
  const formA = (await unitA.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json() as { id: string; version: number };
  const HEADER = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };
  const saved = await unitA.s.inject({ method: 'PUT', url: `/api/forms/${formA.id}`, payload: { version: formA.version, header: HEADER, rows: [ELDER_CARE] } });
  expect(saved.statusCode, saved.body).toBe(200);
  const version = (saved.json() as { version: number }).version;
  const fileA = await createStoredFileRow(db, Buffer.from('%PDF-1.4 unit A'), { ownerUnitId: unitA.unit.id });
  const [notificationA] = await db
    .insert(schema.notifications)
    .values({ userId: unitA.user.id, kind: 'test', title: '单位A的通知', body: '正文', createdAt: new Date() })
    .returning();
  const [previewA] = await db
    .insert(schema.formImportPreviews)
    .values({
      formId: formA.id,
      createdBy: unitA.user.id,
      fileName: 'a.xlsx',
      kind: 'xlsx',
      formVersion: version,
      header: {},
      rows: [ELDER_CARE],
      problems: [],
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 86_400_000 * 365 * 5),
    })
    .returning();

  const reviewCampaign = await createReviewCampaignRow(db);
  const candidate = await createCandidateRow(db, reviewCampaign.id, { units: [{ unitId: unitA.unit.id, priority: 1 }] });
  const expertA = await createExpertRow(db);
  const expertB = await createExpertRow(db);
  const assigned = await center.inject({
    method: 'POST',
    url: `/api/campaigns/${reviewCampaign.id}/review/assignments`,
    payload: { candidateId: candidate.id, expertId: expertA.expert.id },
  });
  expect(assigned.statusCode, assigned.body).toBeLessThan(300);
  const sA = await loginAs(app, expertA.user!.username);
  const sB = await loginAs(app, expertB.user!.username);
  const SCORES = { scores: { strategy: 9, generality: 8, suitability: null, demand: 7 }, opinion: 'agree', comment: '建议入选' };
  expect((await sA.inject({ method: 'PUT', url: `/api/review/candidates/${candidate.id}/review`, payload: SCORES })).statusCode).toBe(200);
  const [assignmentA] = await db
    .select()
    .from(schema.assignments)
    .where(sql`${schema.assignments.candidateId} = ${candidate.id}`);
  const [reviewA] = await db
    .select()
    .from(schema.reviews)
    .where(sql`${schema.reviews.assignmentId} = ${assignmentA!.id}`);

  // A published notice of the review campaign with an objection against candidate A, and a reference version: the
  // center-only objects the routes below are asked for by id.
  const { notice: noticeA, objection: objectionA } = await insertObjectionRow(reviewCampaign.id, candidate.id, 'YY-A-0001');
  const versionA = await insertDraftVersion('矩阵测试预览');

  const ZERO = '00000000-0000-4000-8000-000000000000';
  /** The object of each path parameter: A's where A owns one; center-only objects nobody else may know of stay the zero id. */
  const objectOf = (url: string, param: string): string => {
    if (param === 'id') {
      if (url.startsWith('/api/forms/')) return formA.id;
      if (url.startsWith('/api/files/')) return fileA.id;
      if (url.startsWith('/api/notifications/')) return notificationA!.id;
      if (url.startsWith('/api/campaigns/')) return campaign.id;
      if (url.startsWith('/api/review/assignments/')) return assignmentA!.id;
      if (url.startsWith('/api/review/reviews/')) return reviewA!.id;
      if (url.startsWith('/api/users/')) return unitA.user.id;
      if (url.startsWith('/api/units/')) return unitA.unit.id;
      if (url.startsWith('/api/experts/')) return expertA.expert.id;
      if (url.startsWith('/api/notices/')) return noticeA.id;
      if (url.startsWith('/api/objections/')) return objectionA.id;
      if (url.startsWith('/api/reference/versions/')) return versionA!.id;
      return ZERO;
    }
    const byName: Record<string, string> = {
      campaignId: reviewCampaign.id,
      candidateId: candidate.id,
      expertId: expertA.expert.id,
      previewId: previewA!.id,
      formId: formA.id,
      n: '1',
      format: 'pdf',
      code: '4-10-01-05',
      kind: 'shortage',
      entryId: 'x',
    };
    return byName[param] ?? ZERO;
  };
  const fillObject = (url: string) => url.replace(/:([A-Za-z]+)/g, (_, p: string) => objectOf(url, p));

  /** [status, message]; 'public': the object is nobody's (reference data, a published call), never refused; 'own': the actor's own view. */
  type Expect = readonly [status: number, message: string] | 'public' | 'own';
  interface Case {
    body?: unknown;
    multipart?: boolean;
    unit?: Expect;
    expert?: Expect;
  }
  const FORM: Expect = [404, '该推荐表不存在或您无权查看'];
  const CANDIDATE: Expect = [404, '该候选职业不存在，或未分配给您评审'];
  const NOTIFICATION: Expect = [404, '该通知不存在或不属于您，请刷新通知列表'];
  const V = { version };
  /** One entry per route taking an id; roles outside the route's list need none (403 before anything is read). */
  const CASES: Record<string, Case> = {
    'PATCH /api/users/:id': {},
    'POST /api/users/:id/reset-password': {},
    'PATCH /api/units/:id': {},
    'GET /api/reference/occupations/:code': { unit: 'public', expert: 'public' }, // reference data is nobody's
    'GET /api/reference/versions/:id': {},
    'POST /api/reference/versions/:id/activate': {},
    'DELETE /api/reference/versions/:id': {},
    'GET /api/reference/templates/:kind': {},
    'GET /api/reference/lists/:kind': { unit: 'public', expert: 'public' },
    'POST /api/reference/lists/:kind/entries': {},
    'PUT /api/reference/lists/:kind/entries/:entryId': {},
    'DELETE /api/reference/lists/:kind/entries/:entryId': {},
    'GET /api/campaigns/:id': {},
    'PUT /api/campaigns/:id': {},
    'POST /api/campaigns/:id/transitions': {},
    'PUT /api/campaigns/:id/roster': {},
    'GET /api/campaigns/:id/roster': {},
    'GET /api/campaigns/:id/late-exceptions': {},
    'POST /api/campaigns/:id/late-exceptions': {},
    'POST /api/campaigns/:id/reminders': {},
    'GET /api/campaigns/:id/statistics': {},
    'GET /api/campaigns/:id/public': { unit: 'public', expert: 'public' },
    'GET /api/forms/:id': { unit: FORM },
    'PUT /api/forms/:id': { unit: FORM, body: { version, header: HEADER, rows: [] } },
    'PUT /api/forms/:id/content': { unit: FORM, body: { version, header: HEADER, rows: [] } },
    'POST /api/forms/:id/finalize': { unit: FORM, body: V },
    'POST /api/forms/:id/unfinalize': { unit: FORM, body: {} },
    'POST /api/forms/:id/scan': { unit: FORM, multipart: true },
    'POST /api/forms/:id/scan/code': { unit: FORM, body: { code: 'ffff0000' } },
    'POST /api/forms/:id/submit': { unit: FORM, body: V },
    'POST /api/forms/:id/withdraw': { unit: FORM },
    'GET /api/forms/:id/versions': { unit: FORM },
    'GET /api/forms/:id/versions/:n': { unit: FORM },
    'POST /api/forms/:id/return': {},
    'POST /api/forms/:id/accept': {},
    'GET /api/forms/:id/document.:format': { unit: FORM },
    'GET /api/campaigns/:id/template.xlsx': { unit: 'public', expert: 'public' },
    'POST /api/forms/:id/imports': { unit: FORM, multipart: true },
    'POST /api/forms/:id/imports/:previewId/confirm': { unit: FORM, body: V },
    'DELETE /api/forms/:id/imports/:previewId': { unit: FORM },
    'GET /api/files/:id': { unit: [404, '该文件不存在或您无权查看'] },
    'GET /api/checks/:formId': {},
    'POST /api/checks/:formId/start': {},
    'PUT /api/checks/:formId/decisions': {},
    'POST /api/checks/:formId/accept': {},
    'POST /api/checks/:formId/return': {},
    'GET /api/campaigns/:id/pool': {},
    'POST /api/campaigns/:id/pool/refresh': {},
    'POST /api/campaigns/:id/pool/merge': {},
    'POST /api/campaigns/:id/pool/split': {},
    'POST /api/campaigns/:id/pool/confirm-overlap': {},
    'GET /api/campaigns/:id/pool.xlsx': {},
    'POST /api/outbox/:id/retry': {},
    'POST /api/notifications/:id/read': { unit: NOTIFICATION, expert: NOTIFICATION },
    'PUT /api/experts/:id': {},
    'PUT /api/experts/:id/account': {},
    'GET /api/campaigns/:campaignId/review': {},
    'PUT /api/campaigns/:campaignId/review/round': {},
    'POST /api/campaigns/:campaignId/review/round/close': {},
    'POST /api/campaigns/:campaignId/review/round/reopen': {},
    'POST /api/campaigns/:campaignId/review/remind': {},
    'PUT /api/campaigns/:campaignId/review/panel/:expertId': {},
    'POST /api/campaigns/:campaignId/review/draw': {},
    'POST /api/campaigns/:campaignId/review/auto-assign': {},
    'POST /api/campaigns/:campaignId/review/assignments': {},
    'DELETE /api/review/assignments/:id': {},
    'POST /api/review/assignments/:id/reassign': {},
    'GET /api/campaigns/:campaignId/review/my': { expert: 'own' },
    'GET /api/review/candidates/:candidateId': { expert: CANDIDATE },
    'PUT /api/review/candidates/:candidateId/review': { expert: CANDIDATE, body: SCORES },
    'POST /api/review/candidates/:candidateId/review/submit': { expert: CANDIDATE, body: SCORES },
    'POST /api/review/reviews/:id/reopen': {},
    'GET /api/campaigns/:campaignId/review/results': {},
    'POST /api/campaigns/:campaignId/review/decisions': {},
    'GET /api/campaigns/:campaignId/review/experts/:expertId/score-sheet': { expert: [403, '您没有执行此操作的权限'] },
    'GET /api/campaigns/:campaignId/review/summary': {},
    'GET /api/notices/:id': {},
    'PATCH /api/notices/:id': {},
    'POST /api/notices/:id/publish': {},
    'GET /api/notices/:id/objections': {},
    'GET /api/objections/:id': {},
    'POST /api/objections/:id/actions': {},
    'POST /api/campaigns/:id/final-list': {},
    'GET /api/campaigns/:id/final-list': {},
    'GET /api/campaigns/:id/dossier.zip': {},
    'GET /api/occupations/:code/history': {},
  };
  /** Routes whose object the owner reads: A is answered 200, so the objects above are real. */
  const OWNER_READS: [Session, string][] = [
    [unitA.s, `/api/forms/${formA.id}`],
    [unitA.s, `/api/files/${fileA.id}`],
    [sA, `/api/review/candidates/${candidate.id}`],
    [sA, `/api/campaigns/${reviewCampaign.id}/review/experts/${expertA.expert.id}/score-sheet`],
  ];

  const IGNORED = new Set(['sessions', 'rate_counters', 'audit_log']);
  const rowsOf = async <T>(query: Parameters<typeof db.execute>[0]) => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
  const tables = (await rowsOf<{ t: string }>(sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1`))
    .map((r) => r.t)
    .filter((t) => !IGNORED.has(t) && !t.startsWith('__'));
  /** A digest of every table's rows. */
  const snapshot = async () => {
    const parts = tables.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS h FROM "${t}" x`);
    return rowsOf<{ t: string; n: number; h: string }>(sql.raw(parts.join(' UNION ALL ')));
  };
  const paramRoutes = () => apiRoutes().filter((r) => r.url.includes(':'));
  const actors = [
    { name: 'unit B', role: 'unit' as const, s: unitB.s, pick: (c: Case) => c.unit },
    { name: 'expert B', role: 'expert' as const, s: sB, pick: (c: Case) => c.expert },
  ];

  it('every route that takes an id has a case, and every case is a route', () => {
    const keys = paramRoutes().map((r) => `${r.method} ${r.url}`);
    expect(
      keys.filter((k) => !(k in CASES)),
      'routes without an object case',
    ).toEqual([]);
    expect(
      Object.keys(CASES).filter((k) => !keys.includes(k)),
      'cases without a route',
    ).toEqual([]);
    expect(tables.length).toBeGreaterThan(20);
  });

  it('the owners reach the objects used below', async () => {
    for (const [s, url] of OWNER_READS) expect((await s.inject({ method: 'GET', url })).statusCode, url).toBe(200);
  }, 120_000);

  it('answers 404 or 403 with the Chinese message and changes nothing', async () => {
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213ddb0000000049454e44ae426082',
      'hex',
    );
    for (const r of paramRoutes()) {
      const key = `${r.method} ${r.url}`;
      const c = CASES[key] ?? {};
      for (const a of actors) {
        const declared = r.access === 'public' || r.access === 'user' || (Array.isArray(r.access) && r.access.includes(a.role));
        const expected: Expect | undefined = declared ? a.pick(c) : [403, '您没有执行此操作的权限'];
        expect(expected, `${a.name} ${key}: the route lets ${a.role} in, so its case must say what ${a.name} gets`).toBeDefined();
        const before = await snapshot();
        const upload = c.multipart ? multipartFile(png, 'a.png', 'image/png') : undefined;
        const res = await a.s.inject({
          method: r.method as 'GET',
          url: fillObject(r.url),
          ...(upload ?? { payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : (c.body ?? {}) }),
        });
        if (expected === 'own') expect(res.statusCode, `${a.name} ${key}: ${res.body.slice(0, 200)}`).toBe(200);
        else if (expected === 'public') expect([401, 403], `${a.name} ${key}: ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
        else {
          expect([res.statusCode, res.json().message], `${a.name} ${key}`).toEqual(expected);
        }
        expect(await snapshot(), `${a.name} ${key} changed the database`).toEqual(before);
      }
    }
  }, 900_000);
});

/**
 * The object gate inside the use cases, not only the routes' role lists: reference versions and objections are the
 * center's (the admin reads versions); anyone else is refused FORBIDDEN before anything is read or written, whether
 * the object exists or not; a missing object is NOT_FOUND for those who may act.
 */
describe('the object gate of reference versions and objections', async () => {
  const schema = await import('../db/schema/index.ts');
  const { eq } = await import('drizzle-orm');
  const { getReferenceVersion } = await import('../use-cases/reference/get-reference-version.ts');
  const { activateReferenceVersion } = await import('../use-cases/reference/activate-reference-version.ts');
  const { discardReferenceVersion } = await import('../use-cases/reference/discard-reference-version.ts');
  const { getObjection } = await import('../use-cases/objection/get-objection.ts');
  const { handleObjection } = await import('../use-cases/objection/handle-objection.ts');
  const { createCampaignRow, createCandidates } = await import('../../test/notice-factories.ts');
  type Ctx = Parameters<typeof getObjection>[0];

  const actorOf = async (role: (typeof ROLES)[number]): Promise<Ctx> => {
    const user = await createUserRow(db, role);
    return {
      db,
      clock,
      mailer,
      config,
      ip: null,
      actor: { kind: 'user', userId: user.id, username: user.username, role, unitId: user.unitId ?? null },
    };
  };
  const campaign = await createCampaignRow(db, { status: 'publicizing' });
  const [cand] = await createCandidates(db, campaign.id, 1);
  const { objection } = await insertObjectionRow(campaign.id, cand!.id, 'YY-G-0001', { phone: '13812345678' });
  const draft = await insertDraftVersion('门禁测试预览');
  const ZERO = '00000000-0000-4000-8000-000000000000';
  const HANDLE = { action: 'accept', version: 1 } as const;
  const calls = (id: { version: string; objection: string }) => ({
    'reference.versions.read': (ctx: Ctx) => getReferenceVersion(ctx, id.version),
    'reference.activate': (ctx: Ctx) => activateReferenceVersion(ctx, id.version),
    'reference.import (discard)': (ctx: Ctx) => discardReferenceVersion(ctx, id.version),
    'objection.viewPersonal': (ctx: Ctx) => getObjection(ctx, id.objection),
    'objection.handle': (ctx: Ctx) => handleObjection(ctx, id.objection, HANDLE),
  });
  const rowsNow = async () => ({
    objection: (await db.select().from(schema.objections).where(eq(schema.objections.id, objection.id)))[0],
    draft: (await db.select().from(schema.referenceVersions).where(eq(schema.referenceVersions.id, draft!.id)))[0],
    audit: (await db.select({ id: schema.auditLog.id }).from(schema.auditLog)).length,
  });
  const refusal = async (call: Promise<unknown>) =>
    call.then(
      () => 'allowed',
      (e: { code?: string; message?: string }) => `${e.code ?? '?'} ${e.message ?? ''}`,
    );

  it.each(['unit', 'expert', 'auditor'] as const)('%s: FORBIDDEN on existing and missing objects, nothing changed', async (role) => {
    const ctx = await actorOf(role);
    for (const ids of [
      { version: draft!.id, objection: objection.id },
      { version: ZERO, objection: ZERO },
    ]) {
      for (const [name, call] of Object.entries(calls(ids))) {
        const before = await rowsNow();
        expect(await refusal(call(ctx)), `${role} ${name}`).toBe('FORBIDDEN 您没有执行此操作的权限');
        expect(await rowsNow(), `${role} ${name} changed something`).toEqual(before);
      }
    }
  });

  it('admin: reads a version, may not activate, discard or touch an objection', async () => {
    const ctx = await actorOf('admin');
    const answers = Object.fromEntries(
      await Promise.all(Object.entries(calls({ version: draft!.id, objection: objection.id })).map(async ([k, f]) => [k, await refusal(f(ctx))] as const)),
    );
    expect(answers).toEqual({
      'reference.versions.read': 'allowed',
      'reference.activate': 'FORBIDDEN 您没有执行此操作的权限',
      'reference.import (discard)': 'FORBIDDEN 您没有执行此操作的权限',
      'objection.viewPersonal': 'FORBIDDEN 您没有执行此操作的权限',
      'objection.handle': 'FORBIDDEN 您没有执行此操作的权限',
    });
    expect((await getReferenceVersion(ctx, draft!.id)).name).toBe('门禁测试预览');
  });

  it('center: a missing version or objection is NOT_FOUND with its Chinese message; the real ones are handled', async () => {
    const ctx = await actorOf('center');
    const missing = Object.fromEntries(
      await Promise.all(Object.entries(calls({ version: ZERO, objection: ZERO })).map(async ([k, f]) => [k, await refusal(f(ctx))] as const)),
    );
    expect(missing).toEqual({
      'reference.versions.read': 'NOT_FOUND 该数据版本不存在',
      'reference.activate': 'NOT_FOUND 该数据版本不存在',
      'reference.import (discard)': 'NOT_FOUND 该数据版本不存在',
      'objection.viewPersonal': 'NOT_FOUND 该异议不存在',
      'objection.handle': 'NOT_FOUND 该异议不存在',
    });
    expect((await getObjection(ctx, objection.id)).phone).toBe('13812345678');
    expect((await handleObjection(ctx, objection.id, HANDLE)).status).toBe('accepted');
    await discardReferenceVersion(ctx, draft!.id);
    expect((await rowsNow()).draft).toBeUndefined();
  });
});
