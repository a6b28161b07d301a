import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('configuration', () => {
  it('seeds the demo on the embedded database, and on a server only with ZHENGJI_DEMO=1', () => {
    expect(loadConfig({}).demo).toBe(true);
    expect(loadConfig({ ZHENGJI_DEMO: '0' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x/y', ZHENGJI_DEMO: '1' }).demo).toBe(true);
  });

  it('defaults to port 3000 and ./data, Asia/Shanghai lockout and session settings', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect([c.lockoutThreshold, c.lockoutMinutes, c.sessionIdleMinutes, c.sessionAbsoluteHours]).toEqual([5, 30, 30, 12]);
    expect(loadConfig({ PORT: '8080', LOCKOUT_MINUTES: '10' })).toMatchObject({ port: 8080, lockoutMinutes: 10 });
  });

  it('opens a PostgreSQL pool of 20 connections unless DATABASE_POOL_SIZE says otherwise, and refuses a size that is not 1–200', () => {
    expect(loadConfig({}).databasePoolSize).toBe(20);
    expect(loadConfig({ DATABASE_POOL_SIZE: '8' }).databasePoolSize).toBe(8);
    for (const bad of ['0', '201', 'abc', '2.5']) expect(() => loadConfig({ DATABASE_POOL_SIZE: bad }), bad).toThrow('DATABASE_POOL_SIZE 应为 1 至 200 的整数');
  });
});
