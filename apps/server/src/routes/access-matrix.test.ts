import { describe, expect, it } from 'vitest';
import { ROLES } from '@zhengji/domain';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';

const { app, db } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const sessions = new Map<string, Session>();
for (const role of ROLES) sessions.set(role, await loginAs(app, (await createUserRow(db, role)).username));

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
