import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import { createTestApp } from '../../test/test-app.ts';
import { createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCampaignRow, createCandidates } from '../../test/notice-factories.ts';
import { postObjection } from '../../test/objection-form.ts';
import { campaigns, candidates, finalLists, notices, outbox } from '../db/schema/index.ts';

const { app, db, clock } = await createTestApp({ loginIpLimitPerMinute: 10_000, sessionIdleMinutes: 1_000_000, sessionAbsoluteHours: 100_000 });
const center = await loginAs(app, (await createUserRow(db, 'center')).username);
const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);

async function publishedNotice(n = 3, start = '2024-10-08') {
  clock.set('2024-10-08T10:00:00+08:00');
  const campaign = await createCampaignRow(db);
  const cands = await createCandidates(db, campaign.id, n);
  const created = await center.inject({
    method: 'POST',
    url: '/api/notices',
    payload: { campaignId: campaign.id, title: '2024年职业（工种）公示', docNo: '沪职鉴〔2024〕1号', body: '现将名单公示如下。', startDate: start },
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await center.inject({ method: 'POST', url: `/api/notices/${created.json().id}/publish`, payload: { version: created.json().version } });
  expect(published.statusCode, published.body).toBe(200);
  return { campaign, cands, notice: published.json() as { id: string; items: { candidateId: string; seq: number }[]; snapshotHash: string } };
}

describe('POST /api/notices', () => {
  it('401 without a session, 403 for a unit', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/notices', payload: {} })).statusCode).toBe(401);
    expect((await unit.inject({ method: 'POST', url: '/api/notices', payload: {} })).statusCode).toBe(403);
  });

  it('400 naming the field', async () => {
    const campaign = await createCampaignRow(db);
    const res = await center.inject({ method: 'POST', url: '/api/notices', payload: { campaignId: campaign.id, title: '', startDate: '2024-10-08' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('请填写公示标题');
  });

  it('creates a draft from the selected candidates, the end five working days on (国庆 make-up Saturday counts)', async () => {
    const campaign = await createCampaignRow(db);
    await createCandidates(db, campaign.id, 2);
    await createCandidates(db, campaign.id, 1, 'not_selected');
    const res = await center.inject({ method: 'POST', url: '/api/notices', payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08' } });
    expect(res.statusCode, res.body).toBe(201);
    const n = res.json();
    expect(n.endDate).toBe('2024-10-12');
    expect(n.items).toHaveLength(2);
    expect(n.items[0].recommendingUnits).toHaveLength(2);
    expect(n.status).toBe('draft');
    const corrected = await center.inject({
      method: 'PATCH',
      url: `/api/notices/${n.id}`,
      payload: { title: '公示', startDate: '2024-10-08', dayOverrides: { '2024-10-12': 'holiday' }, version: n.version },
    });
    expect(corrected.json().endDate).toBe('2024-10-14');
    const again = await center.inject({ method: 'POST', url: '/api/notices', payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08' } });
    expect(again.statusCode).toBe(409);
  });

  it('the period cannot start before today (Asia/Shanghai) nor be shorter than five working days; nothing is created', async () => {
    clock.set('2024-10-08T00:30:00+08:00');
    const campaign = await createCampaignRow(db);
    await createCandidates(db, campaign.id, 1);
    const past = await center.inject({ method: 'POST', url: '/api/notices', payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-07' } });
    expect(past.statusCode).toBe(400);
    expect(past.json().message).toBe('公示开始日期2024年10月7日早于今天（2024年10月8日），公示期不能从过去开始，请改为今天或以后的日期');
    const short = await center.inject({
      method: 'POST',
      url: '/api/notices',
      payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08', endDate: '2024-10-11' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().message).toBe('公示期不得少于5个工作日：自2024年10月8日开始，结束日期不能早于2024年10月12日');
    const before = await center.inject({
      method: 'POST',
      url: '/api/notices',
      payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08', endDate: '2024-10-01' },
    });
    expect(before.json().message).toBe('公示结束日期2024年10月1日不能早于开始日期2024年10月8日');
    expect(await db.select().from(notices).where(eq(notices.campaignId, campaign.id))).toEqual([]);
    const longer = await center.inject({
      method: 'POST',
      url: '/api/notices',
      payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08', endDate: '2024-10-15' },
    });
    expect(longer.statusCode, longer.body).toBe(201);
    expect(longer.json().endDate).toBe('2024-10-15');
    const n = longer.json();
    const edit = await center.inject({ method: 'PATCH', url: `/api/notices/${n.id}`, payload: { title: '公示', startDate: '2024-09-30', version: n.version } });
    expect(edit.statusCode).toBe(400);
    expect(edit.json().message).toContain('早于今天');
    const [kept] = await db.select().from(notices).where(eq(notices.id, n.id));
    expect(kept).toMatchObject({ startDate: '2024-10-08', endDate: '2024-10-15', version: n.version });
  });

  it('GET /api/notices/period computes the default end', async () => {
    const res = await center.inject({ method: 'GET', url: '/api/notices/period?startDate=2024-09-27' });
    expect(res.json().endDate).toBe('2024-10-09');
    expect((await unit.inject({ method: 'GET', url: '/api/notices/period?startDate=2024-09-27' })).statusCode).toBe(403);
  });
});

describe('POST /api/notices/:id/publish', () => {
  it('freezes the snapshot with its hash, moves the campaign to publicizing; later candidate edits do not change it', async () => {
    const { campaign, cands, notice } = await publishedNotice(2);
    expect(notice.snapshotHash).toMatch(/^[0-9a-f]{64}$/);
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(c!.status).toBe('publicizing');
    await db.update(candidates).set({ occupationName: '改过的名字' }).where(eq(candidates.id, cands[0]!.id));
    const again = (await center.inject({ method: 'GET', url: `/api/notices/${notice.id}` })).json();
    expect(again.items[0].occupationName).not.toBe('改过的名字');
    expect(again.snapshotHash).toBe(notice.snapshotHash);
    const edit = await center.inject({
      method: 'PATCH',
      url: `/api/notices/${notice.id}`,
      payload: { title: 'x', startDate: '2024-10-08', version: again.version },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('公示已发布，内容已固定，不能再修改');
  });

  it('refuses a draft whose start has passed meanwhile: 409, the draft and the campaign unchanged; editing the start lets it publish', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const campaign = await createCampaignRow(db);
    await createCandidates(db, campaign.id, 2);
    const n = (
      await center.inject({ method: 'POST', url: '/api/notices', payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08' } })
    ).json();
    clock.set('2024-10-09T00:00:01+08:00');
    const late = await center.inject({ method: 'POST', url: `/api/notices/${n.id}/publish`, payload: { version: n.version } });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toBe('公示开始日期2024年10月8日已过（今天是2024年10月9日），不能发布：请先将公示草稿的开始日期改为今天或以后的日期');
    const [draft] = await db.select().from(notices).where(eq(notices.id, n.id));
    expect(draft).toMatchObject({ status: 'draft', version: n.version, publishedAt: null });
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(c).toMatchObject({ status: 'reviewing', version: campaign.version });
    const moved = await center.inject({
      method: 'PATCH',
      url: `/api/notices/${n.id}`,
      payload: { title: '公示', startDate: '2024-10-09', version: n.version },
    });
    expect(moved.json().endDate).toBe('2024-10-14');
    const ok = await center.inject({ method: 'POST', url: `/api/notices/${n.id}/publish`, payload: { version: moved.json().version } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses with undecided candidates (campaign workflow guard)', async () => {
    clock.set('2024-10-08T10:00:00+08:00');
    const campaign = await createCampaignRow(db);
    await createCandidates(db, campaign.id, 1);
    await createCandidates(db, campaign.id, 1, 'candidate');
    const n = (
      await center.inject({ method: 'POST', url: '/api/notices', payload: { campaignId: campaign.id, title: '公示', startDate: '2024-10-08' } })
    ).json();
    const res = await center.inject({ method: 'POST', url: `/api/notices/${n.id}/publish`, payload: { version: n.version } });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toBe('尚有1个候选职业未作出是否入选的决定');
    // The notice said so beforehand: the page disables 发布公示 with this reason.
    const view = (await center.inject({ method: 'GET', url: `/api/notices/${n.id}` })).json();
    expect(view.actions.publish).toEqual({ allowed: false, reason: res.json().message });
    expect((await unit.inject({ method: 'POST', url: `/api/notices/${n.id}/publish`, payload: { version: 1 } })).statusCode).toBe(403);
  });
});

describe('POST /api/campaigns/:id/final-list', () => {
  it('409 before the notice period has ended (the last day counts), nothing published', async () => {
    const { campaign } = await publishedNotice(2);
    clock.set('2024-10-12T23:59:00+08:00');
    const early = await center.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/final-list`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toBe('公示期至2024年10月12日结束，公示期满后方可发布最终名单');
    const noticeId = (await db.select({ id: notices.id }).from(notices).where(eq(notices.campaignId, campaign.id)))[0]!.id;
    const during = (await center.inject({ method: 'GET', url: `/api/notices/${noticeId}` })).json();
    expect(during.actions.publishFinal).toEqual({ allowed: false, reason: early.json().message });
    expect(await db.select().from(finalLists).where(eq(finalLists.campaignId, campaign.id))).toEqual([]);
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(c!.status).toBe('publicizing');
    clock.set('2024-10-13T00:00:01+08:00');
    expect((await center.inject({ method: 'GET', url: `/api/notices/${noticeId}` })).json().actions.publishFinal).toEqual({ allowed: true, reason: null });
    expect((await center.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/final-list`, payload: {} })).statusCode).toBe(201);
  });
});

describe('objections handling and the final list', () => {
  it('accept → investigate → conclude withdrawn; masked list; final list refused while open, then published without the item', async () => {
    const { campaign, notice } = await publishedNotice(3);
    const target = notice.items[1]!;
    const evidence = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600 * 1024, 3)]);
    const filed = await postObjection(
      app,
      notice.id,
      { name: '张三丰', phone: '13812345678', email: 'zhang@example.com', itemId: target.candidateId, grounds: '<script>alert(1)</script>该职业已在本市开展' },
      [{ name: 'evidence', filename: '证明.png', content: evidence, type: 'image/png' }],
    );
    expect(filed.statusCode, filed.body).toBe(201);
    const receiptNo = /data-testid="receipt-no">([^<]+)</.exec(filed.body)![1]!;
    // The address is confirmed by the link of the confirmation mail; only then do the receipt and the reply go to it.
    const [confirmMail] = await db.select().from(outbox).where(eq(outbox.to, 'zhang@example.com'));
    const token = /token=([\w-]+)/.exec(confirmMail!.body)![1]!;
    const confirmed = await app.inject({
      method: 'POST',
      url: '/public/objections/confirm',
      payload: `token=${token}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const second = await postObjection(
      app,
      notice.id,
      { name: '李四', phone: '13900001111', itemId: notice.items[0]!.candidateId, grounds: '理由二' },
      [],
      '10.0.0.2',
    );
    const receipt2 = /data-testid="receipt-no">([^<]+)</.exec(second.body)![1]!;

    const list = await center.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections` });
    expect(list.statusCode).toBe(200);
    const first = list.json().find((o: { receiptNo: string }) => o.receiptNo === receiptNo);
    expect(first).toMatchObject({ name: '张**', phone: '138****5678', email: 'z***@example.com', grounds: '<script>alert(1)</script>该职业已在本市开展' });
    expect((await unit.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections` })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/objections/${first.id}` })).statusCode).toBe(401);

    const detail = (await center.inject({ method: 'GET', url: `/api/objections/${first.id}` })).json();
    expect(detail.name).toBe('张三丰');
    expect(detail.allowedActions).toEqual(['accept', 'decline']);

    const act = (body: object) => center.inject({ method: 'POST', url: `/api/objections/${first.id}/actions`, payload: body });
    const badDecline = await act({ action: 'decline', reason: ' ', version: detail.version });
    expect(badDecline.statusCode).toBe(400);
    expect(badDecline.json().message).toBe('不予受理须填写理由');
    let v = (await act({ action: 'accept', version: detail.version })).json().version;
    expect((await act({ action: 'accept', version: v })).statusCode).toBe(409);
    v = (await act({ action: 'investigate', version: v })).json().version;

    clock.set('2024-10-13T09:00:00+08:00');
    const early = await center.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/final-list`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain(receiptNo);
    expect(early.json().message).toContain(receipt2);

    const wrong = await act({ action: 'conclude', outcome: 'rejected', effect: 'withdrawn', reply: '经核实', version: v });
    expect(wrong.json().message).toContain('异议不成立时应保留');
    const concluded = await act({ action: 'conclude', outcome: 'upheld', effect: 'withdrawn', reply: '经核实，该职业已在本市开展，予以撤销。', version: v });
    expect(concluded.statusCode, concluded.body).toBe(200);
    const [cand] = await db.select().from(candidates).where(eq(candidates.id, target.candidateId));
    expect(cand!.status).toBe('withdrawn');
    const mails = await db.select().from(outbox).where(eq(outbox.to, 'zhang@example.com'));
    expect(mails).toHaveLength(3);
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([expect.stringContaining('请确认您的电子邮箱'), expect.stringContaining('异议已收到'), expect.stringContaining('异议办理结果')]),
    );

    const second2 = list.json().find((o: { receiptNo: string }) => o.receiptNo === receipt2);
    await center.inject({
      method: 'POST',
      url: `/api/objections/${second2.id}/actions`,
      payload: { action: 'decline', reason: '理由不充分', version: second2.version },
    });

    expect((await unit.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/final-list`, payload: {} })).statusCode).toBe(403);
    const final = await center.inject({ method: 'POST', url: `/api/campaigns/${campaign.id}/final-list`, payload: {} });
    expect(final.statusCode, final.body).toBe(201);
    expect(final.json().items.map((i: { noticeSeq: number }) => i.noticeSeq)).toEqual([1, 3]);
    expect(final.json().removed[0].reason).toContain(receiptNo);
    const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaign.id));
    expect(c!.status).toBe('published');
    const page = await app.inject({ method: 'GET', url: `/public/final/${campaign.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('与公示名单的差异');
    expect(page.body).not.toContain('张三丰');

    const history = await center.inject({ method: 'GET', url: '/api/occupations/6-24-03-01/history' });
    expect(history.statusCode).toBe(200);
    expect(history.json().some((h: { campaignId: string; outcome: string }) => h.campaignId === campaign.id && h.outcome === 'withdrawn')).toBe(true);
    const badCode = await center.inject({ method: 'GET', url: '/api/occupations/abc/history' });
    expect(badCode.json().message).toBe('职业编码格式应为 X-XX-XX-XX，如 4-10-01-05');

    const zip = await center.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/dossier.zip` });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    const names = await zipNames(zip.rawPayload);
    const finalName = `最终名单/${campaign.title}最终名单`;
    expect(names).toEqual(
      expect.arrayContaining([
        '说明.txt',
        '征集活动.csv',
        '候选职业.csv',
        '公示/2024年职业（工种）公示.pdf',
        '公示/2024年职业（工种）公示.ofd',
        '公示/异议.csv',
        `${finalName}.pdf`,
        `${finalName}.ofd`,
        '审计日志.csv',
        `公示/异议证明材料/${receiptNo}/证明材料1.png`,
      ]),
    );
    expect((await zipEntry(zip.rawPayload, `公示/异议证明材料/${receiptNo}/证明材料1.png`)).equals(evidence)).toBe(true);
    expect((await unit.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/dossier.zip` })).statusCode).toBe(403);
  }, 180_000);
});

function zipNames(buffer: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.readEntry();
    });
  });
}

function zipEntry(buffer: Buffer, name: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (e: yauzl.Entry) => {
        if (e.fileName !== name) return zip.readEntry();
        zip.openReadStream(e, (error, stream) => {
          if (error || !stream) return reject(error);
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('end', () => resolve(Buffer.concat(parts)));
        });
      });
      zip.on('end', () => reject(new Error(`${name} not in the archive`)));
      zip.readEntry();
    });
  });
}
