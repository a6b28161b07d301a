// Issue 13 (3): the deadline rush as users feel it. The server is the real entry (apps/server/src/server.ts) in its own
// process; this process is only the client, over HTTP on loopback.
//
//   • closed loop: 70 units, each saving its 30-row 推荐表 5 times in a row (PUT /api/forms/:id/content, the editor's
//     autosave, the next save sent when the previous one answered); saves/s, p50/p95, errors, and lost writes: at the
//     end every unit's form is read back and must show the unit's last acknowledged version and content. Beside it, a
//     trivial logged-in route (GET /api/ping) is probed at 10/s in the same run. The client is node:http on kept-alive
//     sockets (support/http-client.ts), so that the load generator takes little of the CPU it shares with the server.
//     The CPU time per save of the server, the PostgreSQL backends and this client is printed beside the limit's.
//   • the LIMIT, in the same run: the very same SQL statements one save issues, sent straight to the database at the
//     same concurrency (70 loops × 5), without the application. How the statements are obtained (honestly): one save
//     of an extra unit is sent through the real app (buildApp + inject, the same code the server process runs) on a
//     connection whose driver records every statement it is sent with its parameters and name, BEGIN and COMMIT
//     included — Drizzle's and the app's own fixed statements alike: today the session lookup, the read of the form
//     and the one conditional statement that writes header, rows and audit row (no explicit transaction). The
//     sequence is replayed for each unit with that unit's ids substituted (form, unit, user, session hash; fresh row
//     ids), a transaction's statements (if any) on one connection between BEGIN and COMMIT, the others on any
//     connection: on PostgreSQL with `pg` (named statements where the app names them) through a pool of as many
//     connections as one app instance has (DATABASE_POOL_SIZE, 20 by default); on PGlite (one connection by nature) on the same data folder in this
//     process, once the server process has stopped. The JSON encoding of the request and the answer and the checks in JavaScript
//     are what the limit leaves out: that is the application's cost.
//   • open loop: saves arrive at a fixed rate (40/s, round-robin over the 70 units: each unit autosaves every 1.75 s
//     while it types; a unit whose previous save has not answered yet waits for it, as the editor does), with the
//     trivial route probed at 10/s; latencies counted from the scheduled arrival (no coordinated omission).
//   • two instances on one PostgreSQL: the same closed loop with the units split over two server processes; their
//     combined capacity ÷ one instance's, with the CPU time each process and the PostgreSQL backends used.
//
// On PGlite (temp DATA_DIR) and on PostgreSQL: BENCH_DATABASE_URL (or DATABASE_URL) if set, else a private
// PostgreSQL cluster from /usr/lib/postgresql/*/bin on BENCH_PG_PORT (default: a free port), else PostgreSQL is
// skipped with the reason. After warm-up rounds of the closed loop (3) and of the limit (1), not in the figures (their
// errors and lost writes are), each measurement is repeated BENCH_RUSH_REPEATS times (default 3) and the medians shown;
// errors and lost writes are summed. BENCH_CPU_PROF=<dir> runs the (first) server process under `node --cpu-prof`.
// BENCH_RUSH_QUICK=1 stops on PostgreSQL after the closed loop and the limit (for profiling).
// Seed data goes through the real API: the administrator from ZHENGJI_ADMIN_*, the center account, the campaign
// (created and opened), the units, their accounts (password changed at first login) and their forms.
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { openPglite, type Db } from '../apps/server/src/db/client.ts';
import * as schema from '../apps/server/src/db/schema/index.ts';
import { hashSessionToken } from '../apps/server/src/auth/session-token.ts';
import { pgClusterUnavailableReason, startPgCluster, type PgCluster } from '../apps/server/test/pg-cluster.ts';
import { cpuDeltaMs, cpuSnapshot, pgClusterPids, processCpuMs, startAppProcess, type AppProcess } from './support/app-process.ts';
import { isOk, request } from './support/http-client.ts';
import { median, percentile } from './support/stats.ts';
import { benchRows, REFERENCE_DIR } from './support/rows.ts';

const UNITS = 70;
const ROWS = 30;
const ROUNDS = 5;
/** Closed-loop rounds run first and not counted (a long-running server has its hot code compiled). */
const WARM_ROUNDS = 3;
const REPEATS = Number(process.env.BENCH_RUSH_REPEATS ?? 3);
const OPEN_RATE = 40;
const OPEN_SECONDS = 10;
const PING_RATE = 10;
// Connections of one app instance's pool, as the server processes (started with this environment) read it.
const POOL_SIZE = loadConfig({ ...process.env }).databasePoolSize;
const ADMIN = 'benchadmin';
const PASSWORD = 'Rush#Bench2024a';
const NEW_PASSWORD = 'Rush#Bench2024b';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The environment of every server process of this bench. */
function serverEnv(extra: Record<string, string>): Record<string, string> {
  return {
    REFERENCE_DIR,
    ZHENGJI_ADMIN_USERNAME: ADMIN,
    ZHENGJI_ADMIN_PASSWORD: PASSWORD,
    LOGIN_IP_LIMIT_PER_MINUTE: '1000000',
    SESSION_IDLE_MINUTES: '600',
    AUDIT_CHECKPOINT_DIR: mkdtempSync(path.join(tmpdir(), 'zj-bench-ckpt-')),
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP client

interface Session {
  cookie: string;
  csrf: string;
  token: string;
}

async function login(url: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${String(res.status)} ${await res.text()}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const value = (name: string) => cookies.find((c) => c.startsWith(`${name}=`))!.slice(name.length + 1);
  return { cookie: cookies.join('; '), csrf: value('zj_csrf'), token: value('zj_sid') };
}

const headersOf = (s: Session) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' });

async function api<T>(url: string, s: Session, method: string, route: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${route}`, { method, headers: headersOf(s), body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${route}: ${String(res.status)} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

/** Runs fn over items with at most `n` at a time. */
async function pool<T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Seed (through the API)

interface Unit {
  i: number;
  unitId: string;
  userId: string;
  username: string;
  session: Session;
  formId: string;
  version: number;
  /** The last acknowledged save: its version and the contact name it wrote. */
  acked: { version: number; mark: string } | null;
}

interface Seed {
  campaignId: string;
  units: Unit[];
  capture: Unit;
}

async function seed(url: string): Promise<Seed> {
  const tag = Date.now().toString(36);
  const admin = await login(url, ADMIN, PASSWORD);
  const centerName = `rushcenter-${tag}`;
  await api(url, admin, 'POST', '/api/users', { username: centerName, displayName: '基准测试中心', role: 'center', password: PASSWORD });
  const firstCenter = await login(url, centerName, PASSWORD);
  await api(url, firstCenter, 'POST', '/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
  const center = await login(url, centerName, NEW_PASSWORD);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const deadline = new Date(Date.now() + 30 * 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
  const draft = await api<{ id: string; version: number }>(url, center, 'POST', '/api/campaigns', {
    year: 2024,
    title: `截止前集中填报基准测试 ${tag}`,
    docNo: `基准〔2024〕${tag}号`,
    issuer: '基准测试',
    issueDate: today,
    deadline,
  });
  const accounts = await pool(
    Array.from({ length: UNITS + 1 }, (_, i) => i),
    6,
    async (i) => {
      const unit = await api<{ id: string }>(url, admin, 'POST', '/api/units', { name: `基准测试单位${String(i + 1)}（${tag}）`, type: 'district' });
      const username = `rushunit${String(i + 1)}-${tag}`;
      const created = await api<{ user: { id: string } }>(url, admin, 'POST', '/api/users', {
        username,
        displayName: `经办人${String(i + 1)}`,
        role: 'unit',
        unitId: unit.id,
        password: PASSWORD,
      });
      return { i, unitId: unit.id, userId: created.user.id, username };
    },
  );
  await api(url, center, 'PUT', `/api/campaigns/${draft.id}/roster`, { unitIds: accounts.map((a) => a.unitId) });
  await api(url, center, 'POST', `/api/campaigns/${draft.id}/transitions`, { action: 'open', version: draft.version });
  const units = await pool(accounts, 6, async (a): Promise<Unit> => {
    const first = await login(url, a.username, PASSWORD);
    await api(url, first, 'POST', '/api/auth/change-password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    const session = await login(url, a.username, NEW_PASSWORD);
    const form = await api<{ id: string; version: number }>(url, session, 'GET', `/api/forms/mine?campaignId=${draft.id}`);
    return { ...a, session, formId: form.id, version: form.version, acked: null };
  });
  return { campaignId: draft.id, units: units.slice(0, UNITS), capture: units[UNITS]! };
}

const ROWS_A = benchRows(ROWS);
const ROWS_B = [...ROWS_A].reverse();
let saveSeq = 0;
/** The size of the last save's answer (the autosave answer: version and findings). */
let answerBytes = 0;

const saveBody = (u: Unit, mark: string) =>
  JSON.stringify({ version: u.version, header: { contactName: mark, contactPhone: '021-63851234', fillDate: null }, rows: saveSeq % 2 ? ROWS_A : ROWS_B });

/** One save of a unit's form; true when acknowledged (then the unit's version and last acknowledged content move). */
async function save(url: string, u: Unit): Promise<boolean> {
  const mark = `经办人${String(u.i + 1)}-${String(++saveSeq)}`;
  const body = saveBody(u, mark);
  const res = await request(`${url}/api/forms/${u.formId}/content`, { method: 'PUT', headers: headersOf(u.session), body });
  if (!isOk(res)) return false;
  answerBytes = Buffer.byteLength(res.body);
  const view = JSON.parse(res.body) as { version: number };
  u.version = view.version;
  u.acked = { version: view.version, mark };
  return true;
}

/** Reads every unit's form back: a unit whose last acknowledged save the server no longer shows lost a write. */
async function lostWrites(urlOf: (u: Unit) => string, units: Unit[]): Promise<number> {
  const lost = await pool(units, 10, async (u): Promise<number> => {
    if (!u.acked) return 0;
    const res = await request(`${urlOf(u)}/api/forms/${u.formId}`, { headers: headersOf(u.session) });
    if (!isOk(res)) return 1;
    const view = JSON.parse(res.body) as { version: number; header: { contactName: string | null } };
    // Lost: the server is behind what it acknowledged, or shows other content at that version. A server ahead of the
    // last acknowledgement (a save that committed but whose answer never arrived) lost nothing.
    if (view.version < u.acked.version) return 1;
    return view.version === u.acked.version && view.header.contactName !== u.acked.mark ? 1 : 0;
  });
  return lost.reduce((a, b) => a + b, 0);
}

/** After the limit replayed statements on the same forms (their version and content moved): read where each is. */
async function resync(url: string, units: Unit[]): Promise<void> {
  await pool(units, 10, async (u) => {
    const view = await api<{ version: number; header: { contactName: string | null } }>(url, u.session, 'GET', `/api/forms/${u.formId}`);
    u.version = view.version;
    u.acked = { version: view.version, mark: view.header.contactName ?? '' };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Closed loop, open loop

interface RushResult {
  savesPerSec: number;
  p50: number;
  p95: number;
  errors: number;
  lost: number;
  pingP50: number;
  pingP95: number;
  pingErrors: number;
  seconds: number;
}

/**
 * Probes GET /api/ping at a fixed rate (`PING_RATE` a second, whether or not the last answer came back) until stopped:
 * a measuring instrument that adds little load of its own, as in the open loop.
 */
function probePing(url: string, session: Session): { stop(): Promise<{ lat: number[]; errors: number }> } {
  let done = false;
  const lat: number[] = [];
  let errors = 0;
  const inflight: Promise<void>[] = [];
  const started = performance.now();
  const loop = (async () => {
    for (let n = 0; !done; n++) {
      const at = started + (n * 1000) / PING_RATE;
      const wait = at - performance.now();
      if (wait > 0) await sleep(wait);
      if (done) break;
      inflight.push(
        request(`${url}/api/ping`, { headers: { cookie: session.cookie } }).then(
          (r) => {
            lat.push(performance.now() - at);
            if (!isOk(r)) errors++;
          },
          () => void errors++,
        ),
      );
    }
  })();
  return {
    stop: async () => {
      done = true;
      await loop;
      await Promise.all(inflight);
      return { lat, errors };
    },
  };
}

async function closedLoop(
  urlOf: (u: Unit) => string,
  units: Unit[],
  probe: { url: string; session: Session },
  savesDone: () => void = () => undefined,
): Promise<RushResult> {
  const saves: number[] = [];
  let errors = 0;
  const pings = probePing(probe.url, probe.session);
  const started = performance.now();
  await Promise.all(
    units.map(async (u) => {
      for (let round = 0; round < ROUNDS; round++) {
        const t = performance.now();
        const ok = await save(urlOf(u), u).catch(() => false);
        saves.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  savesDone();
  const ping = await pings.stop();
  const lost = await lostWrites(urlOf, units);
  return {
    savesPerSec: saves.length / seconds,
    p50: percentile(saves, 50),
    p95: percentile(saves, 95),
    errors,
    lost,
    pingP50: percentile(ping.lat, 50),
    pingP95: percentile(ping.lat, 95),
    pingErrors: ping.errors,
    seconds,
  };
}

interface OpenResult {
  rate: number;
  p50: number;
  p95: number;
  errors: number;
  lost: number;
  pingP95: number;
  achieved: number;
}

async function openLoop(url: string, units: Unit[], probe: Session): Promise<OpenResult> {
  const total = OPEN_RATE * OPEN_SECONDS;
  const saves: number[] = [];
  const pings: number[] = [];
  let errors = 0;
  const chains = new Map<Unit, Promise<void>>();
  const inflight: Promise<void>[] = [];
  const start = performance.now() + 50;
  const events: { at: number; kind: 'save' | 'ping'; n: number }[] = [
    ...Array.from({ length: total }, (_, n) => ({ at: start + (n * 1000) / OPEN_RATE, kind: 'save' as const, n })),
    ...Array.from({ length: PING_RATE * OPEN_SECONDS }, (_, n) => ({ at: start + (n * 1000) / PING_RATE + 7, kind: 'ping' as const, n })),
  ].sort((a, b) => a.at - b.at);
  for (const e of events) {
    const wait = e.at - performance.now();
    if (wait > 1) await sleep(wait);
    if (e.kind === 'ping') {
      inflight.push(
        request(`${url}/api/ping`, { headers: { cookie: probe.cookie } }).then(
          (r) => {
            pings.push(performance.now() - e.at);
            if (!isOk(r)) errors++;
          },
          () => void errors++,
        ),
      );
      continue;
    }
    const u = units[e.n % units.length]!;
    const next = (chains.get(u) ?? Promise.resolve()).then(async () => {
      const ok = await save(url, u).catch(() => false);
      saves.push(performance.now() - e.at);
      if (!ok) errors++;
    });
    chains.set(u, next);
    inflight.push(next);
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  const lost = await lostWrites(() => url, units);
  return {
    rate: OPEN_RATE,
    p50: percentile(saves, 50),
    p95: percentile(saves, 95),
    errors,
    lost,
    pingP95: percentile(pings, 95),
    achieved: saves.length / elapsed,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The limit: the statements of one save, captured from the real app, replayed without it

interface Statement {
  sql: string;
  params: unknown[];
  /** The statement's name when the app sends it as a named (prepared) statement; the replay does the same. */
  name?: string;
}

/** A driver call as the app made it: `query(text, values)` or `query({ name, text, values })`. */
function statementOf(config: unknown, values: unknown): Statement {
  if (typeof config === 'string') return { sql: config, params: Array.isArray(values) ? values : [] };
  const c = config as { name?: string; text: string; values?: unknown[] };
  return { sql: c.text, params: c.values ?? (Array.isArray(values) ? values : []), ...(c.name ? { name: c.name } : {}) };
}

/** Records every statement a driver object (a pg client, PGlite or a PGlite transaction) is sent, then sends it. */
function recording<T extends { query: (...args: never[]) => unknown }>(client: T, log: Statement[]): T {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  return new Proxy(client, {
    get: (target, key, receiver) =>
      key === 'query'
        ? (config: unknown, values?: unknown, ...rest: unknown[]) => (log.push(statementOf(config, values)), query(config, values, ...rest))
        : Reflect.get(target, key, receiver),
  });
}

/** One save's statements: those before the transaction, the transaction's (BEGIN/COMMIT excluded), those after. */
interface SaveStatements {
  before: Statement[];
  /** null when the save runs no explicit transaction (each statement on its own). */
  tx: Statement[] | null;
  after: Statement[];
  all: Statement[];
}

function splitCaptured(log: Statement[]): SaveStatements {
  const begin = log.findIndex((s) => /^begin\b/i.test(s.sql));
  const commit = log.findIndex((s) => /^commit\b/i.test(s.sql));
  if (begin < 0 && commit < 0) return { before: log, tx: null, after: [], all: log };
  if (begin < 0 || commit < begin) throw new Error(`the captured save has an unbalanced transaction: ${log.map((s) => s.sql.slice(0, 40)).join(' | ')}`);
  return { before: log.slice(0, begin), tx: log.slice(begin + 1, commit), after: log.slice(commit + 1), all: log };
}

/** Sends one save through the real app on a logging connection (after a warm-up save) and returns its statements. */
async function captureSave(db: Db, log: Statement[], env: Record<string, string>, u: Unit): Promise<SaveStatements> {
  // No sealer in the capturing app: its statements would mix with the save's (the server processes seal the rows).
  const config = { ...loadConfig({ ...process.env, ...serverEnv({}), ...env }), auditSealIntervalMs: 0 };
  const app = await buildApp({ db, config });
  try {
    const put = async () => {
      const body = { version: u.version, header: { contactName: '采集', contactPhone: '021-63851234', fillDate: null }, rows: ROWS_A };
      const res = await app.inject({ method: 'PUT', url: `/api/forms/${u.formId}/content`, headers: headersOf(u.session), payload: body });
      if (res.statusCode !== 200) throw new Error(`capture save: ${String(res.statusCode)} ${res.body}`);
      u.version = res.json<{ version: number }>().version;
    };
    // Warm: the reference index (built by the first), then the active version ids (re-checked every few seconds:
    // the second save, right before the captured one, leaves them fresh).
    await put();
    await put();
    log.length = 0;
    const from = u.version;
    await put();
    const captured = splitCaptured([...log]);
    const write = captured.all.find((x) => x.name === SAVE_STATEMENT);
    if (write && write.params[SAVE_VERSION_PARAM] !== from + 1)
      throw new Error(`the captured ${SAVE_STATEMENT} does not carry the new version as parameter ${String(SAVE_VERSION_PARAM + 1)}: update the bench`);
    return captured;
  } finally {
    await app.close();
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * The captured statements with the capture unit's ids replaced by another unit's; ids the save made itself (its rows'
 * ids, any UUID in an INSERT that is neither the unit's nor the campaign's) get fresh ones for that unit.
 */
function forUnit(s: SaveStatements, from: Unit, to: Unit, campaignId: string): SaveStatements {
  const pairs = new Map<string, string>([
    [from.formId, to.formId],
    [from.unitId, to.unitId],
    [from.userId, to.userId],
    [hashSessionToken(from.session.token), hashSessionToken(to.session.token)],
    [from.username, to.username],
  ]);
  const keep = new Set([campaignId]);
  const fresh = new Map<string, string>();
  const sub = (v: unknown, inInsert: boolean): unknown => {
    if (typeof v === 'string') {
      let out = [...pairs].reduce((acc, [a, b]) => acc.replaceAll(a, b), v);
      if (inInsert)
        out = out.replace(UUID, (id) => (keep.has(id) || [...pairs.values()].includes(id) ? id : (fresh.get(id) ?? fresh.set(id, randomUUID()).get(id)!)));
      return out;
    }
    if (Array.isArray(v)) return v.map((x) => sub(x, inInsert));
    return v;
  };
  const map = (xs: Statement[]) => xs.map((x) => ({ ...x, params: x.params.map((p) => sub(p, /\binsert\s+into\b/i.test(x.sql))) }));
  return { before: map(s.before), tx: s.tx && map(s.tx), after: map(s.after), all: map(s.all) };
}

interface LimitResult {
  savesPerSec: number;
  p50: number;
  p95: number;
  errors: number;
  firstError: string | null;
}

/** Replays each unit's statements ROUNDS times, all units at once; `one` runs one save's statements. */
// The save's conditional write (save-form.ts, SAVE_FORM) names the version it writes ($5; it requires the stored one to
// be $5 − 1): each replayed save carries the unit's next version, as the editor's next save would, so that every
// replayed save really writes.
const SAVE_STATEMENT = 'zj_save_form';
const SAVE_VERSION_PARAM = 4;

/** The plan's statements carrying `version` as the version its conditional write writes. */
function atVersion(p: SaveStatements, version: number): SaveStatements {
  const set = (xs: Statement[]) =>
    xs.map((x) => (x.name === SAVE_STATEMENT ? { ...x, params: x.params.map((v, i) => (i === SAVE_VERSION_PARAM ? version : v)) } : x));
  return { before: set(p.before), tx: p.tx && set(p.tx), after: set(p.after), all: p.all };
}

async function replay(units: Unit[], plans: SaveStatements[], one: (p: SaveStatements) => Promise<void>): Promise<LimitResult> {
  const lat: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  const started = performance.now();
  await Promise.all(
    units.map(async (_, i) => {
      for (let round = 0; round < ROUNDS; round++) {
        const t = performance.now();
        const unit = units[i]!;
        const plan = atVersion(plans[i]!, unit.version + 1);
        const ok = await one(plan).then(
          () => (unit.version++, true),
          (err: unknown) => ((firstError ??= String(err)), false),
        );
        lat.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { savesPerSec: lat.length / seconds, p50: percentile(lat, 50), p95: percentile(lat, 95), errors, firstError };
}

function pgReplayer(pgPool: pg.Pool): (p: SaveStatements) => Promise<void> {
  return async (p) => {
    for (const s of p.before) wrote(s, await pgPool.query(pgQuery(s)));
    if (p.tx) {
      const client = await pgPool.connect();
      try {
        await client.query('begin');
        try {
          for (const s of p.tx) wrote(s, await client.query(pgQuery(s)));
          await client.query('commit');
        } catch (err) {
          await client.query('rollback');
          throw err;
        }
      } finally {
        client.release();
      }
    }
    for (const s of p.after) await pgPool.query(pgQuery(s));
  };
}

/** A replayed conditional write must have written, as the app's does (else the limit would skip the work). */
function wrote(s: Statement, result: { rows: unknown[] }): void {
  if (s.name === SAVE_STATEMENT && (result.rows[0] as { saved?: number } | undefined)?.saved !== 1) throw new Error('the replayed save wrote nothing');
}

/** A captured statement as the app sent it: named (prepared once per connection) when it was. */
const pgQuery = (s: Statement): pg.QueryConfig => (s.name ? { name: s.name, text: s.sql, values: s.params } : { text: s.sql, values: s.params });

function pgliteReplayer(client: PGlite): (p: SaveStatements) => Promise<void> {
  return async (p) => {
    for (const s of p.before) wrote(s, await client.query(s.sql, s.params));
    const statements = p.tx;
    if (statements)
      await client.transaction(async (tx) => {
        for (const s of statements) wrote(s, await tx.query(s.sql, s.params));
      });
    for (const s of p.after) await client.query(s.sql, s.params);
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Figures

/**
 * Waits until the servers' sealer has chained every audit row (it runs every second): the rows one phase wrote are
 * sealed before the next phase starts, so the app does not seal the limit's rows in its own measured window.
 */
async function sealedUp(pgPool: pg.Pool): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const { rows } = await pgPool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id)',
    );
    if (rows[0]!.n === 0) return;
    await sleep(100);
  }
  throw new Error('the audit log was not sealed within 30 s');
}

const clientMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const medianOf = <T>(xs: T[], f: (x: T) => number) => median(xs.map(f));
const sumOf = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

function rushFigures(label: string, runs: RushResult[]): Record<string, number> {
  return {
    [`${label}: saves per s (median of ${String(runs.length)})`]: medianOf(runs, (r) => r.savesPerSec),
    [`${label}: save p50 ms`]: medianOf(runs, (r) => r.p50),
    [`${label}: save p95 ms`]: medianOf(runs, (r) => r.p95),
    [`${label}: save errors (sum)`]: sumOf(runs, (r) => r.errors),
    [`${label}: lost acknowledged writes (sum)`]: sumOf(runs, (r) => r.lost),
    [`${label}: GET /api/ping beside it p50 ms`]: medianOf(runs, (r) => r.pingP50),
    [`${label}: GET /api/ping beside it p95 ms`]: medianOf(runs, (r) => r.pingP95),
    [`${label}: ping errors (sum)`]: sumOf(runs, (r) => r.pingErrors),
  };
}

function limitFigures(label: string, runs: LimitResult[], statements: SaveStatements): Record<string, number | string> {
  return {
    [`${label} LIMIT: statements per save (before / in tx incl. BEGIN+COMMIT / after)`]: statements.tx
      ? `${String(statements.before.length)} / ${String(statements.tx.length + 2)} / ${String(statements.after.length)}`
      : `${String(statements.before.length)}, no transaction`,
    [`${label} LIMIT: the save's statements`]: statements.all.map((x) => x.name ?? x.sql.replace(/\s+/g, ' ').slice(0, 24)).join(' | '),
    [`${label} LIMIT: saves per s (median of ${String(runs.length)})`]: medianOf(runs, (r) => r.savesPerSec),
    [`${label} LIMIT: save p50 ms`]: medianOf(runs, (r) => r.p50),
    [`${label} LIMIT: save p95 ms`]: medianOf(runs, (r) => r.p95),
    [`${label} LIMIT: errors (sum)`]: sumOf(runs, (r) => r.errors),
    ...(runs.some((r) => r.firstError) ? { [`${label} LIMIT: first error`]: runs.find((r) => r.firstError)!.firstError! } : {}),
  };
}

function openFigures(label: string, runs: OpenResult[]): Record<string, number> {
  return {
    [`${label} open loop ${String(OPEN_RATE)} saves/s: achieved saves per s`]: medianOf(runs, (r) => r.achieved),
    [`${label} open loop: save p50 ms`]: medianOf(runs, (r) => r.p50),
    [`${label} open loop: save p95 ms`]: medianOf(runs, (r) => r.p95),
    [`${label} open loop: GET /api/ping p95 ms`]: medianOf(runs, (r) => r.pingP95),
    [`${label} open loop: errors (sum)`]: sumOf(runs, (r) => r.errors),
    [`${label} open loop: lost acknowledged writes (sum)`]: sumOf(runs, (r) => r.lost),
  };
}

interface Goal {
  figure: string;
  goal: string;
  measured: number | string;
  ok: boolean | null;
}

function printGoals(goals: Goal[]): void {
  console.log('\n  | figure | goal | measured | met |');
  console.log('  | --- | --- | --- | --- |');
  for (const g of goals) {
    const m = typeof g.measured === 'number' ? String(Number(g.measured.toFixed(2))) : g.measured;
    console.log(`  | ${g.figure} | ${g.goal} | ${m} | ${g.ok === null ? '—' : g.ok ? '是' : '否'} |`);
  }
  console.log('');
}

// ---------------------------------------------------------------------------------------------------------------
// The two targets

async function onPglite(figures: Record<string, number | string>, goals: Goal[]): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zj-bench-rush-'));
  const env = serverEnv({ DATA_DIR: dataDir });
  const app = await startAppProcess(env, { cpuProfDir: process.env.BENCH_CPU_PROF || undefined });
  let s: Seed | undefined;
  const rush: RushResult[] = [];
  const warm: RushResult[] = [];
  const open: OpenResult[] = [];
  try {
    s = await seed(app.url);
    const urlOf = () => app.url;
    for (let r = 0; r < WARM_ROUNDS; r++) warm.push(await closedLoop(urlOf, s.units, { url: app.url, session: s.units[0]!.session })); // not counted
    for (let r = 0; r < REPEATS; r++) rush.push(await closedLoop(urlOf, s.units, { url: app.url, session: s.units[0]!.session }));
    // Once: when PGlite's capacity is below the arrival rate the run lasts rate × seconds ÷ capacity.
    open.push(await openLoop(app.url, s.units, s.units[0]!.session));
  } finally {
    await app.stop();
  }
  if (!s) throw new Error('no seed');
  const seeded = s;
  // The limit on the same data folder, in this process, once the server has let it go.
  const database = await openPglite(dataDir);
  try {
    const log: Statement[] = [];
    const client = database.pglite!;
    // Captured at the driver, as it is sent: Drizzle's statements and the app's own fixed ones alike. Drizzle's PGlite
    // driver runs transactions with client.transaction() (no BEGIN statement): they are marked in the log.
    const transaction = client.transaction.bind(client);
    const db = drizzlePglite(
      new Proxy(recording(client, log), {
        get: (target, key, receiver) =>
          key === 'transaction'
            ? async (fn: Parameters<PGlite['transaction']>[0]) => {
                log.push({ sql: 'begin', params: [] });
                const result = await transaction(async (tx) => fn(recording(tx, log)));
                log.push({ sql: 'commit', params: [] });
                return result;
              }
            : Reflect.get(target, key, receiver),
      }),
      { schema },
    ) as unknown as Db;
    const statements = await captureSave(db, log, env, seeded.capture);
    const plans = seeded.units.map((u) => forUnit(statements, seeded.capture, u, seeded.campaignId));
    const limit: LimitResult[] = [];
    await replay(seeded.units, plans, pgliteReplayer(client)); // warm-up, as the app had
    for (let r = 0; r < REPEATS; r++) limit.push(await replay(seeded.units, plans, pgliteReplayer(client)));
    Object.assign(figures, rushFigures('PGlite', rush), limitFigures('PGlite', limit, statements), openFigures('PGlite', open));
    const capacity = medianOf(rush, (r) => r.savesPerSec) / medianOf(limit, (r) => r.savesPerSec);
    const p95 = medianOf(rush, (r) => r.p95) / medianOf(limit, (r) => r.p95);
    figures['PGlite: capacity app ÷ LIMIT'] = capacity;
    figures['PGlite: p95 app ÷ LIMIT'] = p95;
    goals.push(
      { figure: 'PGlite rush capacity, app ÷ limit', goal: '(PostgreSQL ≥ 0.5)', measured: capacity, ok: null },
      { figure: 'PGlite rush p95 ÷ limit p95', goal: '(PostgreSQL ≤ 2)', measured: p95, ok: null },
      {
        figure: 'PGlite open loop 40/s: save p95 ms / ping p95 ms',
        goal: '(PostgreSQL ≤ 150 / ≤ 30)',
        measured: `${medianOf(open, (r) => r.p95).toFixed(0)} / ${medianOf(open, (r) => r.pingP95).toFixed(0)}`,
        ok: null,
      },
      {
        figure: 'PGlite errors, lost writes',
        goal: '0, 0',
        measured: `${String(sumOf([...warm, ...rush], (r) => r.errors) + sumOf(open, (r) => r.errors))}, ${String(sumOf([...warm, ...rush], (r) => r.lost) + sumOf(open, (r) => r.lost))}`,
        ok: sumOf([...warm, ...rush], (r) => r.errors + r.lost) + sumOf(open, (r) => r.errors + r.lost) === 0,
      },
    );
  } finally {
    await database.close();
  }
}

async function onPostgres(figures: Record<string, number | string>, goals: Goal[]): Promise<void> {
  let url = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL || '';
  let cluster: PgCluster | null = null;
  if (!url) {
    const reason = await pgClusterUnavailableReason();
    if (reason) {
      figures['PostgreSQL'] = `未测（${reason}；或设置 BENCH_DATABASE_URL）`;
      return;
    }
    cluster = await startPgCluster(process.env.BENCH_PG_PORT ? Number(process.env.BENCH_PG_PORT) : undefined);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE zj_rush');
    await admin.end();
    url = cluster.url.replace(/\/postgres$/, '/zj_rush');
  }
  const env = serverEnv({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'zj-bench-rush-pg-')), DATABASE_URL: url });
  const apps: AppProcess[] = [];
  const pgPool = new pg.Pool({ connectionString: url, max: POOL_SIZE, options: '-c timezone=Asia/Shanghai' });
  const capturePool = new pg.Pool({ connectionString: url, max: 2, options: '-c timezone=Asia/Shanghai' });
  try {
    const a = await startAppProcess(env, { cpuProfDir: process.env.BENCH_CPU_PROF || undefined });
    apps.push(a);
    const s = await seed(a.url);
    const log: Statement[] = [];
    // Captured at the driver, as it is sent (Drizzle's statements, BEGIN and COMMIT, and the app's own fixed ones).
    capturePool.on('connect', (client) => void (client.query = recording(client, log).query));
    const statements = await captureSave(drizzlePg(capturePool, { schema }) as unknown as Db, log, env, s.capture);
    await capturePool.end();
    const plans = s.units.map((u) => forUnit(statements, s.capture, u, s.campaignId));
    const probe = { url: a.url, session: s.units[0]!.session };
    const rush: RushResult[] = [];
    const limit: LimitResult[] = [];
    const open: OpenResult[] = [];
    const pgPids = () => (cluster ? pgClusterPids(cluster.port) : []);
    // CPU per acknowledged save, of each process, in the same rounds: what each side of the ratio costs.
    const perSave = { app: 0, appPg: 0, appClient: 0, saves: 0, limitPg: 0, limitClient: 0, limitSaves: 0 };
    // One round of each first, not counted in the figures (its errors and lost writes are): the server's JIT warms up,
    // as the limit's driver and PostgreSQL's caches do.
    const warm: RushResult[] = [];
    for (let r = 0; r < WARM_ROUNDS; r++) warm.push(await closedLoop(() => a.url, s.units, probe));
    await sealedUp(pgPool);
    await replay(s.units, plans, pgReplayer(pgPool));
    await resync(a.url, s.units);
    await sealedUp(pgPool);
    for (let r = 0; r < REPEATS; r++) {
      let before = { app: processCpuMs(a.pid), pg: cpuSnapshot(pgPids()), client: process.cpuUsage() };
      rush.push(
        await closedLoop(
          () => a.url,
          s.units,
          probe,
          () => {
            perSave.app += processCpuMs(a.pid) - before.app;
            perSave.appPg += cpuDeltaMs(before.pg, cpuSnapshot(pgPids()));
            perSave.appClient += clientMs(process.cpuUsage(before.client));
          },
        ),
      );
      perSave.saves += UNITS * ROUNDS;
      await sealedUp(pgPool);
      before = { app: 0, pg: cpuSnapshot(pgPids()), client: process.cpuUsage() };
      limit.push(await replay(s.units, plans, pgReplayer(pgPool)));
      perSave.limitPg += cpuDeltaMs(before.pg, cpuSnapshot(pgPids()));
      perSave.limitClient += clientMs(process.cpuUsage(before.client));
      perSave.limitSaves += UNITS * ROUNDS;
      await resync(a.url, s.units);
      await sealedUp(pgPool);
    }
    const each = (ms: number, n: number) => Number((ms / n).toFixed(2));
    figures['PostgreSQL: one save, request / answer (bytes)'] = `${String(Buffer.byteLength(saveBody(s.units[0]!, 'x')))} / ${String(answerBytes)}`;
    figures['PostgreSQL: CPU ms per save (app / PostgreSQL / bench client)'] =
      `${String(each(perSave.app, perSave.saves))} / ${cluster ? String(each(perSave.appPg, perSave.saves)) : '?'} / ${String(each(perSave.appClient, perSave.saves))}`;
    figures['PostgreSQL LIMIT: CPU ms per save (PostgreSQL / bench client)'] =
      `${cluster ? String(each(perSave.limitPg, perSave.limitSaves)) : '?'} / ${String(each(perSave.limitClient, perSave.limitSaves))}`;
    const capacity = medianOf(rush, (r) => r.savesPerSec) / medianOf(limit, (r) => r.savesPerSec);
    const p95 = medianOf(rush, (r) => r.p95) / medianOf(limit, (r) => r.p95);
    if (process.env.BENCH_RUSH_QUICK === '1') {
      Object.assign(figures, rushFigures('PostgreSQL', rush), limitFigures('PostgreSQL', limit, statements));
      figures['PostgreSQL: capacity app ÷ LIMIT'] = capacity;
      figures['PostgreSQL: p95 app ÷ LIMIT'] = p95;
      return;
    }
    for (let r = 0; r < REPEATS; r++) open.push(await openLoop(a.url, s.units, s.units[0]!.session));

    // Two instances on the same database: the same units split over both, against one instance in the same rounds.
    const b = await startAppProcess(env);
    apps.push(b);
    const single: RushResult[] = [];
    const dual: RushResult[] = [];
    const cpu = { a: 0, b: 0, pg: 0, client: 0, seconds: 0 };
    for (let r = 0; r < REPEATS; r++) {
      single.push(await closedLoop(() => a.url, s.units, probe));
      const before = { a: processCpuMs(a.pid), b: processCpuMs(b.pid), pg: cpuSnapshot(pgPids()), client: process.cpuUsage() };
      dual.push(await closedLoop((u) => (u.i % 2 ? b.url : a.url), s.units, probe));
      cpu.a += processCpuMs(a.pid) - before.a;
      cpu.b += processCpuMs(b.pid) - before.b;
      cpu.pg += cpuDeltaMs(before.pg, cpuSnapshot(pgPids()));
      cpu.client += clientMs(process.cpuUsage(before.client));
      cpu.seconds += dual.at(-1)!.seconds; // the read-back after each run is included in the CPU times, not here
    }
    Object.assign(
      figures,
      rushFigures('PostgreSQL', rush),
      limitFigures('PostgreSQL', limit, statements),
      openFigures('PostgreSQL', open),
      rushFigures('PostgreSQL one instance (beside two)', single),
      rushFigures('PostgreSQL two instances', dual),
    );
    const scale = medianOf(dual, (r) => r.savesPerSec) / medianOf(single, (r) => r.savesPerSec);
    const cores = (ms: number) => ms / 1000 / cpu.seconds;
    const cpuLine = `instance A ${cores(cpu.a).toFixed(2)}, B ${cores(cpu.b).toFixed(2)}, PostgreSQL ${cluster ? cores(cpu.pg).toFixed(2) : '?'}, client ${cores(cpu.client).toFixed(2)} cores`;
    figures['PostgreSQL: capacity app ÷ LIMIT'] = capacity;
    figures['PostgreSQL: p95 app ÷ LIMIT'] = p95;
    figures['PostgreSQL: two instances ÷ one instance (capacity)'] = scale;
    figures['PostgreSQL two instances: CPU used during the rush (2 cores here)'] = cpuLine;
    const open95 = medianOf(open, (r) => r.p95);
    const openPing95 = medianOf(open, (r) => r.pingP95);
    const bad = sumOf([...warm, ...rush, ...single, ...dual], (r) => r.errors + r.pingErrors) + sumOf(open, (r) => r.errors);
    const lost = sumOf([...warm, ...rush, ...single, ...dual], (r) => r.lost) + sumOf(open, (r) => r.lost);
    goals.push(
      { figure: 'rush capacity on PostgreSQL, app ÷ limit (same run)', goal: '≥ 0.5', measured: capacity, ok: capacity >= 0.5 },
      { figure: 'rush p95 ÷ limit p95 (same run)', goal: '≤ 2', measured: p95, ok: p95 <= 2 },
      { figure: 'open loop 40 saves/s on PostgreSQL: save p95 ms', goal: '≤ 150', measured: open95, ok: open95 <= 150 },
      { figure: 'open loop 40 saves/s on PostgreSQL: trivial route p95 ms', goal: '≤ 30', measured: openPing95, ok: openPing95 <= 30 },
      { figure: 'two instances ÷ one instance, capacity on PostgreSQL', goal: 'reported', measured: `${scale.toFixed(2)} (CPU: ${cpuLine})`, ok: null },
      {
        figure: 'errors, lost acknowledged writes (PostgreSQL, all runs)',
        goal: '0, 0',
        measured: `${String(bad)}, ${String(lost)}`,
        ok: bad === 0 && lost === 0,
      },
    );
  } finally {
    for (const app of apps) await app.stop();
    await pgPool.end().catch(() => undefined);
    await capturePool.end().catch(() => undefined);
    await cluster?.destroy();
  }
}

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {
    'load average at start (1/5/15 min)': loadavg()
      .map((x) => x.toFixed(2))
      .join(' / '),
  };
  const goals: Goal[] = [];
  if (process.env.BENCH_RUSH_TARGETS !== 'postgres') await onPglite(figures, goals);
  if (process.env.BENCH_RUSH_TARGETS !== 'pglite') await onPostgres(figures, goals);
  figures['load average at end (1/5/15 min)'] = loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');
  printGoals(goals);
  return figures;
}
