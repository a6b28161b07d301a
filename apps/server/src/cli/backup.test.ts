import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { openTestDatabase } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { auditLog, storedFileChunks, users } from '../db/schema/index.ts';
import { attachFile, storePendingFile } from '../use-cases/file/store-file.ts';
import { readFileContent } from '../use-cases/file/file-content.ts';
import { writeAuditOutside } from '../use-cases/audit/write-audit.ts';
import { verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';
import { seedDemo } from '../bootstrap/seed-demo.ts';
import { systemClock } from '@zhengji/domain';
import { backupDatabase, restoreDatabase } from './backup.ts';

const source = await openTestDatabase();
const target = await openTestDatabase();
afterAll(async () => {
  await source.close();
  await target.close();
});

describe('backup and restore', () => {
  it('round-trips every table, keeps the audit chain valid and continues its sequence', async () => {
    await seedDemo(source.db, systemClock, null);
    const u = await createUserRow(source.db, 'center');
    await writeAuditOutside(source.db, { actor: { kind: 'public' }, clock: systemClock, ip: '1.2.3.4' }, { action: 'test.event', objectType: 'user', objectId: u.id, changes: { nested: { a: 1, when: new Date('2024-10-22T00:00:00Z') } } });
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(700 * 1024, 0xab)]);
    const scan = await storePendingFile({ db: source.db, actor: { kind: 'public' }, clock: systemClock, ip: '1.2.3.4' }, { content, originalName: 's.pdf', mime: 'application/pdf', ownerUnitId: null });
    await source.db.transaction((tx) => attachFile(tx, scan, null));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zj-backup-')), 'backup.jsonl.gz');
    const counts = await backupDatabase(source.db, file);
    expect(counts.units).toBe(26);
    const restored = await restoreDatabase(target.db, file);
    expect(restored).toEqual(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0)));
    const a = await source.db.select().from(users).orderBy(asc(users.id));
    const b = await target.db.select().from(users).orderBy(asc(users.id));
    expect(b).toEqual(a);
    expect(counts.stored_file_chunks).toBe(3);
    expect((await readFileContent(target.db, scan.id)).equals(content)).toBe(true);
    expect(await target.db.select({ seq: storedFileChunks.seq }).from(storedFileChunks).orderBy(asc(storedFileChunks.seq))).toEqual([{ seq: 0 }, { seq: 1 }, { seq: 2 }]);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    await writeAuditOutside(target.db, { actor: { kind: 'public' }, clock: systemClock, ip: null }, { action: 'after.restore', objectType: 'x' });
    const rows = await target.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows.at(-1)!.id).toBe(rows.at(-2)!.id + 1);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    await expect(restoreDatabase(target.db, file)).rejects.toThrow('目标数据库不是空的');
  });
});
