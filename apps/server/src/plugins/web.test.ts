import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';

// A built web app as the Vite build leaves it: hashed assets with their .br and .gz written once beside them.
const dist = mkdtempSync(path.join(tmpdir(), 'zj-web-'));
mkdirSync(path.join(dist, 'assets'));
const js = Buffer.from(`console.log(${JSON.stringify('征集'.repeat(2000))});`);
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><meta charset="utf-8"><title>征集</title><div id="root"></div>');
writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), js);
writeFileSync(path.join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(js));
writeFileSync(path.join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(js));
const { app } = await createTestApp({ webDistDir: dist }, { serveWeb: true });

describe('the web app is delivered compressed and cached', () => {
  it('sends the precompressed brotli or gzip file of a hashed asset, immutable for a year', async () => {
    const br = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(js.length / 10);
    const gz = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(js)).toBe(true);
    const plain = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(js)).toBe(true);
  });

  it('index.html (and any client route) revalidates', async () => {
    for (const url of ['/', '/form']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });
});
