import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { eq } from 'drizzle-orm';
import { createTestApp, recordingMailer } from '../../test/test-app.ts';
import { outbox } from '../db/schema/index.ts';
import { outboxTick } from './outbox-tick.ts';

const { db, clock, config } = await createTestApp();

async function tickOnce(mailer?: ReturnType<typeof recordingMailer>) {
  const app = Fastify();
  await app.register(outboxTick, { db, config, clock, mailer, intervalMs: 20 });
  await app.ready();
  await new Promise((r) => setTimeout(r, 400));
  await app.close();
}

describe('outbox tick', () => {
  it('keeps mail waiting in the outbox while no SMTP server is configured, and sends it once one is', async () => {
    const [row] = await db
      .insert(outbox)
      .values({ to: 'unit@example.com', subject: '测试邮件', body: '正文', nextAttemptAt: clock.now(), createdAt: clock.now() })
      .returning();
    await tickOnce();
    expect((await db.select().from(outbox).where(eq(outbox.id, row!.id)))[0]!.status).toBe('pending');
    const mailer = recordingMailer();
    await tickOnce(mailer);
    expect((await db.select().from(outbox).where(eq(outbox.id, row!.id)))[0]!.status).toBe('sent');
    expect(mailer.sent.map((m) => m.subject)).toContain('测试邮件');
  });
});
