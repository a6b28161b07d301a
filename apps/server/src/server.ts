import { systemClock } from '@zhengji/domain';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { prepareDatabase } from './bootstrap/prepare-database.ts';
import './bootstrap/register-startup-tasks.ts';
import { outboxTick } from './plugins/outbox-tick.ts';
import { auditCheckpointTick } from './plugins/audit-checkpoint-tick.ts';
import { closeScanReader, startScanReader } from './documents/scan-reader.ts';

const config = loadConfig();
const started = Date.now();
const log = (msg: string) => console.log(`[征集] ${msg}`);
const database = await openDatabase(config).catch((err: unknown) => {
  // A start-up problem a person can fix (folder in use, database unreachable) is said in one sentence, not a stack trace.
  console.error(`[征集] 启动失败：${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
log(database.kind === 'pglite' ? `使用内嵌数据库 PGlite，数据目录 ${config.dataDir}` : '使用 PostgreSQL 服务器（DATABASE_URL）');
if (database.kind === 'postgres' && !config.databaseMigrationUrl) {
  log('未设置 DATABASE_MIGRATION_URL：应用以表的所有者身份连接，审计日志只受触发器保护；生产环境请分设所有者与应用两个数据库角色（见 docs/database-roles.md）');
}
await prepareDatabase(database, config, systemClock, log);
const app = await buildApp({ db: database.db, config, serveWeb: true });
await app.register(outboxTick, { db: database.db, config });
await app.register(auditCheckpointTick, { db: database.db, config });
try {
  await app.listen({ port: config.port, host: config.host });
} catch (err) {
  const inUse = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(`[征集] 启动失败：${inUse ? `端口 ${String(config.port)} 已被占用，请停止占用该端口的程序，或用 PORT 指定其他端口` : String(err)}`);
  await app.close();
  await database.close();
  process.exit(1);
}
log(`服务已启动：http://localhost:${config.port}（用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒）`);
startScanReader(); // the scan reader's decoders load in their worker thread now, not at the first upload

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  log(`收到 ${signal}，正在停止服务…`);
  await app.close();
  await closeScanReader();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
