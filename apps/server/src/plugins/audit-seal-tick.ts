import type { FastifyPluginAsync } from 'fastify';
import { formatChineseDateTime, systemClock, type Clock } from '@zhengji/domain';
import type { Db } from '../db/client.ts';
import { SEAL_LAG_LIMIT_MS, sealAuditLog, sealLagging, unsealedTail } from '../use-cases/audit/seal-audit.ts';

/** Options of the periodic audit sealer (registered by buildApp when AUDIT_SEAL_INTERVAL_MS > 0). */
export interface AuditSealTickOptions {
  db: Db;
  intervalMs: number;
  clock?: Clock;
}

/**
 * Every AUDIT_SEAL_INTERVAL_MS, and once more at shutdown: chain the audit rows committed since (use-cases/audit/
 * seal-audit.ts). Every instance runs it; whoever takes the advisory lock seals, the others skip that round. When rows
 * stay unsealed longer than SEAL_LAG_LIMIT_MS (a transaction left open, the sealer refused), an error is logged once.
 */
export const auditSealTick: FastifyPluginAsync<AuditSealTickOptions> = async (app, opts) => {
  const clock = opts.clock ?? systemClock;
  let running = false;
  let lagging = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const result = await sealAuditLog(opts.db);
      if (result.busy) return;
      const tail = await unsealedTail(opts.db);
      const late = sealLagging(tail, clock.now());
      if (late && !lagging) {
        app.log.error(
          `审计日志有 ${tail.count} 条记录超过 ${SEAL_LAG_LIMIT_MS / 1000} 秒仍未封入哈希链（最早的是第 ${tail.oldestId} 条，${formatChineseDateTime(tail.oldestAt!)} 写入）：可能有事务长时间未结束`,
        );
      }
      lagging = late;
    } catch (err) {
      app.log.error({ err }, '审计日志封存失败，稍后重试');
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void tick(), opts.intervalMs);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    while (running) await new Promise((r) => setTimeout(r, 5));
    await tick();
  });
};
