import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCampaignRow, createCandidates } from '../../test/notice-factories.ts';
import { multipart, postObjection, solveChallenge } from '../../test/objection-form.ts';
import { escapeHtml, html } from './html.ts';

const { app, db, clock } = await createTestApp(
  { loginIpLimitPerMinute: 10_000, sessionIdleMinutes: 1_000_000, sessionAbsoluteHours: 100_000 },
  { serveWeb: true },
);
const center = await loginAs(app, (await createUserRow(db, 'center')).username);

clock.set('2024-10-08T10:00:00+08:00');
const campaign = await createCampaignRow(db);
const cands = await createCandidates(db, campaign.id, 3);
const draft = (
  await center.inject({
    method: 'POST',
    url: '/api/notices',
    payload: { campaignId: campaign.id, title: '2024年职业（工种）公示', docNo: '沪职鉴〔2024〕9号', body: '现将名单予以公示。', startDate: '2024-10-08' },
  })
).json();
const notice = (await center.inject({ method: 'POST', url: `/api/notices/${draft.id}/publish`, payload: { version: draft.version } })).json();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);
const person = { name: '王小明', phone: '13812345678', organization: '某某公司' };

describe('html helpers', () => {
  it('escapes everything interpolated', () => {
    expect(escapeHtml('<a href="x">\'&')).toBe('&#60;a href&#61;&#34;x&#34;&#62;&#39;&#38;');
    expect(html`<p>${'<script>'}</p>${[html`<b>${'&'}</b>`]}`.value).toBe('<p>&#60;script&#62;</p><b>&#38;</b>');
  });
});

describe('public pages', () => {
  it('/public lists the call and the notice; unknown /public paths are 404 HTML, not the web app', async () => {
    const index = await app.inject({ method: 'GET', url: '/public' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.body).toContain(`/public/notices/${notice.id}`);
    const missing = await app.inject({ method: 'GET', url: '/public/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('页面不存在');
    expect((await app.inject({ method: 'GET', url: '/public/notices/not-a-uuid' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/public/notices/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('the call page is rendered from the campaign fields without the contact person or phone', async () => {
    const res = await app.inject({ method: 'GET', url: `/public/campaigns/${campaign.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(campaign.docNo);
    expect(res.body).toContain('即日起至2024年10月22日止');
    expect(res.body).toContain('填表说明');
    expect(res.body).not.toContain('崔安卓');
    expect(res.body).not.toContain('18817418907');
    const draftCampaign = await createCampaignRow(db, { status: 'draft' });
    expect((await app.inject({ method: 'GET', url: `/public/campaigns/${draftCampaign.id}` })).statusCode).toBe(404);
  });

  it('the notice page: list, period, how to object; ETag + Cache-Control, 304 when current; no script', async () => {
    const res = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('公示期为2024年10月8日至2024年10月12日');
    expect(res.body).toContain(cands[0]!.occupationName);
    expect(res.body).toContain(cands[0]!.unitNames[0]);
    expect(res.body).toContain('异议方式');
    // The announcement text the Word and PDF documents print: period, where to object, 附件, issuer.
    expect(res.body).toContain('公示期：2024年10月8日至2024年10月12日。');
    expect(res.body).toContain(`可登录http://localhost:80/public/notices/${notice.id as string}`);
    expect(res.body).toContain('上海市职业技能鉴定中心');
    expect(res.body).toContain('附件：');
    expect(res.body).not.toContain('<script');
    expect(res.headers['cache-control']).toContain('max-age=60');
    const etag = res.headers.etag as string;
    expect(etag).toContain(notice.snapshotHash.slice(0, 24));
    const again = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}`, headers: { 'if-none-match': '"another"' } });
    expect(other.statusCode).toBe(200);
    // A page without a content tag of its own is tagged by its bytes; the API is never tagged.
    const index = await app.inject({ method: 'GET', url: '/public' });
    expect(index.headers.etag).toMatch(/^W\/"/);
    expect((await app.inject({ method: 'GET', url: '/public', headers: { 'if-none-match': index.headers.etag as string } })).statusCode).toBe(304);
    expect((await app.inject({ method: 'GET', url: '/api/ping' })).headers.etag).toBeUndefined();
  });

  it('downloads the notice as Word, PDF, OFD and Excel; the page links every format', async () => {
    const page = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}` });
    for (const format of ['docx', 'pdf', 'ofd', 'xlsx']) expect(page.body).toContain(`/public/notices/${notice.id as string}/download/${format}`);
    for (const [format, magic] of [
      ['docx', 'PK'],
      ['xlsx', 'PK'],
      ['pdf', '%PDF'],
      ['ofd', 'PK'],
    ] as const) {
      const res = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}/download/${format}` });
      expect(res.statusCode, format).toBe(200);
      expect(res.rawPayload.subarray(0, magic.length).toString()).toBe(magic);
      expect(res.headers['content-disposition']).toContain(`.${format}`);
      const etag = res.headers.etag as string;
      expect(etag).toContain(format);
      const again = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}/download/${format}`, headers: { 'if-none-match': etag } });
      expect(again.statusCode, format).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
  }, 60_000);
});

describe('filing an objection', () => {
  it('files with evidence and gives a receipt number and a query code; the query shows the state, not personal data', async () => {
    const res = await postObjection(
      app,
      notice.id,
      { ...person, itemId: cands[0]!.id, grounds: '理由' },
      [{ name: 'evidence', filename: 'photo.png', content: PNG, type: 'image/png' }],
      '10.1.0.1',
    );
    expect(res.statusCode, res.body).toBe(201);
    const receiptNo = /data-testid="receipt-no">([^<]+)</.exec(res.body)![1]!;
    const queryCode = /data-testid="query-code">([^<]+)</.exec(res.body)![1]!;
    expect(res.headers['cache-control']).toBe('no-store');
    const q = await app.inject({
      method: 'POST',
      url: '/public/objections/query',
      remoteAddress: '10.1.0.1',
      payload: `receiptNo=${receiptNo}&queryCode=${queryCode}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(q.statusCode).toBe(200);
    expect(q.body).toContain('已收到');
    expect(q.body).not.toContain('王小明');
    expect(q.body).not.toContain('13812345678');
  });

  it('400 with the message, the form shown again with the values escaped (script shown as text)', async () => {
    const challenge = await solveChallenge(app, notice.id, '10.1.0.2');
    const body = multipart({ ...challenge, ...person, itemId: cands[1]!.id, grounds: '<script>alert("x")</script>', phone: '', email: '' });
    const res = await app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.1.0.2', ...body });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('请至少填写联系电话或电子邮箱中的一项');
    expect(res.body).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;');
    expect(res.body).not.toContain('<script>alert');
  });

  it('refuses a wrong challenge answer and a reused token; a token is spent by a wrong answer too', async () => {
    const form = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.1.0.3' });
    const [, a, b] = /验证题：(\d+) 加 (\d+)/.exec(form.body)!;
    const token = /name="challengeToken" value="([^"]+)"/.exec(form.body)![1]!;
    // The token carries an expiry, a nonce and a MAC: neither the operands nor the answer.
    expect(token.split('.')).toHaveLength(3);
    expect(token).not.toContain(`${a}.${b}.`);
    const challenge = await solveChallenge(app, notice.id, '10.1.0.3');
    const wrong = multipart({ ...challenge, challengeAnswer: '999', ...person, itemId: cands[1]!.id, grounds: '理由' });
    const res = await app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.1.0.3', ...wrong });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('验证题回答不正确或已过期');
    const sameToken = multipart({ ...challenge, ...person, itemId: cands[1]!.id, grounds: '理由' });
    const spent = await app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.1.0.3', ...sameToken });
    expect(spent.statusCode).toBe(400);
    expect(spent.body).toContain('验证题回答不正确或已过期');
    const ok = multipart({ ...(await solveChallenge(app, notice.id, '10.1.0.3')), ...person, itemId: cands[1]!.id, grounds: '理由' });
    expect((await app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.1.0.3', ...ok })).statusCode).toBe(201);
    const replay = await app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.1.0.3', ...ok });
    expect(replay.statusCode).toBe(400);
  });

  it('an unknown item is refused', async () => {
    const res = await postObjection(app, notice.id, { ...person, itemId: '00000000-0000-4000-8000-000000000000', grounds: '理由' }, [], '10.1.0.4');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('所异议的职业（工种）不在本次公示名单中');
  });

  it('evidence that is not what it claims (an executable named .pdf) is refused by content', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]);
    const res = await postObjection(
      app,
      notice.id,
      { ...person, itemId: cands[1]!.id, grounds: '理由' },
      [{ name: 'evidence', filename: '证明.pdf', content: exe, type: 'application/pdf' }],
      '10.1.0.5',
    );
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain('不是 PDF、JPEG 或 PNG');
  });

  it('evidence over 10 MB and more than 3 files are refused', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await postObjection(
      app,
      notice.id,
      { ...person, itemId: cands[1]!.id, grounds: '理由' },
      [{ name: 'evidence', filename: 'big.png', content: big }],
      '10.1.0.6',
    );
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain('不能超过 10 MB');
    const four = Array.from({ length: 4 }, (_, i) => ({ name: 'evidence', filename: `${i}.png`, content: PNG }));
    const many = await postObjection(app, notice.id, { ...person, itemId: cands[1]!.id, grounds: '理由' }, four, '10.1.0.7');
    expect(many.statusCode).toBe(413);
    expect(many.body).toContain('最多3个文件');
  });

  it('1,000 objections from one address in a minute are throttled; another address still files', async () => {
    const challenge = await solveChallenge(app, notice.id, '10.9.9.9');
    const body = multipart({ ...challenge, ...person, itemId: cands[2]!.id, grounds: '刷屏' });
    const statuses: number[] = [];
    for (let i = 0; i < 1000; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: 50 }, () => app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.9.9.9', ...body })),
      );
      statuses.push(...batch.map((r) => r.statusCode));
    }
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(995);
    const other = await postObjection(app, notice.id, { ...person, itemId: cands[2]!.id, grounds: '正常提交' }, [], '10.9.9.10');
    expect(other.statusCode).toBe(201);
  }, 120_000);

  it('random query codes: the same answer whatever is wrong, then attempts are limited', async () => {
    const res = await postObjection(app, notice.id, { ...person, itemId: cands[0]!.id, grounds: '理由' }, [], '10.2.0.1');
    const receiptNo = /data-testid="receipt-no">([^<]+)</.exec(res.body)![1]!;
    const ask = (r: string, code: string, ip: string) =>
      app.inject({
        method: 'POST',
        url: '/public/objections/query',
        remoteAddress: ip,
        payload: new URLSearchParams({ receiptNo: r, queryCode: code }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const unknown = await ask('YY20241008-ZZZZZZ', 'ABCDEFGHJK', '10.2.0.2');
    const wrongCode = await ask(receiptNo, 'ABCDEFGHJK', '10.2.0.3');
    expect(unknown.statusCode).toBe(404);
    expect(wrongCode.statusCode).toBe(404);
    const message = (b: string) => /role="alert">([^<]+)</.exec(b)?.[1];
    expect(message(unknown.body)).toBe('受理编号或查询码不正确，请核对后重新输入');
    expect(message(wrongCode.body)).toBe(message(unknown.body));
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await ask(receiptNo, Math.random().toString(36).slice(2, 12).toUpperCase(), `10.2.1.${i}`)).statusCode);
    expect(codes.at(-1)).toBe(429);
    const perIp: number[] = [];
    for (let i = 0; i < 22; i++) perIp.push((await ask(`YY20241008-R${i}`, 'XXXXXXXXXX', '10.2.2.1')).statusCode);
    expect(perIp.at(-1)).toBe(429);
  });

  it('after the period: refused with the period in the message', async () => {
    clock.set('2024-10-13T08:00:00+08:00');
    const form = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}/objection` });
    expect(form.statusCode).toBe(409);
    clock.set('2024-10-12T23:50:00+08:00');
    const challenge = await solveChallenge(app, notice.id, '10.3.0.1');
    clock.set('2024-10-13T00:00:01+08:00');
    const body = multipart({ ...challenge, ...person, itemId: cands[0]!.id, grounds: '迟到' });
    const res = await app.inject({ method: 'POST', url: `/public/notices/${notice.id}/objection`, remoteAddress: '10.3.0.1', ...body });
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('公示期为2024年10月8日至2024年10月12日，公示期已结束，不再受理异议');
    const page = await app.inject({ method: 'GET', url: `/public/notices/${notice.id}` });
    expect(page.body).toContain('已结束');
    expect(page.body).not.toContain('王小明');
  });
});
