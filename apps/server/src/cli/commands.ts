import { eq, sql } from 'drizzle-orm';
import { ROLES, checkPassword, type Clock, type Role } from '@zhengji/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { sessions, units, users } from '../db/schema/index.ts';
import { generatePassword, hashPassword } from '../auth/password-hash.ts';
import { verifyAudit } from '../use-cases/audit/verify-audit-chain.ts';
import { writeAuditOutside } from '../use-cases/audit/write-audit.ts';
import { writeAuditCheckpoint } from '../use-cases/audit/write-audit-checkpoint.ts';
import { checkpointFile } from '../use-cases/audit/checkpoint-file.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

/** The help text of `npm run cli`. */
export const HELP = `征集系统运维命令：npm run cli -- <命令> [参数]
  migrate                                   执行数据库迁移
  create-user --username U --role R [--unit 单位名称] [--name 姓名]   创建用户（打印一次性密码）
  reset-password --username U               重置密码（打印一次性密码，首次登录须修改）
  disable-user --username U / enable-user --username U   停用 / 启用账号
  backup --out 文件.jsonl.gz                 备份全部数据
  restore --in 文件.jsonl.gz                 恢复到空数据库
  audit-checkpoint                          写入审计日志检查点（签名，保存在 AUDIT_CHECKPOINT_DIR）
  verify-audit                              校验审计日志哈希链，并与最新检查点核对末尾记录
角色 R：${ROLES.join(' / ')}。审计管理员（auditor）账号只能用这里的命令创建、重置、停用和启用（三权分立）。
数据库：DATABASE_URL（PostgreSQL）或 DATA_DIR（内嵌 PGlite，默认 ./data）。`;

/** The parsed options of a command. */
export interface CliValues {
  username?: string;
  role?: string;
  unit?: string;
  name?: string;
  out?: string;
  in?: string;
}

/** What a command runs against, and where it prints. */
export interface CliDeps {
  db: Db;
  config: Config;
  clock: Clock;
  print: (line: string) => void;
  printError: (line: string) => void;
}

const cliActor = { kind: 'user' as const, userId: '00000000-0000-0000-0000-000000000000', username: 'cli', role: 'admin' as const, unitId: null };

async function findUser(db: Db, username: string | undefined) {
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.username})`, (username ?? '').toLowerCase()));
  if (!user) throw new Error(`找不到用户“${username ?? ''}”`);
  return user;
}

/** Runs one operator command (the database is open and migrated); answers the exit code. Errors are thrown in Chinese. */
export async function runCommand(command: string, values: CliValues, deps: CliDeps): Promise<number> {
  const { db, print } = deps;
  const ctx = { actor: cliActor, clock: deps.clock, ip: 'cli' };
  switch (command) {
    case 'migrate':
      print('数据库迁移已完成');
      return 0;
    case 'create-user': {
      const role = values.role as Role;
      if (!values.username || !ROLES.includes(role)) throw new Error('请提供 --username 和有效的 --role');
      let unitId: string | null = null;
      if (role === 'unit') {
        const [unit] = await db
          .select()
          .from(units)
          .where(eq(units.name, values.unit ?? ''));
        if (!unit) throw new Error(`找不到推荐单位“${values.unit ?? ''}”，请用 --unit 指定单位全称`);
        unitId = unit.id;
      }
      const [taken] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.username})`, values.username.toLowerCase()));
      if (taken) throw new Error(`用户名“${values.username}”已被使用，请换一个`);
      const password = generatePassword();
      if (checkPassword(password, values.username).length) throw new Error('生成的密码不符合规则，请重试');
      const [row] = await db
        .insert(users)
        .values({
          username: values.username,
          displayName: values.name ?? values.username,
          role,
          unitId,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
        })
        .returning({ id: users.id });
      await writeAuditOutside(db, ctx, {
        action: 'user.create',
        objectType: 'user',
        objectId: row!.id,
        changes: { username: values.username, role, via: 'cli' },
      });
      print(`已创建用户 ${values.username}（${role}），一次性密码：${password}（首次登录须修改）`);
      return 0;
    }
    case 'reset-password': {
      const user = await findUser(db, values.username);
      const password = generatePassword();
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash: await hashPassword(password), mustChangePassword: true, failedAttempts: 0, lockedUntil: null, updatedAt: deps.clock.now() })
          .where(eq(users.id, user.id));
        await tx.delete(sessions).where(eq(sessions.userId, user.id));
      });
      await writeAuditOutside(db, ctx, { action: 'user.resetPassword', objectType: 'user', objectId: user.id, changes: { via: 'cli' } });
      print(`已重置 ${user.username} 的密码，一次性密码：${password}（首次登录须修改）`);
      return 0;
    }
    case 'disable-user':
    case 'enable-user': {
      const user = await findUser(db, values.username);
      const disabled = command === 'disable-user';
      await db.transaction(async (tx) => {
        await tx.update(users).set({ disabled, updatedAt: deps.clock.now() }).where(eq(users.id, user.id));
        if (disabled) await tx.delete(sessions).where(eq(sessions.userId, user.id));
      });
      await writeAuditOutside(db, ctx, { action: 'user.update', objectType: 'user', objectId: user.id, changes: { disabled, via: 'cli' } });
      print(disabled ? `已停用 ${user.username}，其会话已结束` : `已启用 ${user.username}`);
      return 0;
    }
    case 'backup': {
      if (!values.out) throw new Error('请用 --out 指定备份文件');
      const counts = await backupDatabase(db, values.out);
      print(`备份完成：${values.out}（${Object.values(counts).reduce((a, b) => a + b, 0)} 行）`);
      return 0;
    }
    case 'restore': {
      if (!values.in) throw new Error('请用 --in 指定备份文件');
      const counts = await restoreDatabase(db, values.in);
      print(`恢复完成：${Object.values(counts).reduce((a, b) => a + b, 0)} 行`);
      return 0;
    }
    case 'audit-checkpoint': {
      const result = await writeAuditCheckpoint(deps);
      switch (result.status) {
        case 'no-key':
          throw new Error('未配置审计检查点密钥：请设置 AUDIT_CHECKPOINT_KEY 或 AUDIT_CHECKPOINT_KEY_FILE（密钥不存放在数据库中）');
        case 'empty':
          print('审计日志为空，无需写入检查点');
          return 0;
        case 'unchanged':
        case 'written':
          if (result.status === 'written' && result.shrunkSince)
            deps.printError(
              `注意：审计日志比上一个检查点（共 ${result.shrunkSince.count} 条，末条编号 ${result.shrunkSince.lastId}）少，末尾记录可能被删除，请运行 verify-audit`,
            );
          print(
            `${result.status === 'written' ? '已写入' : '最新检查点已是当前状态'}：共 ${result.checkpoint.count} 条，末条编号 ${result.checkpoint.lastId}（${checkpointFile(deps.config)}）`,
          );
          return 0;
      }
    }
    case 'verify-audit': {
      const v = await verifyAudit(deps);
      for (const p of v.problems) deps.printError(p);
      if (v.chain.ok && v.problems.length === 0) print(`审计日志哈希链完整（${v.chain.rows} 条）`);
      for (const n of v.notes) print(n);
      return v.ok ? 0 : 2;
    }
    default:
      deps.printError(`未知命令：${command}\n${HELP}`);
      return 1;
  }
}
