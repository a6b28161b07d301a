import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { InjectOptions } from 'fastify';
import type { Response as InjectResponse } from 'light-my-request';
import type { Role } from '@zhengji/domain';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { openCampaignRow } from '../../test/center-fixtures.ts';
import { createCampaignRow, createCandidates } from '../../test/notice-factories.ts';
import { createExpertRow } from '../../test/review-factories.ts';
import type { RouteEntry } from '../app.ts';

// Every route in the route table gets a fixed corpus of bad input, as a user its access admits; nothing may answer 5xx,
// and every refusal of an /api route says in Chinese what is wrong.
const { app, db } = await createTestApp({ loginIpLimitPerMinute: 1_000_000 });

const FAKE = '00000000-0000-4000-8000-000000000000';
const unitUser = await createUserRow(db, 'unit');
const open = await openCampaignRow(db, [unitUser.unitId!]);
const reviewing = await createCampaignRow(db, { status: 'reviewing' });
const candidates = await createCandidates(db, reviewing.id, 2, 'candidate');
const { expert, user: expertUser } = await createExpertRow(db);
const spareUser = await createUserRow(db, 'unit'); // edited, reset and disabled by the /api/users probes
const users: Record<Role, string> = {
  admin: (await createUserRow(db, 'admin')).username,
  center: (await createUserRow(db, 'center')).username,
  unit: unitUser.username,
  expert: expertUser!.username,
  auditor: (await createUserRow(db, 'auditor')).username,
};
const sessions = new Map<Role, Session>();
const sessionOf = async (role: Role, fresh = false) => {
  if (fresh || !sessions.has(role)) sessions.set(role, await loginAs(app, users[role]));
  return sessions.get(role)!;
};
const form = (await (await sessionOf('unit')).inject({ method: 'GET', url: `/api/forms/mine?campaignId=${open.id}` })).json() as { id: string };

/** A real object for a path parameter where the test world has one, so that bodies reach the use cases. */
function realId(url: string, param: string): string {
  if (param === 'formId' || (param === 'id' && url.startsWith('/api/forms/'))) return form.id;
  if (param === 'campaignId') return reviewing.id;
  if (param === 'id' && url.startsWith('/api/campaigns/')) return open.id;
  if (param === 'expertId' || (param === 'id' && url.startsWith('/api/experts/'))) return expert.id;
  if (param === 'candidateId') return candidates[0]!.id;
  if (param === 'id' && url.startsWith('/api/units/')) return unitUser.unitId!;
  if (param === 'id' && url.startsWith('/api/users/') && !url.endsWith('reset-password')) return spareUser.id;
  if (param === 'kind') return 'shortage';
  if (param === 'format') return url.includes('score-sheet') ? 'pdf' : 'xlsx';
  if (param === 'code') return '4-10-01-05';
  return FAKE;
}
const paramNames = (url: string) => [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
const fillUrl = (url: string, values: Record<string, string> = {}) =>
  url.replace(/:([A-Za-z]+)/g, (_m, p: string) => values[p] ?? realId(url, p)).replace('*', 'x');
/** The URL with unknown objects (the probes of headers and stray query keys need not render documents). */
const shallowUrl = (url: string) => fillUrl(url, Object.fromEntries(paramNames(url).map((p) => [p, /^[0-9a-f-]{36}$/.test(realId(url, p)) ? FAKE : realId(url, p)])));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonSchema = { type?: string | string[]; format?: string; enum?: Json[]; const?: Json; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; minimum?: number; minItems?: number; additionalProperties?: JsonSchema | boolean };

function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return null;
  }
}

/** A plausible value for a JSON schema (the shape the route expects, with made-up content). */
function sample(s: JsonSchema | undefined, depth = 0): Json {
  if (!s || depth > 6) return '测试';
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0] ?? null;
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return sample(alt.find((a) => a.type !== 'null') ?? alt[0], depth + 1);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'object': {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1);
    case 'boolean':
      return true;
    case 'string':
      if (s.format === 'uuid') return FAKE;
      if (s.format === 'date') return '2024-10-22';
      if (s.format === 'date-time') return '2024-10-22T10:00:00+08:00';
      if (s.format === 'email') return 'probe@example.com';
      return '测试';
    default:
      return '测试';
  }
}

/** Every leaf path of a sample value with its value. */
function leaves(v: Json, path: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
}
function setAt(v: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const copy = structuredClone(v) as Record<string | number, Json>;
  let cur = copy;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, Json>;
  cur[path.at(-1)!] = value;
  return copy as Json;
}
/** The same shape with every object turned into an array and every array into an object (wrong types everywhere). */
function flipped(v: Json): Json {
  if (Array.isArray(v)) return { 0: v.map(flipped) as Json };
  if (v && typeof v === 'object') return [Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flipped(x)]))];
  return v;
}

interface Probe {
  label: string;
  opts: InjectOptions;
}

const BOUNDARY = '----zjprobe';
const multipartProbes = (): Probe[] => [
  { label: 'multipart without boundary', opts: { payload: 'abc', headers: { 'content-type': 'multipart/form-data' } } },
  { label: 'multipart with an empty boundary', opts: { payload: 'abc', headers: { 'content-type': 'multipart/form-data; boundary=' } } },
  { label: 'multipart empty body', opts: { payload: '', headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } } },
  {
    label: 'multipart truncated in the file',
    opts: { payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 trunc`, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } },
  },
  {
    label: 'multipart truncated in the part headers',
    opts: { payload: `--${BOUNDARY}\r\nContent-Disposition: form-da`, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } },
  },
  {
    label: 'multipart with the wrong boundary',
    opts: { payload: `--other\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nx\r\n--other--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } },
  },
  {
    label: 'multipart with NUL in names and fields',
    opts: {
      payload:
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nshort\u0000age\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="name"\r\n\r\na\u0000b\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="effectiveDate"\r\n\r\n2024-02-30\r\n` +
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a\u0000b.json"\r\nContent-Type: application/json\r\n\r\n[{"code":"a\\u0000b","name":"x\u0000y"}]\r\n--${BOUNDARY}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    },
  },
];

/** The corpus for one route. */
function probesFor(route: RouteEntry): Probe[] {
  const url = route.url;
  const method = route.method as InjectOptions['method'];
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  const probes: Probe[] = [];
  const add = (label: string, opts: Omit<InjectOptions, 'method'> & { url: string }) => probes.push({ label, opts: { method, ...opts } });
  const bodySchema = jsonSchemaOf(route.schema?.body);
  const good = bodySchema ? sample(bodySchema) : {};
  const json = (payload: unknown) => ({ payload: JSON.stringify(payload), headers: { 'content-type': 'application/json' } });
  const withBody: { payload?: string; headers?: Record<string, string> } = unsafe ? json(good) : {};

  // Path parameters: NUL, garbage, invalid UUIDs, broken percent-encoding, very long.
  for (const p of paramNames(url)) {
    for (const bad of ['a%00b', 'abc', '%E0%A4%A', 'x'.repeat(3000), '..%2F..%2Fetc', `${FAKE}%00`, '%0A%0D']) {
      add(`param ${p}=${bad.slice(0, 20)}`, { url: fillUrl(url, { [p]: bad }), ...withBody });
    }
  }
  // Query strings.
  const querySchema = jsonSchemaOf(route.schema?.querystring);
  const queryKeys = Object.keys(querySchema?.properties ?? {});
  for (const q of ['x=%E0%A4%A', '%00=1', 'a[b][c]=1&&&==&', 'a=' + 'x'.repeat(5000)]) add(`query ${q.slice(0, 20)}`, { url: `${shallowUrl(url)}?${q}`, ...withBody });
  for (const k of queryKeys) {
    for (const bad of ['a%00b', 'abc', '2024-02-30', '1e999', '-1', '']) {
      add(`query ${k}=${bad}`, { url: `${fillUrl(url)}?${k}=${bad}`, ...withBody });
    }
    add(`query ${k} twice`, { url: `${fillUrl(url)}?${k}=1&${k}=2`, ...withBody });
  }
  // Cookies and Origin.
  for (const cookie of ['zj_sid=%00%E0%A4%A', `zj_sid=${'x'.repeat(4000)}`, 'zj_sid="unterminated; zj_sid=b; ;;=;']) {
    add(`cookie ${cookie.slice(0, 20)}`, { url: shallowUrl(url), ...withBody, headers: { ...(withBody.headers ?? {}), cookie } });
  }
  if (unsafe) {
    for (const origin of ['null', 'garbage', 'http://[::1', 'https://localhost:80', 'http://localhost:81']) {
      add(`origin ${origin}`, { url: shallowUrl(url), ...json(good), headers: { 'content-type': 'application/json', origin } });
    }
  }
  if (!unsafe) return probes;

  // Bodies.
  const raw = (label: string, payload: string | Buffer, type = 'application/json') => add(label, { url: fillUrl(url), payload, headers: { 'content-type': type } });
  raw('malformed JSON', '{"a":');
  raw('empty JSON body', '');
  raw('JSON null', 'null');
  raw('JSON string', '"text"');
  raw('JSON number overflow', '1e999999');
  raw('JSON array', '[]');
  raw('JSON prototype pollution', '{"__proto__":{"x":1},"constructor":{"prototype":{"y":1}}}');
  raw('deeply nested JSON', '['.repeat(200_000) + ']'.repeat(200_000));
  raw('invalid UTF-8', Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  raw('huge body', JSON.stringify({ a: 'x'.repeat(3 * 1024 * 1024) }));
  raw('text/plain', 'hello', 'text/plain');
  raw('xml', '<a/>', 'application/xml');
  raw('json with a charset', '{}', 'application/json; charset=latin1');
  raw('content-type garbage', '{}', ';;;');
  raw('urlencoded', 'a=%00&b=%E0%A4%A', 'application/x-www-form-urlencoded');
  add('{}', { url: fillUrl(url), ...json({}) });
  add('wrong types', { url: fillUrl(url), ...json(flipped(good)) });
  add('sample', { url: fillUrl(url), ...json(good) });
  const all = leaves(good);
  const strings = all.filter((l) => typeof l.value === 'string').slice(0, 40);
  for (const l of strings) {
    for (const bad of ['a\u0000b', 'a\u001bb', 'a\ud800b', '2024-02-30', '2024-13-01T10:00:00+08:00', '']) {
      add(`${l.path.join('.')}=${JSON.stringify(bad)}`, { url: fillUrl(url), ...json(setAt(good, l.path, bad)) });
    }
  }
  for (const l of all.filter((x) => typeof x.value === 'number').slice(0, 20)) {
    for (const bad of [1e308, -1, 1.5, '1', null]) add(`${l.path.join('.')}=${String(bad)}`, { url: fillUrl(url), ...json(setAt(good, l.path, bad as Json)) });
  }
  if (good && typeof good === 'object' && !Array.isArray(good)) {
    add('NUL in a key', { url: fillUrl(url), ...json({ ...good, 'a\u0000b': 1 }) });
    add('extra huge string', { url: fillUrl(url), ...json({ ...good, extra: 'x'.repeat(1_500_000) }) });
  }
  if (route.method === 'POST' || route.method === 'PUT') for (const p of multipartProbes()) add(p.label, { url: fillUrl(url), payload: p.opts.payload, headers: p.opts.headers });
  return probes;
}

const CJK = /[\u4e00-\u9fff]/;

async function send(route: RouteEntry, probe: Probe): Promise<InjectResponse> {
  const access = route.access;
  if (access === 'public' || access === undefined) return app.inject(probe.opts);
  const role: Role = access === 'user' ? 'center' : access[0]!;
  const res = await (await sessionOf(role)).inject(probe.opts);
  if (res.statusCode === 401 && !/^cookie/.test(probe.label)) await sessionOf(role, true); // a probe logged the session out
  return res;
}

describe('bad input is answered with a clear Chinese 4xx on every route', () => {
  it('no route answers 5xx to the corpus, and every /api refusal speaks Chinese', { timeout: 900_000 }, async () => {
    const offenders: string[] = [];
    const routes = [...app.routeTable].sort((a, b) => Number(/logout|change-password/.test(a.url)) - Number(/logout|change-password/.test(b.url)));
    let count = 0;
    const timing = new Map<string, number>();
    const samples: string[] = [];
    for (const route of routes) {
      for (const probe of probesFor(route)) {
        count += 1;
        const t0 = performance.now();
        const res = await send(route, probe);
        const k = `${probe.label.replace(/[=\s].*/, '')} ${route.method} ${route.url}`;
        timing.set(k, (timing.get(k) ?? 0) + performance.now() - t0);
        if (probe.label === 'sample') samples.push(`${route.method} ${route.url} ${res.statusCode} ${res.body.slice(0, 120)}`);
        const where = `${route.method} ${route.url} [${probe.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) offenders.push(`${where} ${res.body.slice(0, 160)}`);
        else if (res.statusCode >= 400 && route.url.startsWith('/api/') && !CJK.test(res.body)) offenders.push(`${where} (not Chinese) ${res.body.slice(0, 160)}`);
      }
    }
    if (process.env.BAD_INPUT_REPORT) writeFileSync(process.env.BAD_INPUT_REPORT, [...offenders, `count ${count}`, ...[...timing].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${k} ${v.toFixed(0)}`), ...samples].join('\n'));
    expect(count).toBeGreaterThan(1000);
    expect(offenders).toEqual([]);
  });
});
