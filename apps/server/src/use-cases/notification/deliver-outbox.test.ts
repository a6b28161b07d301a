import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { eq, like } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createTestApp } from '../../../test/test-app.ts';
import { createUserRow } from '../../../test/factories.ts';
import { loginAs } from '../../../test/auth.ts';
import { outbox } from '../../db/schema/index.ts';
import { createMailer } from '../../plugins/mailer.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import { enqueueMail } from './enqueue-mail.ts';

const { app, db, clock } = await createTestApp({ loginIpLimitPerMinute: 100_000, sessionIdleMinutes: 10_000_000, sessionAbsoluteHours: 1_000_000 });

/** A real SMTP server on loopback that records what it receives. */
function startSmtp(port = 0): Promise<{ server: SMTPServer; port: number; received: string[] }> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        received.push(data);
        done();
      });
    },
  });
  return new Promise((resolve) =>
    server.listen(port, '127.0.0.1', () => resolve({ server, port: (server.server.address() as { port: number }).port, received })),
  );
}
const stopSmtp = (server: SMTPServer) => new Promise<void>((r) => server.close(() => r()));

/** A loopback port nobody listens on. */
async function freePort(): Promise<number> {
  const s: Server = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const smtps: SMTPServer[] = [];
afterAll(async () => Promise.all(smtps.map(stopSmtp)));

async function enqueue(key: string) {
  await db.transaction((tx) => enqueueMail(tx, { to: 'unit@example.com', subject: `提醒 ${key}`, body: '请及时提交推荐表', dedupeKey: key }, clock.now()));
}

describe('outbox over a real SMTP server', () => {
  it('sends a pending mail and marks it sent', async () => {
    const smtp = await startSmtp();
    smtps.push(smtp.server);
    const mailer = createMailer(`smtp://127.0.0.1:${String(smtp.port)}`, 'zhengji@localhost');
    await enqueue('t1');
    expect(await deliverOutbox({ db, clock, mailer })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, 't1'));
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
  });

  it('SMTP down: the mail waits in the outbox, visible with its error; retried with backoff when it is back', async () => {
    const port = await freePort();
    const mailer = createMailer(`smtp://127.0.0.1:${String(port)}`, 'zhengji@localhost');
    await enqueue('t2');
    expect(await deliverOutbox({ db, clock, mailer })).toEqual({ sent: 0, failed: 1 });
    const [waiting] = await db.select().from(outbox).where(eq(outbox.dedupeKey, 't2'));
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    expect(waiting!.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());
    // Nothing else fails: the center still works and sees the failure on the outbox page.
    const c = await loginAs(app, (await createUserRow(db, 'center')).username);
    const page = (await c.inject({ method: 'GET', url: '/api/outbox?status=pending' })).json();
    expect(page.items.some((m: { dedupeKey: string; lastError: string }) => m.dedupeKey === 't2' && m.lastError)).toBe(true);
    // Before the backoff ends nothing is tried; after it, with the server back, it goes out.
    const smtp = await startSmtp(port);
    smtps.push(smtp.server);
    expect(await deliverOutbox({ db, clock, mailer })).toEqual({ sent: 0, failed: 0 });
    clock.advance(61_000);
    expect(await deliverOutbox({ db, clock, mailer })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [sent] = await db.select().from(outbox).where(eq(outbox.dedupeKey, 't2'));
    expect(sent).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('two ticks racing (and a duplicate enqueue) send each mail once', async () => {
    const smtp = await startSmtp();
    smtps.push(smtp.server);
    const mailer = createMailer(`smtp://127.0.0.1:${String(smtp.port)}`, 'zhengji@localhost');
    for (const k of ['r1', 'r2', 'r3', 'r1', 'r2']) await enqueue(`race-${k}`);
    const [a, b] = await Promise.all([deliverOutbox({ db, clock, mailer }), deliverOutbox({ db, clock, mailer })]);
    expect(a.sent + b.sent).toBe(3);
    expect(smtp.received).toHaveLength(3);
    const rows = await db.select().from(outbox).where(like(outbox.dedupeKey, 'race-%'));
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('GET /api/outbox: 401, 403, 400; retry puts a failed mail back', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(401);
    const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);
    expect((await unit.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(403);
    const c = await loginAs(app, (await createUserRow(db, 'center')).username);
    const bad = await c.inject({ method: 'GET', url: '/api/outbox?status=lost' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('状态不正确');
    await enqueue('t4');
    await db.update(outbox).set({ status: 'failed', lastError: 'x' }).where(eq(outbox.dedupeKey, 't4'));
    const [row] = await db.select().from(outbox).where(eq(outbox.dedupeKey, 't4'));
    const retry = await c.inject({ method: 'POST', url: `/api/outbox/${row!.id}/retry` });
    expect(retry.json()).toEqual({ id: row!.id, status: 'pending' });
    expect((await c.inject({ method: 'POST', url: `/api/outbox/${row!.id}/retry` })).statusCode).toBe(200);
  });
});
