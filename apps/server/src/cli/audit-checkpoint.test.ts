import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { auditLog, sessions, users } from '../db/schema/index.ts';
import type { Config } from '../config.ts';
import { auditCheckpointTick } from '../plugins/audit-checkpoint-tick.ts';
import { checkpointFile } from '../use-cases/audit/checkpoint-file.ts';
import { sealAuditLog } from '../use-cases/audit/seal-audit.ts';
import { runCommand, type CliValues } from './commands.ts';

const { app, db, database, clock, config: baseConfig } = await createTestApp({ loginIpLimitPerMinute: 10_000 });
const admin = await loginAs(app, (await createUserRow(db, 'admin')).username);
const KEY = 'test-checkpoint-key-0123456789abcdef';
const configWith = (overrides: Partial<Config> = {}): Config => ({
  ...baseConfig,
  auditCheckpointDir: mkdtempSync(path.join(tmpdir(), 'zj-checkpoints-')),
  auditCheckpointKey: KEY,
  ...overrides,
});

/** Runs a CLI command in-process; answers its exit code and what it printed. */
async function cli(command: string, values: CliValues = {}, config = baseConfig) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(command, values, { db, config, clock, print: (l) => out.push(l), printError: (l) => err.push(l) }).catch((e: unknown) => {
    err.push((e as Error).message);
    return 1;
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const createSome = async (n: number) => {
  for (let i = 0; i < n; i++) {
    const res = await admin.inject({
      method: 'POST',
      url: '/api/users',
      payload: { username: `cp.${Date.now().toString(36)}.${i}`, displayName: '检查点', role: 'expert' },
    });
    expect(res.statusCode).toBe(201);
  }
};
/** The head of the chain, after sealing what has committed: links and the last link's position (seal seq). */
const head = async () => {
  await sealAuditLog(db, { wait: true });
  const { rows } = (await db.execute(sql`SELECT count(*)::int AS n, max(seq)::int AS last FROM audit_seals`)) as unknown as {
    rows: { n: number; last: number }[];
  };
  return rows[0]!;
};
/** Deletes the newest rows and their links as the owner would, with the append-only triggers disabled. */
const deleteNewest = async (k: number) => {
  const { last } = await head();
  await database.asOwner('ALTER TABLE audit_log DISABLE TRIGGER ALL');
  await database.asOwner('ALTER TABLE audit_seals DISABLE TRIGGER ALL');
  await database.asOwner(`DELETE FROM audit_log WHERE id IN (SELECT audit_id FROM audit_seals WHERE seq > ${last - k})`);
  await database.asOwner(`DELETE FROM audit_seals WHERE seq > ${last - k}`);
  await database.asOwner('ALTER TABLE audit_seals ENABLE TRIGGER ALL');
  await database.asOwner('ALTER TABLE audit_log ENABLE TRIGGER ALL');
};

describe('audit checkpoints (npm run cli -- audit-checkpoint / verify-audit)', () => {
  it('catches the deletion of the newest rows, naming the gap, even after new rows were appended', async () => {
    const config = configWith();
    await createSome(4);
    const written = await cli('audit-checkpoint', {}, config);
    expect(written.code).toBe(0);
    const { n, last } = await head();
    expect(written.out).toBe(`已写入：共 ${n} 条，末条编号 ${last}（${checkpointFile(config)}）`);
    expect((await cli('audit-checkpoint', {}, config)).out).toContain('最新检查点已是当前状态');
    const ok = await cli('verify-audit', {}, config);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain(`与最新检查点一致（2024年10月8日 10:00 记下的检查点：共 ${n} 条，末条编号 ${last}）`);

    await deleteNewest(3);
    const caught = await cli('verify-audit', {}, config);
    expect(caught.code).toBe(2);
    expect(caught.err).toBe(
      `审计日志在检查点（2024年10月8日 10:00 记下的检查点：共 ${n} 条，末条编号 ${last}）之后缺少第 ${n - 2} 至 ${n} 条记录：末尾的记录已被删除`,
    );
    // The app goes on appending to the shortened chain: the chain itself is whole again, the checkpoint still names the gap.
    await createSome(5);
    const later = await cli('verify-audit', {}, config);
    expect(later.code).toBe(2);
    expect(later.err).toContain(`之后缺少第 ${n - 2} 至 ${n} 条记录`);
    // Nor does a newer checkpoint, taken of the shortened chain, hide it.
    const newer = await cli('audit-checkpoint', {}, config);
    expect(newer.out).toContain('已写入');
    const afterNewer = await cli('verify-audit', {}, config);
    expect(afterNewer.code).toBe(2);
    expect(afterNewer.err).toBe(caught.err);
  });

  it('names a single missing row', async () => {
    const config = configWith();
    await createSome(1);
    await cli('audit-checkpoint', {}, config);
    const { n } = await head();
    await deleteNewest(1);
    expect((await cli('verify-audit', {}, config)).err).toContain(`之后缺少第 ${n} 条记录`);
    // The next checkpoint raises the alarm at once.
    const next = await cli('audit-checkpoint', {}, config);
    expect(next.err).toBe(`注意：审计日志比上一个检查点（共 ${n} 条，末条编号 ${(await head()).last + 1}）少，末尾记录可能被删除，请运行 verify-audit`);
  });

  it('reports an edited or foreign checkpoint line, never trusts it and does not crash', async () => {
    const config = configWith();
    await createSome(2);
    await cli('audit-checkpoint', {}, config);
    await createSome(1);
    await cli('audit-checkpoint', {}, config);
    const file = checkpointFile(config);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    // The attacker lowers the newest checkpoint's count to match a shortened log, and adds garbage.
    const edited = JSON.parse(lines[1]!) as { count: number };
    edited.count -= 1;
    writeFileSync(file, `${lines[0]}\n${JSON.stringify(edited)}\n{not json\n`);
    const res = await cli('verify-audit', {}, config);
    expect(res.code).toBe(2);
    expect(res.err).toBe(`审计检查点文件 ${file} 中有 2 行签名无效（第 2、3 行）：文件被修改，或密钥不是写入时的密钥；这些行不予采信`);
    expect(res.out).toContain('与最新检查点一致');
    // The wrong key: nothing is trusted.
    const foreign = await cli('verify-audit', {}, { ...config, auditCheckpointKey: 'another-key-0123456789abcdef' });
    expect(foreign.code).toBe(2);
    expect(foreign.err).toContain('中有 3 行签名无效（第 1、2、3 行）');
  });

  it('refuses a checkpoint without a key on PostgreSQL, and generates a key file for the embedded setup', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zj-data-'));
    const noKey = await cli('audit-checkpoint', {}, configWith({ auditCheckpointKey: undefined, databaseUrl: 'postgres://x/y', dataDir: dir }));
    expect(noKey).toMatchObject({ code: 1, err: '未配置审计检查点密钥：请设置 AUDIT_CHECKPOINT_KEY 或 AUDIT_CHECKPOINT_KEY_FILE（密钥不存放在数据库中）' });
    const verify = await cli('verify-audit', {}, configWith({ auditCheckpointKey: undefined, databaseUrl: 'postgres://x/y', dataDir: dir }));
    expect(verify.out).toContain('未配置审计检查点密钥（AUDIT_CHECKPOINT_KEY 或 AUDIT_CHECKPOINT_KEY_FILE），未能核对末尾的记录是否被删除');
    const embedded = configWith({ auditCheckpointKey: undefined, databaseUrl: undefined, dataDir: dir });
    expect((await cli('audit-checkpoint', {}, embedded)).code).toBe(0);
    expect(readFileSync(path.join(dir, 'audit-checkpoint.key'), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await cli('verify-audit', {}, embedded)).code).toBe(0);
    const missingFile = await cli('audit-checkpoint', {}, configWith({ auditCheckpointKey: undefined, auditCheckpointKeyFile: path.join(dir, 'nope.key') }));
    expect(missingFile.err).toBe(`找不到审计检查点密钥文件 ${path.join(dir, 'nope.key')}，请检查 AUDIT_CHECKPOINT_KEY_FILE`);
  });

  it('is written by the periodic task at start and at shutdown', async () => {
    const config = configWith();
    const ticker = Fastify();
    await ticker.register(auditCheckpointTick, { db, config, clock, intervalMs: 3_600_000 });
    await ticker.ready();
    expect(readFileSync(checkpointFile(config), 'utf8').trim().split('\n')).toHaveLength(1);
    await createSome(1);
    await ticker.close();
    const lines = readFileSync(checkpointFile(config), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1]!)).toMatchObject({ count: (await head()).n, lastId: (await head()).last });
  });
});

describe('auditor accounts through the CLI only', () => {
  it('creates, resets, disables and enables an auditor account, each audited', async () => {
    const created = await cli('create-user', { username: 'cli.auditor', role: 'auditor', name: '审计员甲' });
    expect(created.out).toMatch(/^已创建用户 cli\.auditor（auditor），一次性密码：\S{16}（首次登录须修改）$/);
    expect((await cli('create-user', { username: 'CLI.auditor', role: 'auditor' })).err).toBe('用户名“CLI.auditor”已被使用，请换一个');
    const [auditor] = await db.select().from(users).where(eq(users.username, 'cli.auditor'));
    expect(auditor).toMatchObject({ role: 'auditor', displayName: '审计员甲', mustChangePassword: true });
    const reset = await cli('reset-password', { username: 'cli.auditor' });
    const password = /一次性密码：(\S{16})/.exec(reset.out)![1]!;
    const session = await loginAs(app, 'cli.auditor', password);
    expect((await cli('disable-user', { username: 'cli.auditor' })).out).toBe('已停用 cli.auditor，其会话已结束');
    expect((await db.select().from(users).where(eq(users.id, auditor!.id)))[0]!.disabled).toBe(true);
    expect(await db.select().from(sessions).where(eq(sessions.userId, auditor!.id))).toEqual([]);
    expect((await session.inject({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await cli('enable-user', { username: 'cli.auditor' })).out).toBe('已启用 cli.auditor');
    expect((await db.select().from(users).where(eq(users.id, auditor!.id)))[0]!.disabled).toBe(false);
    expect((await cli('disable-user', { username: 'nobody' })).err).toBe('找不到用户“nobody”');
    const trail = await db
      .select({ action: auditLog.action, changes: auditLog.changes, role: auditLog.actorUsername })
      .from(auditLog)
      .where(eq(auditLog.objectId, auditor!.id))
      .orderBy(asc(auditLog.id));
    expect(trail.filter((t) => t.role === 'cli')).toEqual([
      { action: 'user.create', changes: { username: 'cli.auditor', role: 'auditor', via: 'cli' }, role: 'cli' },
      { action: 'user.resetPassword', changes: { via: 'cli' }, role: 'cli' },
      { action: 'user.update', changes: { disabled: true, via: 'cli' }, role: 'cli' },
      { action: 'user.update', changes: { disabled: false, via: 'cli' }, role: 'cli' },
    ]);
  });
});
