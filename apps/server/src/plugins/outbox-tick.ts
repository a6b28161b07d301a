import type { FastifyPluginAsync } from 'fastify';
import { systemClock, type Clock } from '@zhengji/domain';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import { createMailer, type Mailer } from './mailer.ts';
import { sendDueReminders } from '../use-cases/campaign/send-reminders.ts';
import { deliverOutbox } from '../use-cases/notification/deliver-outbox.ts';

/** Options of the periodic tick (registered by server.ts; tests call the use cases directly). */
export interface OutboxTickOptions {
  db: Db;
  config: Config;
  clock?: Clock;
  mailer?: Mailer;
  intervalMs?: number;
}

/**
 * Every minute: enqueue the reminders due now, then send what waits in the outbox. Safe on several instances:
 * reminders are deduplicated by key and outbox rows are claimed atomically.
 */
export const outboxTick: FastifyPluginAsync<OutboxTickOptions> = async (app, opts) => {
  const clock = opts.clock ?? systemClock;
  const mailer = opts.mailer ?? createMailer(opts.config.smtpUrl, opts.config.mailFrom, (m) => app.log.info(m));
  const canSend = !!opts.mailer || !!opts.config.smtpUrl;
  if (!canSend) app.log.warn('未配置 SMTP_URL：邮件将保存在发件箱中，配置后自动发送');
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendDueReminders({ db: opts.db, clock });
      // Without an SMTP server the mail waits in the outbox (visible to the center) instead of being marked sent.
      if (canSend) await deliverOutbox({ db: opts.db, clock, mailer });
    } catch (err) {
      app.log.error({ err }, '邮件发送周期任务失败');
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    timer = setInterval(() => void tick(), opts.intervalMs ?? 60_000);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });
};
