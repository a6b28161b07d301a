import { parseArgs } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { ROLES, checkPassword, systemClock, type Role } from '@zhengji/domain';
import { loadConfig } from '../config.ts';
import { migrateDatabase, openDatabase } from '../db/client.ts';
import { units, users } from '../db/schema/index.ts';
import { generatePassword, hashPassword } from '../use-cases/auth/password-hash.ts';
import { verifyAuditChain } from '../use-cases/audit/verify-audit-chain.ts';
import { writeAuditOutside } from '../use-cases/audit/write-audit.ts';
import { backupDatabase, restoreDatabase } from './backup.ts';

const HELP = `征集系统运维命令：npm run cli -- <命令> [参数]
  migrate                                   执行数据库迁移
  create-user --username U --role R [--unit 单位名称] [--name 姓名]   创建用户（打印一次性密码）
  reset-password --username U               重置密码（打印一次性密码，首次登录须修改）
  backup --out 文件.jsonl.gz                 备份全部数据
  restore --in 文件.jsonl.gz                 恢复到空数据库
  verify-audit                              校验审计日志哈希链
角色 R：${ROLES.join(' / ')}。数据库：DATABASE_URL（PostgreSQL）或 DATA_DIR（内嵌 PGlite，默认 ./data）。`;

const cliActor = { kind: 'user' as const, userId: '00000000-0000-0000-0000-000000000000', username: 'cli', role: 'admin' as const, unitId: null };

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({ args: rest, options: { username: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' }, in: { type: 'string' } } });
  if (!command || command === 'help' || command === '--help') {
    console.log(HELP);
    return command ? 0 : 1;
  }
  const config = loadConfig();
  const database = await openDatabase(config);
  const db = database.db;
  const ctx = { actor: cliActor, clock: systemClock, ip: 'cli' };
  try {
    await migrateDatabase(database);
    switch (command) {
      case 'migrate':
        console.log('数据库迁移已完成');
        return 0;
      case 'create-user': {
        const role = values.role as Role;
        if (!values.username || !ROLES.includes(role)) throw new Error('请提供 --username 和有效的 --role');
        let unitId: string | null = null;
        if (role === 'unit') {
          const [unit] = await db.select().from(units).where(eq(units.name, values.unit ?? ''));
          if (!unit) throw new Error(`找不到推荐单位“${values.unit ?? ''}”，请用 --unit 指定单位全称`);
          unitId = unit.id;
        }
        const password = generatePassword();
        if (checkPassword(password, values.username).length) throw new Error('生成的密码不符合规则，请重试');
        const [row] = await db.insert(users).values({ username: values.username, displayName: values.name ?? values.username, role, unitId, passwordHash: await hashPassword(password), mustChangePassword: true }).returning({ id: users.id });
        await writeAuditOutside(db, ctx, { action: 'user.create', objectType: 'user', objectId: row!.id, changes: { username: values.username, role, via: 'cli' } });
        console.log(`已创建用户 ${values.username}（${role}），一次性密码：${password}（首次登录须修改）`);
        return 0;
      }
      case 'reset-password': {
        const [user] = await db.select().from(users).where(eq(sql`lower(${users.username})`, (values.username ?? '').toLowerCase()));
        if (!user) throw new Error(`找不到用户“${values.username ?? ''}”`);
        const password = generatePassword();
        await db.update(users).set({ passwordHash: await hashPassword(password), mustChangePassword: true, failedAttempts: 0, lockedUntil: null }).where(eq(users.id, user.id));
        await writeAuditOutside(db, ctx, { action: 'user.resetPassword', objectType: 'user', objectId: user.id, changes: { via: 'cli' } });
        console.log(`已重置 ${user.username} 的密码，一次性密码：${password}（首次登录须修改）`);
        return 0;
      }
      case 'backup': {
        if (!values.out) throw new Error('请用 --out 指定备份文件');
        const counts = await backupDatabase(db, values.out);
        console.log(`备份完成：${values.out}（${Object.values(counts).reduce((a, b) => a + b, 0)} 行）`);
        return 0;
      }
      case 'restore': {
        if (!values.in) throw new Error('请用 --in 指定备份文件');
        const counts = await restoreDatabase(db, values.in);
        console.log(`恢复完成：${Object.values(counts).reduce((a, b) => a + b, 0)} 行`);
        return 0;
      }
      case 'verify-audit': {
        const verdict = await verifyAuditChain(db);
        if (verdict.ok) {
          console.log(`审计日志哈希链完整（${verdict.rows} 条）`);
          return 0;
        }
        console.error(`审计日志哈希链在第 ${verdict.brokenAtId} 条记录处断开：${verdict.reason}`);
        return 2;
      }
      default:
        console.error(`未知命令：${command}\n${HELP}`);
        return 1;
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
