import { describe, expect, it } from 'vitest';
import { campaigns, forms } from '../db/schema/index.ts';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { NOTICE_2024 } from '../bootstrap/demo-data.ts';

const { app, db, clock } = await createTestApp({ loginIpLimitPerMinute: 10_000 });

const values = (body: { cards: { key: string; value: unknown }[] }) => Object.fromEntries(body.cards.map((c) => [c.key, c.value]));

describe('GET /api/dashboard', () => {
  it('answers 401 without a session', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
  });

  it('gives the center its queue figures and a unit its own form', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const [campaign] = await db
      .insert(campaigns)
      .values({ ...NOTICE_2024, deadline: '2024-10-22', status: 'open' })
      .returning();
    const unitUser = await createUserRow(db, 'unit');
    await db.insert(forms).values({ campaignId: campaign!.id, unitId: unitUser.unitId!, status: 'submitted' });
    const center = await loginAs(app, (await createUserRow(db, 'center')).username);
    const c = await center.inject({ method: 'GET', url: '/api/dashboard' });
    expect(c.statusCode).toBe(200);
    expect(values(c.json())).toMatchObject({ campaigns: 1, submitted: 1, candidates: 0, objections: 0 });
    const unit = await loginAs(app, unitUser.username);
    const u = (await unit.inject({ method: 'GET', url: '/api/dashboard' })).json();
    expect(values(u)).toMatchObject({ form: '已提交', rows: 0, deadline: 15 });
  });

  it("counts today's audit events for the auditor, including refused logins", async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    const auditor = await loginAs(app, (await createUserRow(db, 'auditor')).username);
    const figures = values((await auditor.inject({ method: 'GET', url: '/api/dashboard' })).json());
    expect(figures.today).toBeGreaterThanOrEqual(3);
    expect(figures.denied).toBeGreaterThanOrEqual(1);
  });

  it('gives the admin and an expert their figures', async () => {
    const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);
    expect(values((await admin.inject({ method: 'GET', url: '/api/dashboard' })).json()).users).toBeGreaterThanOrEqual(4);
    const expert = await loginAs(app, (await createUserRow(db, 'expert')).username);
    expect(values((await expert.inject({ method: 'GET', url: '/api/dashboard' })).json())).toEqual({ todo: 0, done: 0 });
  });
});
