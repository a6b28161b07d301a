import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { createTestApp, recordingMailer } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs, type Session } from '../../test/auth.ts';
import { buildApp } from '../app.ts';
import { testConfig } from '../config.ts';
import { openPostgres, type Db } from '../db/client.ts';
import * as schema from '../db/schema/index.ts';
import { auditLog, auditSeals, campaigns, forms } from '../db/schema/index.ts';
import { auditSealTick } from '../plugins/audit-seal-tick.ts';
import { SEAL_LOCK_KEY, sealAuditLog, sealBatch } from '../use-cases/audit/seal-audit.ts';
import { verifyAudit, verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';
import { writeAudit } from '../use-cases/audit/write-audit.ts';

const REFERENCE_DIR = new URL('../../../../../shared/reference', import.meta.url).pathname;
const options = { referenceDir: REFERENCE_DIR, loginIpLimitPerMinute: 100_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 };
const { app, db, database, clock, config } = await createTestApp(options);
const onPostgres = database.kind === 'postgres';
const HEADER = { contactName: '张三', contactPhone: '13912345678', fillDate: '2024-10-08' };

const [campaign] = await db
  .insert(campaigns)
  .values({
    year: 2024,
    title: '封存测试征集',
    docNo: '沪人社职〔2024〕319号',
    issuer: '上海市人力资源和社会保障局',
    issueDate: '2024-09-25',
    deadline: '2024-10-22',
    status: 'open',
    industryTags: ['养老护理'],
  })
  .returning();

/** `n` unit users, each logged in (its own session) with its form of the campaign (set up four at a time: the
 * concurrency under test is the commands', not the logins'). */
async function units(n: number, on = app) {
  const made: { s: Session; form: { id: string; version: number } }[] = [];
  while (made.length < n) {
    made.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(4, n - made.length) }, async () => {
          const s = await loginAs(on, (await createUserRow(db, 'unit')).username);
          const res = await s.inject({ method: 'GET', url: `/api/forms/mine?campaignId=${campaign!.id}` });
          expect(res.statusCode, res.body).toBe(200);
          return { s, form: res.json() as { id: string; version: number } };
        }),
      )),
    );
  }
  return made;
}
const save = (s: Session, id: string, version: number, header: unknown = HEADER) =>
  s.inject({ method: 'PUT', url: `/api/forms/${id}`, payload: { version, header, rows: [] } });

type Rows<T> = { rows: T[] };
/** Rows in the log, links in the chain, distinct rows linked, and rows not linked. */
async function chainCounts(on: Db = db) {
  const r = (await on.execute(sql`SELECT (SELECT count(*) FROM audit_log)::int AS rows, (SELECT count(*) FROM audit_seals)::int AS seals,
    (SELECT count(DISTINCT audit_id) FROM audit_seals)::int AS linked,
    (SELECT count(*) FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.audit_id = a.id))::int AS unsealed`)) as unknown as Rows<{
    rows: number;
    seals: number;
    linked: number;
    unsealed: number;
  }>;
  return r.rows[0]!;
}
/** Every link in chain order carries a transaction id no smaller than the one before (the sealing order). */
async function sealedInXidOrder(): Promise<boolean> {
  const r = (await db.execute(sql`SELECT a.xid::text AS xid FROM audit_seals s JOIN audit_log a ON a.id = s.audit_id ORDER BY s.seq`)) as unknown as Rows<{
    xid: string;
  }>;
  return r.rows.every((row, i) => i === 0 || BigInt(row.xid) >= BigInt(r.rows[i - 1]!.xid));
}
const saveRowsOf = (ids: string[]) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, 'form.save'), inArray(auditLog.objectId, ids)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, ok: () => Promise<boolean>, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await ok()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

// Logging in many units is CPU-bound (password hashing): generous limits for a loaded machine.
describe('the audit chain without a global lock', { timeout: 180_000 }, () => {
  it('N parallel saves from different sessions each get their audit row; all are sealed once, in transaction order, and the chain verifies', async () => {
    const all = await units(12);
    const results = await Promise.all(all.map((u) => save(u.s, u.form.id, u.form.version)));
    for (const r of results) expect(r.statusCode, r.body).toBe(200);
    const rows = await saveRowsOf(all.map((u) => u.form.id));
    expect(rows.map((r) => r.objectId).sort()).toEqual(all.map((u) => u.form.id).sort());
    expect(await sealAuditLog(db, { wait: true })).toMatchObject({ busy: false, complete: true });
    const counts = await chainCounts();
    expect(counts).toEqual({ rows: counts.rows, seals: counts.rows, linked: counts.rows, unsealed: 0 });
    expect(await sealedInXidOrder()).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: counts.rows, unsealed: { count: 0 } });
  });

  it('a save refused in the middle of concurrent saves leaves no audit row, nor does a command failing after writing its row', async () => {
    const all = await units(12);
    const results = await Promise.all(
      all.map((u, i) => {
        if (i === 4) return save(u.s, u.form.id, u.form.version, { ...HEADER, contactName: '张\u0000三' });
        if (i === 7) return save(u.s, u.form.id, u.form.version + 5);
        return save(u.s, u.form.id, u.form.version);
      }),
    );
    expect(results[4]!.statusCode).toBe(400);
    expect(results[4]!.json().message).toBe('“联系人”含有不可见的控制字符（常见于从其他软件复制的内容），请删除后重新输入');
    expect(results[7]!.statusCode).toBe(409);
    expect(results[7]!.json().message).toBe(
      `推荐表已被他人修改（您编辑的是第 ${all[7]!.form.version + 5} 次保存的内容，服务器上已是第 ${all[7]!.form.version} 次），本次未保存。请重新加载后再修改，您输入的内容仍保留在页面上可复制`,
    );
    // A command whose transaction fails after its audit row was written: the row goes with it.
    await expect(
      db.transaction(async (tx) => {
        await writeAudit(tx, { actor: { kind: 'public' }, clock, ip: '9.9.9.9' }, { action: 'form.save', objectType: 'form', objectId: all[4]!.form.id });
        throw new Error('the command fails after its audit row');
      }),
    ).rejects.toThrow('the command fails after its audit row');
    const refused = [all[4]!.form.id, all[7]!.form.id];
    expect(await saveRowsOf(refused)).toEqual([]);
    expect((await db.select({ v: forms.version }).from(forms).where(inArray(forms.id, refused))).map((f) => f.v)).toEqual([1, 1]);
    const saved = all.filter((_, i) => i !== 4 && i !== 7).map((u) => u.form.id);
    expect((await saveRowsOf(saved)).length).toBe(10);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
    expect(await chainCounts()).toMatchObject({ unsealed: 0 });
  });

  it('a client that disconnects mid-request: a save cut off in its body never happens, one cut off before its answer happens once, audited once', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const [cut, gone] = await units(2);
    // 1. The body is cut off: the socket closes after half of it.
    const body = JSON.stringify({ version: cut!.form.version, header: HEADER, rows: [] });
    await new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          `PUT /api/forms/${cut!.form.id} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCookie: ${cut!.s.cookie}\r\nX-CSRF-Token: ${cut!.s.csrf}\r\nOrigin: http://127.0.0.1:${port}\r\n\r\n`,
        );
        socket.write(body.slice(0, 20), () => setTimeout(() => socket.destroy(), 50));
      });
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
    });
    // 2. The whole request is sent, then the client goes away without reading the answer.
    const full = JSON.stringify({ version: gone!.form.version, header: HEADER, rows: [] });
    await new Promise<void>((resolve) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'PUT',
        path: `/api/forms/${gone!.form.id}`,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(full),
          cookie: gone!.s.cookie,
          'x-csrf-token': gone!.s.csrf,
          origin: `http://127.0.0.1:${port}`,
        },
      });
      req.on('error', () => resolve());
      req.end(full, () =>
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 1),
      );
    });
    // Whatever the server made of them, each form's version and its audit rows agree, and the chain holds.
    await until('the cut-off requests to settle', async () => (await sealAuditLog(db, { wait: true })).complete);
    await sleep(300);
    const [cutForm] = await db.select({ v: forms.version }).from(forms).where(eq(forms.id, cut!.form.id));
    expect(cutForm!.v).toBe(cut!.form.version);
    expect(await saveRowsOf([cut!.form.id])).toEqual([]);
    const [goneForm] = await db.select({ v: forms.version }).from(forms).where(eq(forms.id, gone!.form.id));
    expect((await saveRowsOf([gone!.form.id])).length).toBe(goneForm!.v - gone!.form.version);
    // Both units go on saving normally.
    expect((await save(cut!.s, cut!.form.id, cutForm!.v)).statusCode).toBe(200);
    expect((await save(gone!.s, gone!.form.id, goneForm!.v)).statusCode).toBe(200);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, unsealed: { count: 0 } });
  });

  it('a sealer that dies in the middle of a batch leaves nothing behind; the next one seals every row exactly once', async () => {
    const all = await units(6);
    for (const u of all) expect((await save(u.s, u.form.id, u.form.version)).statusCode).toBe(200);
    const before = await chainCounts();
    expect(before.unsealed).toBeGreaterThanOrEqual(6);
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
        expect((await sealBatch(tx, 3)).sealed).toBe(3);
        throw new Error('sealer killed');
      }),
    ).rejects.toThrow('sealer killed');
    expect(await chainCounts()).toEqual(before);
    expect((await sealAuditLog(db, { wait: true })).sealed).toBe(before.unsealed);
    expect(await chainCounts()).toEqual({ rows: before.rows, seals: before.rows, linked: before.rows, unsealed: 0 });
    expect(await sealedInXidOrder()).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: before.rows });
  });

  it('an unsealed row older than 5 s is reported by verify-audit and /readyz, until it is sealed', async () => {
    const [u] = await units(1);
    expect((await save(u!.s, u!.form.id, u!.form.version)).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
    const young = await verifyAudit({ db, config, clock }, { seal: false });
    expect(young.problems.filter((p) => p.includes('未封入哈希链'))).toEqual([]);
    expect(young.notes.some((n) => /^另有 \d+ 条刚写入的记录尚未封入哈希链/.test(n))).toBe(true);
    clock.advance(6_000);
    const { count, oldestId } = (await verifyAuditChain(db, { seal: false })).unsealed;
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({
      status: 'ok',
      audit: {
        status: 'lagging',
        unsealed: count,
        message: `审计日志有 ${count} 条记录超过 5 秒仍未封入哈希链（最早的是第 ${oldestId} 条，2024年10月8日 10:00 写入）`,
      },
    });
    const late = await verifyAudit({ db, config, clock }, { seal: false });
    expect(late.ok).toBe(false);
    expect(late.problems).toContain(
      `审计日志有 ${count} 条记录超过 5 秒仍未封入哈希链（最早的是第 ${oldestId} 条，2024年10月8日 10:00 写入）：有事务长时间未结束，或封存被阻止；这些记录在封存前被删改将无法发现`,
    );
    // verify-audit seals on demand: then nothing is late any more.
    const sealed = await verifyAudit({ db, config, clock });
    expect(sealed.problems.filter((p) => p.includes('未封入哈希链'))).toEqual([]);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ok' });
  });
});

// A second instance's pool on the same PostgreSQL database.
const second = onPostgres ? await openPostgres(database.url!, 5) : null;
afterAll(async () => {
  await second?.close();
});

describe.skipIf(!onPostgres)('the audit sealer on PostgreSQL (several connections, several instances)', { timeout: 180_000 }, () => {
  it('a sealer killed while sealing (its connection terminated mid-batch): another takes over, nothing lost or sealed twice', async () => {
    await sealAuditLog(db, { wait: true });
    const all = await units(8);
    for (const u of all) expect((await save(u.s, u.form.id, u.form.version)).statusCode).toBe(200);
    const before = await chainCounts();
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => undefined);
    const ended = new Promise<void>((r) => client.once('end', () => r()));
    await client.connect();
    const killedDb = drizzle(client, { schema }) as unknown as Db;
    let pid = 0;
    let sealing!: () => void;
    const inBatch = new Promise<void>((r) => (sealing = r));
    const killed = killedDb.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
      pid = Number(((await tx.execute(sql`SELECT pg_backend_pid() AS pid`)) as unknown as Rows<{ pid: number }>).rows[0]!.pid);
      expect((await sealBatch(tx, 4)).sealed).toBe(4);
      sealing();
      await Promise.race([sleep(60_000), ended]); // killed before it commits
    });
    killed.catch(() => undefined);
    await inBatch;
    // Meanwhile the other instance's periodic sealer finds the lock taken and leaves it.
    expect(await sealAuditLog(second!.db)).toMatchObject({ sealed: 0, busy: true });
    await second!.db.execute(sql`SELECT pg_terminate_backend(${pid})`);
    await expect(killed).rejects.toThrow();
    await client.end().catch(() => undefined);
    expect(await chainCounts()).toEqual(before);
    expect(await sealAuditLog(second!.db, { wait: true })).toMatchObject({ sealed: before.unsealed, complete: true });
    expect(await chainCounts()).toEqual({ rows: before.rows, seals: before.rows, linked: before.rows, unsealed: 0 });
    expect(await sealedInXidOrder()).toBe(true);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: before.rows });
  });

  it('two instances, each with its sealer running, take parallel saves: every row sealed once, the chain verifies', async () => {
    const app2 = await buildApp({ db: second!.db, config: testConfig({ ...options, auditSealIntervalMs: 20 }), clock, mailer: recordingMailer() });
    const ticker = Fastify();
    await ticker.register(auditSealTick, { db, clock, intervalMs: 20 });
    await ticker.ready();
    await app2.ready();
    try {
      const one = await units(10);
      const two = await units(10, app2);
      const results = await Promise.all([...one.map((u) => save(u.s, u.form.id, u.form.version)), ...two.map((u) => save(u.s, u.form.id, u.form.version))]);
      for (const r of results) expect(r.statusCode, r.body).toBe(200);
      const ids = [...one, ...two].map((u) => u.form.id);
      expect((await saveRowsOf(ids)).length).toBe(20);
      await until('both sealers to catch up', async () => (await chainCounts()).unsealed === 0);
      const counts = await chainCounts();
      expect(counts).toEqual({ rows: counts.rows, seals: counts.rows, linked: counts.rows, unsealed: 0 });
      expect(await sealedInXidOrder()).toBe(true);
      expect(await verifyAuditChain(db, { seal: false })).toMatchObject({ ok: true, rows: counts.rows });
    } finally {
      await ticker.close();
      await app2.close();
    }
  });

  it('a transaction left open holds the horizon: later rows wait (and are reported when late), its own row is sealed first once it commits', async () => {
    await sealAuditLog(db, { wait: true });
    const client = new pg.Client({ connectionString: database.url });
    client.on('error', () => undefined);
    await client.connect();
    const openDb = drizzle(client, { schema }) as unknown as Db;
    try {
      await client.query('BEGIN');
      await writeAudit(openDb, { actor: { kind: 'public' }, clock, ip: '8.8.8.8' }, { action: 'test.slow', objectType: 'x' });
      const all = await units(3);
      for (const u of all) expect((await save(u.s, u.form.id, u.form.version)).statusCode).toBe(200);
      const waited = await sealAuditLog(db, { wait: true, timeoutMs: 300 });
      expect(waited.complete).toBe(false);
      const pending = (await saveRowsOf(all.map((u) => u.form.id))).map((r) => r.id);
      expect(await db.select().from(auditSeals).where(inArray(auditSeals.auditId, pending))).toEqual([]);
      clock.advance(6_000);
      const late = await verifyAudit({ db, config, clock }, { seal: false });
      expect(late.problems.some((p) => p.includes('秒仍未封入哈希链'))).toBe(true);
      await client.query('COMMIT');
      expect(await sealAuditLog(db, { wait: true })).toMatchObject({ complete: true });
      const seqOf = async (ids: number[]) =>
        (await db.select({ seq: auditSeals.seq }).from(auditSeals).where(inArray(auditSeals.auditId, ids))).map((r) => r.seq);
      const [slow] = await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'test.slow'));
      const [slowSeq] = await seqOf([slow!.id]);
      const later = await seqOf(pending);
      expect(later).toHaveLength(3);
      for (const seq of later) expect(seq).toBeGreaterThan(slowSeq!);
      expect(await verifyAuditChain(db, { seal: false })).toMatchObject({ ok: true, unsealed: { count: 0 } });
    } finally {
      await client.end().catch(() => undefined);
    }
  });
});

// Last: this one breaks the chain of the file's database for good.
describe('tampering', { timeout: 60_000 }, () => {
  it('still names the first broken link: a sealed row edited, a row deleted, a row deleted with its link', async () => {
    await sealAuditLog(db, { wait: true });
    const ids = (
      (await db.execute(sql`SELECT audit_id AS id FROM audit_seals ORDER BY seq OFFSET 3 LIMIT 3`)) as unknown as Rows<{ id: number | string }>
    ).rows.map((r) => Number(r.id));
    const [edited, deleted, next] = ids as [number, number, number];
    const [original] = await db.select({ ip: auditLog.ip }).from(auditLog).where(eq(auditLog.id, edited));
    // Tampering needs the owner's rights to bypass the triggers.
    await database.asOwner('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await database.asOwner(`UPDATE audit_log SET ip = '6.6.6.6' WHERE id = ${edited}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: edited, reason: '记录内容与哈希不一致（记录被篡改）' });
    await database.asOwner(`UPDATE audit_log SET ip = ${original!.ip === null ? 'NULL' : `'${original!.ip}'`} WHERE id = ${edited}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
    await database.asOwner(`DELETE FROM audit_log WHERE id = ${deleted}`);
    await database.asOwner('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: deleted, reason: '记录已被删除（哈希链中有这条记录，审计日志中已没有）' });
    // The row's link deleted too: the next link no longer follows the one before.
    await database.asOwner('ALTER TABLE audit_seals DISABLE TRIGGER USER');
    await database.asOwner(`DELETE FROM audit_seals WHERE audit_id = ${deleted}`);
    await database.asOwner('ALTER TABLE audit_seals ENABLE TRIGGER USER');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: next, reason: '前一条记录的哈希不匹配（记录被删除或插入）' });
    // The links are append-only too; the app's own role may only append them.
    await expect(db.execute(sql`UPDATE audit_seals SET hash = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_seals`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_seals`)).rejects.toThrow();
  });
});
