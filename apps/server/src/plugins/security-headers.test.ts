import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { helmetHeaders } from './security-headers.ts';

const { app } = await createTestApp();

describe('security headers', () => {
  it("are on a JSON answer, on a refusal and on a 404, with the app's content security policy", async () => {
    for (const [method, url, status] of [
      ['GET', '/readyz', 200],
      ['GET', '/api/me', 401],
      ['GET', '/api/no-such-route', 404],
      ['POST', '/api/auth/login', 400],
    ] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? {} : undefined });
      expect(res.statusCode, `${method} ${url}`).toBe(status);
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['strict-transport-security'], url).toBeUndefined(); // secureCookies off in the tests
    }
  });

  it('are what helmet itself sets with the same options, HSTS included when asked', () => {
    const headers = helmetHeaders({ hsts: { maxAge: 100 }, referrerPolicy: { policy: 'no-referrer' } });
    expect(headers['strict-transport-security']).toBe('max-age=100; includeSubDomains');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-powered-by']).toBeUndefined();
  });
});
