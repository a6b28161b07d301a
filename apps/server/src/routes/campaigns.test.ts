import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { ELDER_CARE, REFERENCE_DIR, openCampaignRow, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { campaigns, notifications, outbox } from '../db/schema/index.ts';
import { createCampaignRow, createCandidates } from '../../test/notice-factories.ts';
import { sendDueReminders } from '../use-cases/campaign/send-reminders.ts';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

const NOTICE = {
  year: 2025,
  title: '2025年社会化职业技能等级认定职业（工种）征集',
  docNo: '沪人社职〔2025〕1号',
  issuer: '上海市人力资源和社会保障局',
  issueDate: '2025-09-25',
  deadline: '2025-10-22',
  industryTags: ['人工智能'],
  instructions: ['按优先级排序'],
};
const center = async () => loginAs(app, (await createUserRow(db, 'center')).username);

describe('POST /api/campaigns', () => {
  it('401 without a session, 403 for a unit, 400 naming the field', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/campaigns', payload: NOTICE })).statusCode).toBe(401);
    const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await unit.inject({ method: 'POST', url: '/api/campaigns', payload: NOTICE })).statusCode).toBe(403);
    const c = await center();
    const bad = await c.inject({ method: 'POST', url: '/api/campaigns', payload: { ...NOTICE, deadline: '22/10/2025' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('截止日期须为日期（YYYY-MM-DD）');
  });
  it('creates a draft with the notice fields, edits it with the version, refuses a stale edit', async () => {
    const c = await center();
    const res = await c.inject({ method: 'POST', url: '/api/campaigns', payload: NOTICE });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      status: 'draft',
      docNo: NOTICE.docNo,
      deadlineLabel: '2025年10月22日',
      rosterSize: 0,
      allowedActions: ['open'],
      abilities: { update: true, open: true },
    });
    const edited = await c.inject({ method: 'PUT', url: `/api/campaigns/${body.id}`, payload: { ...NOTICE, title: '改后的标题', version: 1 } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: '改后的标题', version: 2 });
    const stale = await c.inject({ method: 'PUT', url: `/api/campaigns/${body.id}`, payload: { ...NOTICE, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await c.inject({ method: 'GET', url: '/api/campaigns' })).json().some((x: { id: string }) => x.id === body.id)).toBe(true);
  });
});

describe('POST /api/campaigns/:id/transitions', () => {
  it('refuses out of order with the reason, needs a roster and a future deadline, then opens', async () => {
    clock.set('2025-10-01T10:00:00+08:00');
    const c = await center();
    const { id } = (await c.inject({ method: 'POST', url: '/api/campaigns', payload: NOTICE })).json();
    // The view says beforehand what the refusal will say, so the page disables the button with it.
    const draft = (await c.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json();
    expect(draft.actions.open).toEqual({ allowed: false, reason: '请先在名单中添加至少一个应报单位' });
    expect(draft.actions.sendReminders).toEqual({ allowed: false, reason: '征集活动处于“草稿”阶段，只有征集中才能提醒单位' });
    const close = await c.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'close', version: 1 } });
    expect(close.statusCode).toBe(409);
    expect(close.json().message).toBe('征集活动处于“草稿”阶段，不能截止征集；当前只能“开启征集”');
    const noRoster = await c.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'open', version: 1 } });
    expect(noRoster.statusCode).toBe(409);
    expect(noRoster.json().message).toBe('请先在名单中添加至少一个应报单位');
    const bad = await c.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'fly', version: 1 } });
    expect(bad.statusCode).toBe(400);
    const unit = await createUnitRow(db);
    expect((await c.inject({ method: 'PUT', url: `/api/campaigns/${id}/roster`, payload: { unitIds: [unit.id] } })).statusCode).toBe(200);
    const opened = await c.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'open', version: 1 } });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ status: 'open', rosterSize: 1, allowedActions: ['close'] });
    expect(opened.json().actions.open).toEqual({ allowed: false, reason: '征集活动处于“征集中”阶段，不能开启征集；当前只能“截止征集”' });
    expect(opened.json().actions.sendReminders).toEqual({ allowed: true, reason: null });
    const early = await c.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'close', version: 2 } });
    expect(early.json().message).toBe('截止日期2025年10月22日尚未到达，截止日后方可截止征集');
    expect(opened.json().actions.close).toEqual({ allowed: false, reason: early.json().message });
    clock.set('2025-10-23T09:00:00+08:00');
    const after = (await c.inject({ method: 'GET', url: `/api/campaigns/${id}` })).json();
    expect(after.actions.close).toEqual({ allowed: true, reason: null });
    expect(after.actions.sendReminders).toEqual({ allowed: false, reason: '征集已过截止日期，无需再发送提醒' });
    const late = await c.inject({ method: 'POST', url: `/api/campaigns/${id}/reminders` });
    expect(late.json().message).toBe(after.actions.sendReminders.reason);
    clock.set('2025-10-01T10:00:00+08:00');
    const pub = await app.inject({ method: 'GET', url: `/api/campaigns/${id}/public` });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ docNo: NOTICE.docNo, instructions: ['按优先级排序'] });
    expect(pub.json()).not.toHaveProperty('rosterSize');
    expect(pub.json()).not.toHaveProperty('contactName');
    expect(pub.json()).not.toHaveProperty('contactPhone');
  });
  it('开始公示 and 发布最终名单 are not phase buttons: 409 pointing to the 公示与发布 page, nothing changed', async () => {
    const c = await center();
    const reviewing = await createCampaignRow(db, { status: 'reviewing' });
    await createCandidates(db, reviewing.id, 2);
    const start = await c.inject({
      method: 'POST',
      url: `/api/campaigns/${reviewing.id}/transitions`,
      payload: { action: 'startPublicity', version: reviewing.version },
    });
    expect(start.statusCode).toBe(409);
    expect(start.json()).toMatchObject({
      code: 'INVALID_STATE',
      message: '公示不能直接开始：请在“公示与发布”页面创建公示并点击“发布公示”，发布后征集活动自动进入“公示中”阶段',
      details: { path: '/notices' },
    });
    const publicizing = await createCampaignRow(db, { status: 'publicizing' });
    const publish = await c.inject({
      method: 'POST',
      url: `/api/campaigns/${publicizing.id}/transitions`,
      payload: { action: 'publish', version: publicizing.version },
    });
    expect(publish.statusCode).toBe(409);
    expect(publish.json().message).toContain('请在“公示与发布”页面，待公示期满且异议全部办结后点击“发布最终名单”');
    const after = await db.select({ id: campaigns.id, status: campaigns.status, version: campaigns.version }).from(campaigns);
    expect(after.find((r) => r.id === reviewing.id)).toMatchObject({ status: 'reviewing', version: reviewing.version });
    expect(after.find((r) => r.id === publicizing.id)).toMatchObject({ status: 'publicizing', version: publicizing.version });
    const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect(
      (await unit.inject({ method: 'POST', url: `/api/campaigns/${reviewing.id}/transitions`, payload: { action: 'startPublicity', version: 1 } })).statusCode,
    ).toBe(403);
  });
  it('a draft is not public; 403 for a unit', async () => {
    const c = await center();
    const { id } = (await c.inject({ method: 'POST', url: '/api/campaigns', payload: NOTICE })).json();
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${id}/public` })).statusCode).toBe(404);
    const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await unit.inject({ method: 'POST', url: `/api/campaigns/${id}/transitions`, payload: { action: 'open', version: 1 } })).statusCode).toBe(403);
  });
});

describe('roster, late exceptions, deadline', () => {
  it('shows every expected unit with state, rows and errors; filters and sorts', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const a = await unitWithUser(app, db, { name: `甲单位${Math.random()}` });
    const b = await unitWithUser(app, db, { name: `乙单位${Math.random()}` });
    const idle = await createUnitRow(db);
    const campaign = await openCampaignRow(db, [a.unit.id, b.unit.id, idle.id]);
    await submitAsUnit(a.s, campaign.id);
    const form = (await b.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json();
    await b.s.inject({
      method: 'PUT',
      url: `/api/forms/${form.id}`,
      payload: { version: form.version, header: {}, rows: [{ ...ELDER_CARE, occupationCode: '9-99' }] },
    });
    const c = await center();
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster` })).statusCode).toBe(401);
    expect((await a.s.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster` })).statusCode).toBe(403);
    const bad = await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster?state=lost` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('状态不正确');
    const res = await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster?sort=errors&order=desc` });
    expect(res.statusCode, res.body).toBe(200);
    const roster = res.json();
    expect(roster.total).toBe(3);
    expect(roster.counts).toMatchObject({ not_started: 1, draft: 1, submitted: 1 });
    expect(roster.entries[0]).toMatchObject({ unitId: b.unit.id, state: 'draft', rowCount: 1 });
    expect(roster.entries[0].errorCount).toBeGreaterThan(0);
    const submitted = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster?state=submitted` })).json();
    expect(submitted.entries).toHaveLength(1);
    expect(submitted.entries[0]).toMatchObject({ unitId: a.unit.id, rowCount: 2, errorCount: 0, contactName: '张三' });
  });

  it('a deadline passing while a unit edits: the next save is refused; a late exception (not in the past) lets it continue', async () => {
    const u = await unitWithUser(app, db);
    const campaign = await openCampaignRow(db, [u.unit.id]);
    clock.set('2024-10-22T23:58:00+08:00');
    const form = (await u.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` })).json();
    const first = await u.s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: form.version, header: {}, rows: [ELDER_CARE] } });
    expect(first.statusCode, first.body).toBe(200);
    clock.advance(3 * 60_000);
    const late = await u.s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: first.json().version, header: {}, rows: [ELDER_CARE] } });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('DEADLINE_PASSED');
    const c = await center();
    const past = await c.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/late-exceptions`,
      payload: { unitId: u.unit.id, reason: '系统故障', until: '2024-10-22T12:00:00+08:00' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toBe('延期时限须晚于当前时间');
    const noReason = await c.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/late-exceptions`,
      payload: { unitId: u.unit.id, reason: ' ', until: '2024-10-25T18:00:00+08:00' },
    });
    expect(noReason.json().message).toBe('请填写延期理由');
    expect(
      (
        await u.s.inject({
          method: 'POST',
          url: `/api/campaigns/${campaign.id}/late-exceptions`,
          payload: { unitId: u.unit.id, reason: 'x', until: '2024-10-25T18:00:00+08:00' },
        })
      ).statusCode,
    ).toBe(403);
    const ok = await c.inject({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/late-exceptions`,
      payload: { unitId: u.unit.id, reason: '系统故障', until: '2024-10-25T18:00:00+08:00' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/late-exceptions` })).json();
    expect(list[0]).toMatchObject({ unitId: u.unit.id, reason: '系统故障', grantedBy: '测试center' });
    const again = await u.s.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: first.json().version, header: {}, rows: [ELDER_CARE] } });
    expect(again.statusCode, again.body).toBe(200);
  });
});

describe('PUT /api/campaigns/:id with a deadline in the past', () => {
  it('409 naming how many expected units have not submitted; saved only when resent with confirmPastDeadline', async () => {
    clock.set('2024-10-15T10:00:00+08:00');
    const done = await unitWithUser(app, db);
    const idle = await createUnitRow(db);
    const drafting = await unitWithUser(app, db);
    const campaign = await openCampaignRow(db, [done.unit.id, idle.id, drafting.unit.id]);
    await submitAsUnit(done.s, campaign.id);
    await drafting.s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign.id}` });
    const c = await center();
    const fields = { ...NOTICE, year: 2024, deadline: '2024-10-14' };
    const refused = await c.inject({ method: 'PUT', url: `/api/campaigns/${campaign.id}`, payload: { ...fields, version: campaign.version } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'CONFLICT',
      message: '新的截止日期2024年10月14日已过：尚有2个应报单位未提交推荐表，保存后将不能再提交。确认要把截止日期改为2024年10月14日吗？',
      details: { confirm: 'confirmPastDeadline' },
    });
    const [unchanged] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(unchanged).toMatchObject({ deadline: '2024-10-22', title: campaign.title, version: campaign.version });
    const today = await c.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}`,
      payload: { ...fields, deadline: '2024-10-15', version: campaign.version },
    });
    expect(today.statusCode, today.body).toBe(200);
    const confirmed = await c.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}`,
      payload: { ...fields, version: today.json().version, confirmPastDeadline: true },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ deadline: '2024-10-14', shownStatus: 'closed' });
    const retitled = await c.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}`,
      payload: { ...fields, title: '只改标题', version: confirmed.json().version },
    });
    expect(retitled.statusCode, retitled.body).toBe(200);
    const bad = await c.inject({
      method: 'PUT',
      url: `/api/campaigns/${campaign.id}`,
      payload: { ...fields, version: retitled.json().version, confirmPastDeadline: 'yes' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('字段“确认将截止日期改到过去”：确认标记须为 true 或 false');
  });
});

describe('reminders', () => {
  it('7, 3 and 1 days before the deadline to units that have not submitted, once each, in the app and the outbox', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const idle = await unitWithUser(app, db);
    const done = await unitWithUser(app, db);
    const campaign = await openCampaignRow(db, [idle.unit.id, done.unit.id], { deadline: '2024-10-30' });
    await submitAsUnit(done.s, campaign.id);
    const keys = async () => (await db.select({ k: outbox.dedupeKey }).from(outbox)).map((r) => r.k).filter((k) => k?.startsWith(`reminder:${campaign.id}`));
    await sendDueReminders({ db, clock });
    expect(await keys()).toEqual([]);
    clock.set('2024-10-23T09:00:00+08:00');
    await Promise.all([sendDueReminders({ db, clock }), sendDueReminders({ db, clock })]);
    await sendDueReminders({ db, clock });
    expect(await keys()).toEqual([`reminder:${campaign.id}:${idle.unit.id}:7`]);
    clock.set('2024-10-29T09:00:00+08:00');
    await sendDueReminders({ db, clock });
    expect((await keys()).sort()).toEqual([`reminder:${campaign.id}:${idle.unit.id}:1`, `reminder:${campaign.id}:${idle.unit.id}:7`]);
    const inApp = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, idle.user.id), eq(notifications.kind, 'reminder')));
    expect(inApp).toHaveLength(2);
    const c = await center();
    const manual = await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/reminders` });
    expect(manual.json()).toEqual({ sent: 1 });
    expect((await c.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/reminders` })).json()).toEqual({ sent: 0 });
    expect((await idle.s.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/reminders` })).statusCode).toBe(403);
  });
});

describe('GET /api/campaigns/:id/statistics', () => {
  it('401, 403, rows by industry and unit type, progress', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const u = await unitWithUser(app, db);
    const campaign = await openCampaignRow(db, [u.unit.id]);
    await submitAsUnit(u.s, campaign.id);
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/statistics` })).statusCode).toBe(401);
    expect((await u.s.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/statistics` })).statusCode).toBe(403);
    const c = await center();
    const stats = (await c.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/statistics` })).json();
    expect(stats.totals).toMatchObject({ rosterSize: 1, submittedUnits: 1, rows: 2, shortageRows: 1 });
    expect(stats.byIndustry.map((x: { key: string }) => x.key).sort()).toEqual(['人工智能', '养老护理']);
    expect(stats.byUnitType).toEqual([{ key: '区人社局', rows: 2, candidates: 0, expected: 0 }]);
    expect(stats.progress).toEqual([{ date: '2024-10-08', submitted: 1, accepted: 0 }]);
  });
});
