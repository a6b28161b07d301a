import type { Clock } from '@zhengji/domain';
import type { Config } from '../config.ts';
import { migrateDatabase, type Database } from '../db/client.ts';
import { ensureAdmin } from './ensure-admin.ts';
import { mkdirSync } from 'node:fs';
import { isEmptyDatabase, seedDemo, writeDemoAccounts } from './seed-demo.ts';

/** A step run at every start after the migrations (e.g. importing reference data on first start). */
export type StartupTask = (database: Database, config: Config, log: (msg: string) => void) => Promise<void>;

/** Startup tasks registered by features. */
export const startupTasks: StartupTask[] = [];

/** Migrates, creates the administrator, runs the startup tasks and seeds the demo on an empty database. */
export async function prepareDatabase(database: Database, config: Config, clock: Clock, log: (msg: string) => void): Promise<void> {
  await migrateDatabase(database);
  const seedDemoNow = config.demo && (await isEmptyDatabase(database.db));
  for (const task of startupTasks) await task(database, config, log);
  const admin = await ensureAdmin(database.db, { adminUsername: config.adminUsername, adminPassword: config.adminPassword });
  if (admin?.generatedPassword) {
    log(`已创建系统管理员账号：${admin.username}，一次性密码：${admin.generatedPassword}（首次登录后须修改）`);
  } else if (admin) {
    log(`已按环境变量创建系统管理员账号：${admin.username}`);
  }
  if (seedDemoNow) {
    const accounts = await seedDemo(database.db, clock, null);
    if (admin?.generatedPassword)
      accounts.unshift({ role: 'admin', username: admin.username, password: admin.generatedPassword, description: '系统管理员（首次登录须修改密码）' });
    mkdirSync(config.dataDir, { recursive: true });
    writeDemoAccounts(config.dataDir, accounts);
    log('已生成演示数据：2024年征集活动、16个区人社局和行业主管部门、专家库（expert1–3 已关联账号）、各角色演示账号：');
    for (const a of accounts) log(`  ${a.role.padEnd(8)} ${a.username.padEnd(10)} ${a.password}  ${a.description}`);
    log(`演示账号已写入 ${config.dataDir}/demo-accounts.txt`);
  }
}
