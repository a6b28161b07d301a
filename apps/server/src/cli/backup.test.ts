import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asc, sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { openTestDatabase } from '../../test/test-app.ts';
import { openPglite, type Db } from '../db/client.ts';
import { createUserRow } from '../../test/factories.ts';
import { auditLog, storedFileChunks, users } from '../db/schema/index.ts';
import { attachFile, storePendingFile } from '../files/store-file.ts';
import { readFileContent } from '../files/file-content.ts';
import { writeAuditOutside } from '../use-cases/audit/write-audit.ts';
import { verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';
import { seedDemo } from '../bootstrap/seed-demo.ts';
import { systemClock } from '@zhengji/domain';
import { backupDatabase, restoreDatabase, tablesInDependencyOrder } from './backup.ts';

const source = await openTestDatabase();
const target = await openTestDatabase();
const small = await openTestDatabase();
const empty = await openTestDatabase();
afterAll(async () => {
  for (const d of [source, target, small, empty]) await d.close();
});

/** The database, with each transaction starting only after delayMs. */
function slowToBegin(db: Db, delayMs: number): Db {
  return new Proxy(db, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop);
      if (prop === 'transaction') {
        return async (...args: Parameters<Db['transaction']>) => {
          await new Promise((r) => setTimeout(r, delayMs));
          return target.transaction(...args);
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Rows in every table of the database (all zero = nothing was written). */
async function rowsPerTable(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tablesInDependencyOrder()) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(t);
    if (row!.n) out[getTableConfig(t).name] = row!.n;
  }
  return out;
}

describe('backup and restore', () => {
  it('round-trips every table, keeps the audit chain valid and continues its sequence', async () => {
    await seedDemo(source.db, systemClock, null);
    const u = await createUserRow(source.db, 'center');
    await writeAuditOutside(
      source.db,
      { actor: { kind: 'public' }, clock: systemClock, ip: '1.2.3.4' },
      { action: 'test.event', objectType: 'user', objectId: u.id, changes: { nested: { a: 1, when: new Date('2024-10-22T00:00:00Z') } } },
    );
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(700 * 1024, 0xab)]);
    const scan = await storePendingFile(
      { db: source.db, actor: { kind: 'public' }, clock: systemClock, ip: '1.2.3.4' },
      { content, originalName: 's.pdf', mime: 'application/pdf', ownerUnitId: null },
    );
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
    expect(await target.db.select({ seq: storedFileChunks.seq }).from(storedFileChunks).orderBy(asc(storedFileChunks.seq))).toEqual([
      { seq: 0 },
      { seq: 1 },
      { seq: 2 },
    ]);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    await writeAuditOutside(target.db, { actor: { kind: 'public' }, clock: systemClock, ip: null }, { action: 'after.restore', objectType: 'x' });
    const rows = await target.db.select().from(auditLog).orderBy(asc(auditLog.id));
    expect(rows.at(-1)!.id).toBe(rows.at(-2)!.id + 1);
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    await expect(restoreDatabase(target.db, file)).rejects.toThrow('目标数据库不是空的');
  });

  it('restores the same file seven times in a row into fresh databases', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zj-backup-'));
    const file = path.join(dir, 'backup.jsonl.gz');
    const counts = await backupDatabase(source.db, file);
    const expected = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
    // On PGlite the fresh databases are copies of an empty migrated one (migrating seven in-memory databases is slow).
    const template = empty.pglite ? await empty.pglite.dumpDataDir('none') : null;
    for (let i = 0; i < 7; i++) {
      const fresh = template ? await openPglite(null, template) : await openTestDatabase();
      try {
        // The transaction starts late (as over a slow connection): the file must still be read whole, from its first line.
        expect(await restoreDatabase(slowToBegin(fresh.db, i * 60), file)).toEqual(expected);
      } finally {
        await fresh.close();
      }
    }
  }, 120_000);

  it('refuses a file cut short at any line, or inside a line, or inside the compressed data, writing nothing', async () => {
    for (const role of ['admin', 'center', 'unit'] as const) {
      const u = await createUserRow(small.db, role);
      await writeAuditOutside(
        small.db,
        { actor: { kind: 'public' }, clock: systemClock, ip: null },
        { action: 'test.event', objectType: 'user', objectId: u.id },
      );
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'zj-backup-'));
    const whole = path.join(dir, 'whole.jsonl.gz');
    await backupDatabase(small.db, whole);
    const lines = gunzipSync(readFileSync(whole)).toString('utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(8);
    const cut = path.join(dir, 'cut.jsonl.gz');
    const refuse = async (message: string | RegExp) => {
      await expect(restoreDatabase(empty.db, cut)).rejects.toThrow(message);
      expect(await rowsPerTable(empty.db)).toEqual({});
    };
    writeFileSync(cut, gzipSync(''));
    await refuse('备份文件为空或已损坏，未恢复任何数据');
    for (let keep = 1; keep < lines.length; keep++) {
      writeFileSync(cut, gzipSync(lines.slice(0, keep).join('\n') + '\n'));
      await refuse(keep === lines.length - 1 ? '备份文件不完整：缺少结尾标记，文件可能在复制或写入时被截断，未恢复任何数据' : /^备份文件不完整：/);
    }
    const last = lines.length - 2;
    writeFileSync(cut, gzipSync([...lines.slice(0, last), lines[last]!.slice(0, 20)].join('\n')));
    await refuse(`备份文件第 ${String(last + 1)} 行已损坏（不是完整的记录），未恢复任何数据`);
    writeFileSync(cut, gzipSync([...lines.slice(0, 3), ...lines.slice(4)].join('\n')));
    await refuse(/^备份文件不完整：表 .+ 的行数与结尾标记不符，未恢复任何数据$/);
    const gz = readFileSync(whole);
    writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
    await refuse('备份文件不完整或已损坏（压缩数据被截断），未恢复任何数据，请换用完整的备份文件');
    writeFileSync(cut, gzipSync('{"hello":"world"}\n'));
    await refuse('这不是征集系统的备份文件');
    await expect(restoreDatabase(empty.db, path.join(dir, 'missing.jsonl.gz'))).rejects.toThrow(
      `找不到备份文件 ${path.join(dir, 'missing.jsonl.gz')}，请检查路径`,
    );
    // The whole file still restores into the database that refused all of the above.
    await restoreDatabase(empty.db, whole);
    expect(await rowsPerTable(empty.db)).toEqual(await rowsPerTable(small.db));
  }, 120_000);
});
