import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { REFERENCE_DIR, openCampaignRow, submitAsUnit, unitWithUser } from '../../test/center-fixtures.ts';
import { notifications, outbox, users } from '../db/schema/index.ts';

const { app, db, clock } = await createTestApp({
  referenceDir: REFERENCE_DIR,
  loginIpLimitPerMinute: 100_000,
  sessionIdleMinutes: 10_000_000,
  sessionAbsoluteHours: 1_000_000,
});

async function note(userId: string, title: string, at: string) {
  const [row] = await db
    .insert(notifications)
    .values({ userId, kind: 'test', title, body: `${title}的正文`, link: '/form', createdAt: new Date(at) })
    .returning();
  return row!;
}

describe('/api/notifications', () => {
  it('401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/notifications/read-all' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'POST', url: '/api/notifications/00000000-0000-4000-8000-000000000000/read' })).statusCode).toBe(401);
  });

  it('lists only the own notifications, newest first, with the unread count; marks one and all read; another user cannot', async () => {
    const alice = await createUserRow(db, 'unit');
    const bob = await createUserRow(db, 'expert');
    const a = await loginAs(app, alice.username);
    const b = await loginAs(app, bob.username);
    const old = await note(alice.id, '推荐表已提交', '2024-10-08T10:00:00+08:00');
    const fresh = await note(alice.id, '推荐表被退回修改', '2024-10-09T10:00:00+08:00');
    const bobs = await note(bob.id, '评审分配', '2024-10-09T11:00:00+08:00');

    let list = (await a.inject({ method: 'GET', url: '/api/notifications' })).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { title: string }) => n.title)).toEqual(['推荐表被退回修改', '推荐表已提交']);
    expect(list.items.some((n: { id: string }) => n.id === bobs.id)).toBe(false);

    // Bob can neither read nor mark Alice's notification: 404, and it stays unread.
    const foreign = await b.inject({ method: 'POST', url: `/api/notifications/${fresh.id}/read` });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().message).toBe('该通知不存在或不属于您，请刷新通知列表');
    const [still] = await db.select().from(notifications).where(eq(notifications.id, fresh.id));
    expect(still!.readAt).toBeNull();
    expect((await b.inject({ method: 'GET', url: '/api/notifications' })).json().items.map((n: { id: string }) => n.id)).toEqual([bobs.id]);

    const bad = await a.inject({ method: 'POST', url: '/api/notifications/abc/read' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('通知编号格式不正确');
    const badLimit = await a.inject({ method: 'GET', url: '/api/notifications?limit=500' });
    expect(badLimit.statusCode).toBe(400);
    expect(badLimit.json().message).toContain('条数不能超过 100');

    clock.set('2024-10-10T09:00:00+08:00');
    const read = await a.inject({ method: 'POST', url: `/api/notifications/${fresh.id}/read` });
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).toBe(new Date('2024-10-10T09:00:00+08:00').toISOString());
    list = (await a.inject({ method: 'GET', url: '/api/notifications?unread=true' })).json();
    expect(list.items.map((n: { id: string }) => n.id)).toEqual([old.id]);
    expect(list.unread).toBe(1);

    // Read-all marks only the caller's.
    const all = await a.inject({ method: 'POST', url: '/api/notifications/read-all' });
    expect(all.json()).toEqual({ marked: 1, unread: 0 });
    expect((await b.inject({ method: 'GET', url: '/api/notifications' })).json().unread).toBe(1);
  });

  it('a receipt and a return reach the unit in the application and by e-mail; a unit without e-mail still gets the in-app one and a visible failed mail', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const withMail = await unitWithUser(app, db);
    const noMail = await unitWithUser(app, db, { contactEmail: null });
    await db.update(users).set({ email: null }).where(eq(users.id, noMail.user.id));
    const campaign = await openCampaignRow(db, [withMail.unit.id, noMail.unit.id]);
    await submitAsUnit(withMail.s, campaign.id);
    const formId = await submitAsUnit(noMail.s, campaign.id);
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    clock.advance(60_000); // the return comes after the receipt (same-instant notifications have no defined order)
    const ret = await center.inject({
      method: 'POST',
      url: `/api/forms/${formId}/return`,
      payload: { reason: '请补充推荐理由', until: '2024-10-20T17:00:00+08:00' },
    });
    expect(ret.statusCode, ret.body).toBe(200);

    const mine = (await noMail.s.inject({ method: 'GET', url: '/api/notifications' })).json();
    expect(mine.unread).toBe(2);
    expect(mine.items.map((n: { title: string }) => n.title)).toEqual(['【征集】推荐表被退回修改', '【征集】推荐表已提交（第 1 版）']);
    expect(mine.items[0].body).toContain('退回理由：请补充推荐理由');
    const failed = await db.select().from(outbox).where(eq(outbox.subject, '【征集】推荐表被退回修改'));
    expect(failed.map((m) => [m.status, m.lastError])).toEqual([['failed', '收件单位没有登记电子邮箱']]);
    const theirs = (await withMail.s.inject({ method: 'GET', url: '/api/notifications' })).json();
    expect(theirs.items.map((n: { title: string }) => n.title)).toEqual(['【征集】推荐表已提交（第 1 版）']);
  });

  it('the roster board marks the units that no e-mail reaches (neither the unit nor an enabled user has an address)', async () => {
    const reachable = await unitWithUser(app, db);
    const userOnly = await unitWithUser(app, db, { contactEmail: null });
    const none = await unitWithUser(app, db, { contactEmail: null });
    await db.update(users).set({ email: null }).where(eq(users.id, none.user.id));
    const campaign = await openCampaignRow(db, [reachable.unit.id, userOnly.unit.id, none.unit.id]);
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    const board = (await center.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster` })).json() as {
      entries: { unitId: string; noEmail: boolean }[];
    };
    const flag = (id: string) => board.entries.find((e) => e.unitId === id)!.noEmail;
    expect([flag(reachable.unit.id), flag(userOnly.unit.id), flag(none.unit.id)]).toEqual([false, false, true]);
    // An address added later on the admin page counts at once (addresses are not cached with the board).
    await db.update(users).set({ email: 'later@example.com' }).where(eq(users.id, none.user.id));
    const again = (await center.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/roster` })).json() as {
      entries: { unitId: string; noEmail: boolean }[];
    };
    expect(again.entries.find((e) => e.unitId === none.unit.id)!.noEmail).toBe(false);
  });
});
