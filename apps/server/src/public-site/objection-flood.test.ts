import { describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCampaignRow, createCandidates } from '../../test/notice-factories.ts';
import { multipart, solveChallenge } from '../../test/objection-form.ts';
import { objections, outbox } from '../db/schema/index.ts';

const { app, db, clock } = await createTestApp({
  loginIpLimitPerMinute: 10_000,
  sessionIdleMinutes: 1_000_000,
  sessionAbsoluteHours: 100_000,
  publicUrl: 'https://zhengji.example.gov.cn',
});
const center = await loginAs(app, (await createUserRow(db, 'center')).username);

clock.set('2024-10-08T08:00:00+08:00');
const campaign = await createCampaignRow(db);
const cands = await createCandidates(db, campaign.id, 2);
const draft = (
  await center.inject({
    method: 'POST',
    url: '/api/notices',
    payload: { campaignId: campaign.id, title: '2024年职业（工种）公示', docNo: '沪职鉴〔2024〕9号', body: '现将名单予以公示。', startDate: '2024-10-08' },
  })
).json();
const notice = (await center.inject({ method: 'POST', url: `/api/notices/${draft.id}/publish`, payload: { version: draft.version } })).json();

const alert = (body: string) => /role="alert">([^<]+)</.exec(body)?.[1] ?? /<p[^>]*>([^<]*上限[^<]*)</.exec(body)?.[1] ?? body.slice(0, 200);

/** One post of the public form from an address, with a freshly answered challenge. */
async function post(ip: string, email: string, grounds = '该职业（工种）与现有职业重复') {
  const challenge = await solveChallenge(app, notice.id, ip);
  const body = multipart({ ...challenge, name: '王小明', phone: '13812345678', email, itemId: cands[0]!.id, grounds });
  return app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: ip, ...body });
}

const objectionCount = async () => (await db.select({ n: count() }).from(objections).where(eq(objections.noticeId, notice.id)))[0]!.n;
const confirmMails = () => db.select().from(outbox).where(like(outbox.dedupeKey, 'objection:%:confirm'));

describe('flooding the public objection form', () => {
  it('200 posts from 40 addresses: capped per address and per notice, with Chinese messages; 33 mails, all confirmation links', async () => {
    const statuses: Record<string, number> = {};
    const messages = new Set<string>();
    const tally = (status: number, body: string) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 201) messages.add(alert(body).replace(/请\d+分钟后/, '请N分钟后'));
    };
    // Ten addresses post ten times each, a minute apart: each address records five, then is refused.
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 10; i++) {
        clock.advance(61_000);
        const res = await post(`10.20.0.${a}`, `person${a}@example.com`);
        tally(res.statusCode, res.body);
        if (i === 5) {
          expect(res.statusCode).toBe(429);
          expect(alert(res.body)).toMatch(
            /^同一网络地址24小时内对本公示最多提交5条异议，您已达到上限，请\d+分钟后再提交；如有补充材料，可凭受理编号联系市职鉴中心$/,
          );
          expect(res.headers['retry-after']).toBeDefined();
        }
      }
    }
    expect(await objectionCount()).toBe(50);
    // Two hours later, thirty other addresses send 100 posts within two minutes: the notice takes 60 an hour.
    clock.advance(2 * 3600_000);
    for (let i = 0; i < 100; i++) {
      clock.advance(1000);
      const res = await post(`10.30.0.${i % 30}`, 'flood@example.com');
      tally(res.statusCode, res.body);
      if (i === 60) {
        expect(res.statusCode).toBe(429);
        expect(alert(res.body)).toMatch(/^本公示一小时内收到的异议已达60条，系统暂停受理，请\d+分钟后再提交$/);
      }
    }
    expect(statuses).toEqual({ 201: 110, 429: 90 });
    expect(await objectionCount()).toBe(110);
    expect([...messages].sort()).toEqual(
      [
        '同一网络地址24小时内对本公示最多提交5条异议，您已达到上限，请N分钟后再提交；如有补充材料，可凭受理编号联系市职鉴中心',
        '本公示一小时内收到的异议已达60条，系统暂停受理，请N分钟后再提交',
      ].sort(),
    );
    // Three confirmation mails per e-mail address a day (11 addresses), no receipt before a link is followed.
    const mails = await db.select().from(outbox);
    expect(mails).toHaveLength(33);
    expect(mails.every((m) => m.dedupeKey!.endsWith(':confirm'))).toBe(true);
    expect(mails.filter((m) => m.to === 'flood@example.com')).toHaveLength(3);
  }, 300_000);

  it('the receipt is mailed once the link is followed; the link itself (GET) confirms nothing; a wrong token is refused', async () => {
    clock.advance(24 * 3600_000);
    const res = await post('10.40.0.1', 'li.si@example.com');
    expect(res.statusCode).toBe(201);
    expect(res.body).toContain('我们已向您填写的电子邮箱发送一封确认邮件');
    const receiptNo = /data-testid="receipt-no">([^<]+)</.exec(res.body)![1]!;
    const [mail] = (await confirmMails()).filter((m) => m.to === 'li.si@example.com');
    expect(mail!.subject).toBe(`请确认您的电子邮箱（异议受理编号 ${receiptNo}）`);
    const link = /https:\/\/zhengji\.example\.gov\.cn(\/public\/objections\/confirm\?token=[\w-]+)/.exec(mail!.body)![1]!;
    const token = new URL(link, 'http://x').searchParams.get('token')!;
    const page = await app.inject({ method: 'GET', url: link });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('确认邮箱');
    const receipts = () => db.select().from(outbox).where(like(outbox.dedupeKey, 'objection:%:receipt'));
    expect(await receipts()).toHaveLength(0);
    const confirm = (t: string) =>
      app.inject({
        method: 'POST',
        url: '/public/objections/confirm',
        payload: `token=${t}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const done = await confirm(token);
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`已确认。受理编号 ${receiptNo} 的受理回执将发送到 l***@example.com`);
    expect((await receipts()).map((m) => [m.to, m.subject])).toEqual([['li.si@example.com', `异议已收到（受理编号 ${receiptNo}）`]]);
    const again = await confirm(token);
    expect(again.body).toContain('该邮箱此前已确认');
    expect(await receipts()).toHaveLength(1);
    const bad = await confirm('x'.repeat(32));
    expect(bad.statusCode).toBe(404);
    expect(alert(bad.body)).toBe('确认链接无效或已过期（有效期7日）。您的异议已经受理，可凭受理编号和查询码在公示网站查询办理进度');
    const [row] = await db.select().from(objections).where(eq(objections.receiptNo, receiptNo));
    expect(row!.emailConfirmedAt).not.toBeNull();
  });
});
