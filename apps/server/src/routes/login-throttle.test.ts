import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

const { app } = await createTestApp({ loginIpLimitPerMinute: 5 });

describe('per-IP login limit', () => {
  it('answers 429 with Retry-After once an address exceeds the limit, and not other addresses', async () => {
    const codes: number[] = [];
    let last;
    for (let i = 0; i < 7; i++) {
      last = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: `u${i}`, password: 'x' }, remoteAddress: '10.9.9.9' });
      codes.push(last.statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(0);
    expect(last!.json().message).toContain('登录尝试过于频繁');
    const other = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'u', password: 'x' }, remoteAddress: '10.9.9.10' });
    expect(other.statusCode).toBe(401);
  });
});
