import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';

const { app, db, database } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);
const auditor = await loginAs(app, (await createUserRow(db, 'auditor')).username);

describe('audit log', () => {
  it('records each command with actor, IP, action, object and changed fields, never a password', async () => {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: 'audited.one', displayName: '被审计', role: 'expert', password: 'Quite#Strong-Pass1' },
    });
    expect(res.statusCode).toBe(201);
    const page = await auditor.inject({ method: 'GET', url: '/api/audit?action=user.create' });
    expect(page.statusCode).toBe(200);
    const entry = page.json().items.find((i: { objectId: string }) => i.objectId === res.json().user.id);
    expect(entry).toMatchObject({ action: 'user.create', objectType: 'user', result: 'ok', actorRole: 'admin', ip: '127.0.0.1' });
    expect(JSON.stringify(entry.changes)).not.toContain('Quite#Strong-Pass1');
  });

  it('audits failed logins and the reading of the log itself', async () => {
    await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'ghost', password: 'nope' } });
    const denied = await auditor.inject({ method: 'GET', url: '/api/audit?result=denied&action=auth.login' });
    expect(denied.json().items[0].changes).toMatchObject({ username: 'ghost', reason: 'unknown' });
    const reads = await auditor.inject({ method: 'GET', url: '/api/audit?action=audit.read' });
    expect(reads.json().total).toBeGreaterThanOrEqual(2);
  });

  it('exports CSV with a BOM, and the export is audited', async () => {
    const res = await auditor.inject({ method: 'GET', url: '/api/audit/export?action=user' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.startsWith('\uFEFF序号,时间,操作人')).toBe(true);
    const exports = await auditor.inject({ method: 'GET', url: '/api/audit?action=audit.export' });
    expect(exports.json().total).toBe(1);
  });

  it('is append-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x'`)).rejects.toThrow();
    await expect(db.execute(sql`DELETE FROM audit_log`)).rejects.toThrow();
    await expect(db.execute(sql`TRUNCATE audit_log`)).rejects.toThrow();
  });

  it.skipIf(!database.separateRoles)(
    'runs as a role that may read and append the audit log but is refused UPDATE and DELETE (PostgreSQL, two roles)',
    async () => {
      const refusal = async (statement: ReturnType<typeof sql>) => {
        const err = (await db.execute(statement).then(
          () => null,
          (e: unknown) => e,
        )) as { cause?: { code?: string; message?: string } } | null;
        return { code: err?.cause?.code, message: err?.cause?.message };
      };
      const before = await verifyAuditChain(db);
      expect(await refusal(sql`UPDATE audit_log SET action = 'x'`)).toEqual({ code: '42501', message: 'permission denied for table audit_log' });
      expect(await refusal(sql`DELETE FROM audit_log`)).toEqual({ code: '42501', message: 'permission denied for table audit_log' });
      expect(await refusal(sql`ALTER TABLE audit_log DISABLE TRIGGER ALL`)).toEqual({ code: '42501', message: 'must be owner of table audit_log' });
      const { rows } = (await db.execute(
        sql`SELECT tableowner <> current_user AS "notOwner", has_table_privilege('audit_log', 'INSERT') AS "canInsert" FROM pg_tables WHERE tablename = 'audit_log'`,
      )) as unknown as { rows: unknown[] };
      expect(rows).toEqual([{ notOwner: true, canInsert: true }]);
      // The app still appends: this read is itself audited.
      expect((await auditor.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(200);
      expect((await verifyAuditChain(db)).rows).toBe(before.rows + 1);
    },
  );

  it('is hash-chained with SM3, and verification names the first broken link', async () => {
    const ok = await verifyAuditChain(db);
    expect(ok.ok).toBe(true);
    expect(ok.rows).toBeGreaterThan(5);
    // Tampering needs the owner's rights to bypass the trigger.
    const [victim] = ((await db.execute(sql`SELECT id FROM audit_log ORDER BY id OFFSET 3 LIMIT 1`)) as unknown as { rows: { id: number }[] }).rows;
    await database.asOwner('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await database.asOwner(`UPDATE audit_log SET ip = '6.6.6.6' WHERE id = ${Number(victim!.id)}`);
    await database.asOwner('ALTER TABLE audit_log ENABLE TRIGGER USER');
    const broken = await verifyAuditChain(db);
    expect(broken).toMatchObject({ ok: false, brokenAtId: Number(victim!.id) });
  });

  it('is readable by the auditor only', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(403);
  });
});
