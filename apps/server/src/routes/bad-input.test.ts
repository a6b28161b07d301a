import { connect } from 'node:net';
import ExcelJS from 'exceljs';
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
import { isSameOrigin } from '../plugins/auth.ts';
import { MALFORMED_MULTIPART_MESSAGE } from '../plugins/upload.ts';

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
  // Routes for any user go as the administrator, whom no exact test below needs (change-password probes may lock it).
  const role: Role = access === 'user' ? 'admin' : access[0]!;
  const res = await (await sessionOf(role)).inject(probe.opts);
  if (res.statusCode === 401 && !/^cookie/.test(probe.label)) await sessionOf(role, true); // a probe logged the session out
  return res;
}

describe('bad input is answered with a clear Chinese 4xx on every route', () => {
  it('no route answers 5xx to the corpus, and every /api refusal speaks Chinese', { timeout: 900_000 }, async () => {
    const offenders: string[] = [];
    const routes = [...app.routeTable].sort((a, b) => Number(/logout|change-password/.test(a.url)) - Number(/logout|change-password/.test(b.url)));
    let count = 0;
    for (const route of routes) {
      for (const probe of probesFor(route)) {
        count += 1;
        const res = await send(route, probe);
        const where = `${route.method} ${route.url} [${probe.label}] → ${res.statusCode}`;
        if (res.statusCode >= 500) offenders.push(`${where} ${res.body.slice(0, 160)}`);
        else if (res.statusCode >= 400 && route.url.startsWith('/api/') && !CJK.test(res.body)) offenders.push(`${where} (not Chinese) ${res.body.slice(0, 160)}`);
      }
    }
    expect(count).toBeGreaterThan(1000);
    expect(offenders).toEqual([]);
  });
});

const CONTROL = '含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入';
const NO_SUCH_DATE = '不是存在的日期，请检查年、月、日（如 2 月没有 30 日）';
const GOOD_ROW = { occupationCode: '4-10-01-05', occupationName: '养老护理员', jobTypeName: '', standardName: '养老护理员', standardVersion: '2019年版', inShortageCatalog: true, industries: ['养老护理'], expectedAssessments: 100, reason: '需求大' };

function boundaryBody(fields: Record<string, string>, file?: { name: string; bytes: Buffer }) {
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

describe('the answers to bad input, exactly', () => {
  it('refuses an Origin that is not this site (null, malformed, another scheme or port) with 403 in Chinese', async () => {
    const login = (origin: string) => app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin }, payload: { username: users.auditor, password: 'x' } });
    for (const origin of ['null', 'garbage', 'http://[::1', 'https://localhost:80', 'http://localhost:8080', 'http://localhost.evil.example']) {
      const res = await login(origin);
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().message).toBe('跨站请求已被拒绝：请求来源（Origin）不是本系统的地址，请从本系统的页面操作');
    }
    expect((await login('http://localhost')).statusCode).toBe(401); // same origin (default port): on to the password check
    const request = (protocol: string, host: string) => ({ protocol, headers: { host } }) as never;
    expect(isSameOrigin(request('http', 'zj.example'), 'https://zj.example', true)).toBe(true); // HTTPS ended at a proxy
    expect(isSameOrigin(request('http', 'zj.example'), 'https://zj.example', false)).toBe(false);
    expect(isSameOrigin(request('https', 'zj.example:443'), 'https://zj.example', false)).toBe(true);
  });

  it('refuses control characters in any text field, naming the field; multi-line text keeps its line breaks and tabs', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ad\u0000min', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().message).toBe(`“用户名”${CONTROL}`);

    const unit = await sessionOf('unit', true);
    const before = (await unit.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json() as { version: number };
    const header = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };
    const bad = await unit.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: before.version, header, rows: [GOOD_ROW, { ...GOOD_ROW, reason: '需求\u0000大' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe(`第 2 行“推荐理由”${CONTROL}`);
    expect((await unit.inject({ method: 'GET', url: `/api/forms/${form.id}` })).json().version).toBe(before.version);
    const multiLine = await unit.inject({ method: 'PUT', url: `/api/forms/${form.id}`, payload: { version: before.version, header, rows: [{ ...GOOD_ROW, reason: '第一行\n\t第二行' }] } });
    expect(multiLine.statusCode, multiLine.body).toBe(200);
    expect(multiLine.json().rows[0].reason).toBe('第一行\n\t第二行');

    const center = await sessionOf('center', true);
    const cases: [string, InjectOptions, string][] = [
      ['return reason', { method: 'POST', url: `/api/forms/${form.id}/return`, payload: { reason: '材料\u0007不全', until: '2024-10-30T17:00:00+08:00' } }, '理由'],
      ['campaign title', { method: 'POST', url: '/api/campaigns', payload: { title: '征集\u001b[31m' } }, '标题'],
      ['expert name', { method: 'POST', url: '/api/experts', payload: { name: '王\u0000', organization: '某大学' } }, '名称'],
      ['decision reason', { method: 'POST', url: `/api/campaigns/${reviewing.id}/review/decisions`, payload: { candidates: [{ id: candidates[0]!.id, version: 1 }], decision: 'not_selected', reason: '\u0000' } }, '理由'],
      ['list entry', { method: 'POST', url: '/api/reference/lists/shortage/entries', payload: { occupationCode: '4-10-01-05\u0000' } }, '职业编码'],
      ['a key', { method: 'POST', url: '/api/notices', payload: { ['ti\u0000tle']: 'x' } }, 'ti\u0000tle'],
      ['a lone surrogate', { method: 'PUT', url: `/api/experts/${expert.id}`, payload: { name: '王\ud800' } }, '名称'],
      ['the query', { method: 'GET', url: '/api/checks?campaignId=%00' }, '征集活动'],
      ['a path parameter', { method: 'GET', url: '/api/reference/occupations/4-10%00' }, '编码'],
    ];
    for (const [what, opts, label] of cases) {
      const res = await center.inject(opts);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().message, what).toBe(`“${label}”${CONTROL}`);
    }
    const auditor = await sessionOf('auditor', true);
    expect((await auditor.inject({ method: 'GET', url: '/api/audit?actor=a%00' })).json().message).toBe(`“操作人”${CONTROL}`);
  });

  it('refuses dates that do not exist, in bodies and queries, with 400 in Chinese', async () => {
    const center = await sessionOf('center', true);
    const round = await center.inject({ method: 'PUT', url: `/api/campaigns/${reviewing.id}/review/round`, payload: { deadline: '2024-02-30' } });
    expect(round.statusCode).toBe(400);
    expect(round.json().message).toBe(`“截止日期”${NO_SUCH_DATE}`);
    for (const until of ['2024-13-01T10:00:00+08:00', '2024-02-30T10:00:00+08:00']) {
      const res = await center.inject({ method: 'POST', url: `/api/forms/${form.id}/return`, payload: { reason: '材料不全', until } });
      expect(res.statusCode, until).toBe(400);
      expect(res.json().message).toBe(`“时限”${NO_SUCH_DATE}`);
    }
    for (const until of ['', 'abc']) {
      const res = await center.inject({ method: 'POST', url: `/api/forms/${form.id}/return`, payload: { reason: '材料不全', until } });
      expect(res.statusCode, until).toBe(400);
      expect(res.json().message).toBe('重新提交的时限须为日期时间');
    }
    const period = await center.inject({ method: 'GET', url: '/api/notices/period?startDate=2023-02-29' });
    expect(period.statusCode).toBe(400);
    expect(period.json().message).toBe(`“开始日期”${NO_SUCH_DATE}`);
  });

  it('answers a multipart body without a boundary or cut short with 400 in Chinese, on every upload route', async () => {
    const unit = await sessionOf('unit', true);
    const center = await sessionOf('center', true);
    const uploads: [Session, string][] = [
      [unit, `/api/forms/${form.id}/scan`],
      [unit, `/api/forms/${form.id}/imports`],
      [center, '/api/experts/import'],
      [center, '/api/reference/versions'],
    ];
    for (const [s, url] of uploads) {
      for (const p of multipartProbes().slice(0, 2).concat(multipartProbes().slice(3, 6))) {
        const res = await s.inject({ method: 'POST', url, ...p.opts });
        expect(res.statusCode, `${url} ${p.label}`).toBe(400);
        expect(res.json().message, `${url} ${p.label}`).toBe(MALFORMED_MULTIPART_MESSAGE);
      }
    }
    const objection = await app.inject({ method: 'POST', url: `/public/notices/${FAKE}/objection`, payload: 'x', headers: { 'content-type': 'multipart/form-data' } });
    expect(objection.statusCode).toBeLessThan(500);
  });

  it('refuses imported files holding control characters, naming the row and column, and imports nothing', async () => {
    const center = await sessionOf('center', true);
    const csv = await center.inject({ method: 'POST', url: '/api/reference/versions', ...boundaryBody({ kind: 'shortage' }, { name: 'q.csv', bytes: Buffer.from('职业编码,职业名称\n4-10-01-05,养老\u0000护理员\n') }) });
    expect(csv.statusCode).toBe(400);
    expect(csv.json().message).toContain(`第 2 行“职业名称”${CONTROL}`);
    const json = await center.inject({ method: 'POST', url: '/api/reference/versions', ...boundaryBody({ kind: 'shortage' }, { name: 'q.json', bytes: Buffer.from('[{"occupationCode":"4-10-01-05","name":"a\\u0000b"}]') }) });
    expect(json.statusCode).toBe(400);
    expect(json.json().message).toContain(`JSON 文件中“0.name”的内容${CONTROL}`);
    const field = await center.inject({ method: 'POST', url: '/api/reference/versions', ...boundaryBody({ kind: 'shortage', name: '版本\u0000' }, { name: 'q.csv', bytes: Buffer.from('职业编码\n4-10-01-05\n') }) });
    expect(field.statusCode).toBe(400);
    expect(field.json().message).toBe(`“版本名称”${CONTROL}`);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('专家名单');
    ws.addRow(['姓名*', '工作单位*']);
    ws.addRow(['王_x0000_五', '某大学']); // OOXML's escape of NUL, decoded by the reader
    const before = ((await center.inject({ method: 'GET', url: '/api/experts' })).json() as unknown[]).length;
    const experts = await center.inject({ method: 'POST', url: '/api/experts/import', ...boundaryBody({}, { name: 'e.xlsx', bytes: Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer) }) });
    expect(experts.statusCode, experts.body).toBe(400);
    expect(experts.json().message).toContain(`第2行：“姓名”${CONTROL}`);
    expect((await center.inject({ method: 'GET', url: '/api/experts' })).json()).toHaveLength(before);
  });

  it('answers oversized headers with 431 and an unparsable request with 400, in Chinese, on a listening server', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1');
        const chunks: Buffer[] = [];
        socket.on('data', (c: Buffer) => chunks.push(c));
        socket.on('error', reject);
        socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.write(request);
      });
    const big = await raw(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: zj_sid=${'x'.repeat(20_000)}\r\n\r\n`);
    expect(big.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(JSON.parse(big.slice(big.indexOf('\r\n\r\n') + 4))).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '请求头过大（多为本站 Cookie 过多或地址过长），请清除浏览器中本站的 Cookie 后重试' });
    const garbage = await raw('NOT AN HTTP REQUEST\r\n\r\n');
    expect(garbage.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(garbage.slice(garbage.indexOf('\r\n\r\n') + 4)).message).toBe('请求的格式不正确，服务器无法解析，请检查后重试');
    const ok = await fetch(`${address}/healthz`);
    expect(ok.status).toBe(200); // the instance keeps serving
  });

  it('answers a broken or overlong address in Chinese', async () => {
    const center = await sessionOf('center', true);
    const broken = await center.inject({ method: 'GET', url: '/api/campaigns/%E0%A4%A' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toBe('请求的地址含有无法识别的字符（百分号编码不正确），请检查链接是否完整正确');
    const long = await center.inject({ method: 'GET', url: `/api/campaigns/${'x'.repeat(3000)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().message).toBe('请求的地址过长，请检查链接是否完整正确');
  });
});
