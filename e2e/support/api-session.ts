import { expect, inject } from 'vitest';
import { formCodePng } from '../../apps/server/src/documents/form-code.ts';
import { demoAccounts } from './accounts.ts';

/** One call of an API session: JSON (or FormData) in, JSON out; a non-2xx answer throws with its body. */
export type ApiCall = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** A demo user's API session over HTTP (cookie + CSRF header), to set a journey's scene quickly. */
export async function apiSession(username: string): Promise<ApiCall> {
  const account = demoAccounts().find((a) => a.username === username)!;
  const base = inject('baseUrl');
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password: account.password }),
  });
  expect(res.status).toBe(200);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('zj_csrf='))!.slice('zj_csrf='.length);
  const headers = { cookie: cookies.join('; '), 'x-csrf-token': csrf, origin: base };
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${base}${path}`, {
      method,
      headers: { ...headers, ...(body instanceof FormData || body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body instanceof FormData ? body : body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path}: ${String(r.status)} ${text}`);
    return JSON.parse(text) as T;
  };
}

/**
 * Saves the header and rows of a unit's form, finalizes it, uploads the sealed scan and submits it. The journeys are
 * not about scans: the QR code the print copy carries stands in for the whole page.
 */
export async function saveFinalizeSubmit(
  call: ApiCall,
  form: { id: string; version: number },
  header: { contactName: string; contactPhone: string; fillDate: string | null },
  rows: unknown[],
): Promise<void> {
  const saved = await call<{ version: number }>('PUT', `/api/forms/${form.id}`, { version: form.version, header, rows });
  const fin = await call<{ finalized: { versionNo: number; verificationCode: string } }>('POST', `/api/forms/${form.id}/finalize`, {
    version: saved.version,
  });
  const qr = await formCodePng({ formId: form.id, versionNo: fin.finalized.versionNo, verificationCode: fin.finalized.verificationCode }, 300);
  const fd = new FormData();
  fd.append('file', new Blob([new Uint8Array(qr)], { type: 'image/png' }), '推荐表盖章扫描件.png');
  const up = await call<{ form: { version: number } }>('POST', `/api/forms/${form.id}/scan`, fd);
  await call('POST', `/api/forms/${form.id}/submit`, { version: up.form.version });
}
