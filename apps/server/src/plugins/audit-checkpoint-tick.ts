import type { FastifyPluginAsync } from 'fastify';
import { systemClock, type Clock } from '@zhengji/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { writeAuditCheckpoint } from '../use-cases/audit/write-audit-checkpoint.ts';

/** Options of the periodic audit checkpoint (registered by server.ts; tests call the use case directly). */
export interface AuditCheckpointTickOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  intervalMs?: number;
}

/**
 * At start, every AUDIT_CHECKPOINT_MINUTES and at shutdown: anchor the head of the audit chain in the signed checkpoint
 * file. Safe on several instances: a head already recorded is not written again, each line is one atomic append, and
 * `verify-audit` trusts the valid line with the highest id whatever the order.
 */
export const auditCheckpointTick: FastifyPluginAsync<AuditCheckpointTickOptions> = async (app, opts) => {
  const clock = opts.clock ?? systemClock;
  let running = false;
  let warned = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await writeAuditCheckpoint({ db: opts.db, config: opts.config, clock });
      if (result.status === 'written' && result.shrunkSince) {
        app.log.error(
          `审计日志比上一个检查点少：上一个共 ${result.shrunkSince.count} 条、末条编号 ${result.shrunkSince.lastId}，现在共 ${result.checkpoint.count} 条、末条编号 ${result.checkpoint.lastId}，末尾记录可能被删除，请运行 npm run cli -- verify-audit`,
        );
      }
      if (result.status === 'no-key' && !warned) {
        warned = true;
        app.log.warn('未配置 AUDIT_CHECKPOINT_KEY 或 AUDIT_CHECKPOINT_KEY_FILE：不写审计检查点，删除末尾审计记录将无法发现');
      }
    } catch (err) {
      app.log.error({ err }, '审计检查点写入失败');
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await tick();
    timer = setInterval(() => void tick(), opts.intervalMs ?? opts.config.auditCheckpointMinutes * 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    await tick();
  });
};
