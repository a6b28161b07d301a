import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { createTestApp } from '../../test/test-app.ts';
import { createStoredFileRow, createUnitRow, createUserRow } from '../../test/factories.ts';
import { loginAs } from '../../test/auth.ts';
import { createCampaignRow, createCandidates } from '../../test/notice-factories.ts';
import { postObjection } from '../../test/objection-form.ts';
import { assignments, checkDecisions, experts, formVersions, forms, reviewRounds, reviews } from '../db/schema/index.ts';
import { readOfd } from '../documents/ofd-reader-check.ts';
import { poppler, tempFile, THIRTEEN_TAGS as TAGS } from '../../test/documents.ts';

const { app, db, clock } = await createTestApp({ loginIpLimitPerMinute: 10_000, sessionIdleMinutes: 1_000_000, sessionAbsoluteHours: 100_000 });
const centerUser = await createUserRow(db, 'center', { displayName: '崔安卓' });
const center = await loginAs(app, centerUser.username);
const unit = await loginAs(app, (await createUserRow(db, 'unit')).username);

const UNIT_NAME = '浦东新区<人社局> & 伙伴 😀';
const squeeze = (t: string) => t.replace(/\s+/g, '');

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const out = new Map<string, Buffer>();
      zip.on('entry', (e: yauzl.Entry) => {
        zip.openReadStream(e, (error, stream) => {
          if (error) return reject(error);
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('end', () => {
            out.set(e.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

/** A CSV as rows of cells (RFC 4180: quoted cells, "" inside, CRLF between rows). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += ch;
    }
  }
  return rows;
}

async function campaignWithEverything() {
  clock.set('2024-10-08T10:00:00+08:00');
  const campaign = await createCampaignRow(db, { title: '2024年社会化职业技能等级认定职业（工种）征集（第1批）' });
  const u = await createUnitRow(db, { name: UNIT_NAME });
  const unitUser = await createUserRow(db, 'unit', { unitId: u.id, displayName: '王晓明' });
  const rows = Array.from({ length: 200 }, (_, i) => ({
    occupationCode: '4-10-01-05',
    occupationName: i === 0 ? '养老<护理>员 & 😀' : '养老护理员',
    jobTypeName: `工种${String(i + 1)}`,
    standardName: '养老护理员',
    standardVersion: '2019年版',
    inShortageCatalog: true,
    industries: i === 0 ? TAGS : ['养老护理'],
    expectedAssessments: 100,
    reason: i === 0 ? '理'.repeat(500) : '需求大',
  }));
  const [form] = await db
    .insert(forms)
    .values({ campaignId: campaign.id, unitId: u.id, status: 'submitted', contactName: '王晓明', contactPhone: '13800000000', fillDate: '2024-10-08' })
    .returning();
  const scan = await createStoredFileRow(db, Buffer.from('%PDF-1.4 scan'), { mime: 'application/pdf' });
  const at = new Date('2024-10-08T14:03:05+08:00');
  await db.insert(formVersions).values([
    {
      formId: form!.id,
      number: 1,
      header: { contactName: '王晓明', contactPhone: '13800000000', fillDate: '2024-10-08' },
      rows: rows.slice(0, 2),
      contentHash: 'aa'.repeat(32),
      finalizedBy: unitUser.id,
      finalizedAt: at,
      voidedAt: at,
    },
    {
      formId: form!.id,
      number: 2,
      header: { contactName: '王晓明', contactPhone: '13800000000', fillDate: '2024-10-08' },
      rows,
      contentHash: '9f3a2c1b'.padEnd(64, '0'),
      finalizedBy: unitUser.id,
      finalizedAt: at,
      scanFileId: scan.id,
      scanMatch: 'matched',
      submittedBy: unitUser.id,
      submittedAt: at,
    },
  ]);
  await db.insert(checkDecisions).values([
    { formId: form!.id, versionNumber: 2, rowIndex: 0, decision: 'pass', decidedBy: centerUser.id, decidedAt: at },
    {
      formId: form!.id,
      versionNumber: 2,
      rowIndex: 1,
      decision: 'fail',
      reasonCode: 'already_offered',
      reasonText: '本市已开展',
      decidedBy: centerUser.id,
      decidedAt: at,
    },
  ]);
  const cands = await createCandidates(db, campaign.id, 2);
  const [expert] = await db.insert(experts).values({ name: '李教授', organization: '某职业技术学院' }).returning();
  await db.insert(reviewRounds).values({ campaignId: campaign.id, criteria: [{ key: 'need', label: '社会需求', weight: 100 }] });
  const [assignment] = await db.insert(assignments).values({ campaignId: campaign.id, candidateId: cands[0]!.id, expertId: expert!.id }).returning();
  await db
    .insert(reviews)
    .values({ assignmentId: assignment!.id, scores: { need: 8 }, opinion: 'agree', comment: '建议纳入', status: 'submitted', submittedAt: at });

  const created = await center.inject({
    method: 'POST',
    url: '/api/notices',
    payload: { campaignId: campaign.id, title: '关于2024年职业（工种）名单的公示', docNo: '沪职鉴〔2024〕1号', body: '', startDate: '2024-10-08' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const notice = (
    await center.inject({ method: 'POST', url: `/api/notices/${created.json().id}/publish`, payload: { version: created.json().version } })
  ).json();
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1024, 3)]);
  const filed = await postObjection(app, notice.id, { name: '张三丰', phone: '13812345678', itemId: cands[1]!.id, grounds: '理由：'.padEnd(500, '由') }, [
    { name: 'evidence', filename: '证明.png', content: png, type: 'image/png' },
  ]);
  expect(filed.statusCode, filed.body).toBe(201);
  const receiptNo = /data-testid="receipt-no">([^<]+)</.exec(filed.body)![1]!;
  const objection = (await center.inject({ method: 'GET', url: `/api/notices/${notice.id}/objections` })).json()[0];
  await center.inject({
    method: 'POST',
    url: `/api/objections/${objection.id}/actions`,
    payload: { action: 'decline', reason: '理由不充分', version: objection.version },
  });
  clock.set('2024-10-15T09:00:00+08:00');
  const final = await center.inject({ method: 'POST', url: '/api/campaigns/' + campaign.id + '/final-list', payload: {} });
  expect(final.statusCode, final.body).toBe(201);
  return { campaign, receiptNo, png };
}

describe('GET /api/campaigns/:id/dossier.zip', () => {
  it('401, 403 for a unit, 400 for a bad id', async () => {
    const campaign = await createCampaignRow(db);
    expect((await app.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/dossier.zip` })).statusCode).toBe(401);
    expect((await unit.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/dossier.zip` })).statusCode).toBe(403);
    const bad = await center.inject({ method: 'GET', url: '/api/campaigns/x/dossier.zip' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toBe('征集活动编号格式不正确');
  });

  it('a dossier a records office can file: rendered 推荐表 of every version, scan, notice and final list (PDF, OFD), Chinese CSVs, 说明.txt', async () => {
    const { campaign, receiptNo, png } = await campaignWithEverything();
    const res = await center.inject({ method: 'GET', url: `/api/campaigns/${campaign.id}/dossier.zip` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const fileName = '2024年社会化职业技能等级认定职业（工种）征集（第1批）-档案.zip';
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="dossier.zip"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/[()]/g, (c) => (c === '(' ? '%28' : '%29'))}`,
    );
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers['content-disposition'] as string)![1]!)).toBe(fileName);

    const entries = await unzip(res.rawPayload);
    const folder = '推荐表/浦东新区_人社局_ & 伙伴 😀';
    const notice = '公示/关于2024年职业（工种）名单的公示';
    const final = `最终名单/${campaign.title}最终名单`;
    expect([...entries.keys()]).toEqual([
      '说明.txt',
      '征集活动.csv',
      '推荐表/推荐表汇总.csv',
      '推荐表/推荐表版本.csv',
      '材料核验.csv',
      '候选职业.csv',
      '专家评审.csv',
      `${folder}/推荐表-第1版-已作废.pdf`,
      `${folder}/推荐表-第2版.pdf`,
      `${folder}/盖章扫描件-第2版.pdf`,
      `${notice}.pdf`,
      `${notice}.ofd`,
      '公示/异议.csv',
      `公示/异议证明材料/${receiptNo}/证明材料1.png`,
      `${final}.pdf`,
      `${final}.ofd`,
      '审计日志.csv',
    ]);
    expect(entries.get(`公示/异议证明材料/${receiptNo}/证明材料1.png`)?.equals(png)).toBe(true);
    expect(entries.get(`${folder}/盖章扫描件-第2版.pdf`)?.toString()).toBe('%PDF-1.4 scan');

    const readme = entries.get('说明.txt')!.toString('utf8');
    expect(readme.startsWith('\uFEFF征集活动档案：2024年社会化职业技能等级认定职业（工种）征集（第1批）\r\n')).toBe(true);
    for (const line of [
      '各推荐单位的推荐表（1份）',
      '推荐表的定稿版本（2个）',
      '盖章扫描件（1份）',
      '材料核验结论（2行）',
      '候选职业（工种）及入选决定（2项）',
      '专家评审意见和评分（1条）',
      '异议及处理（1件',
      '证明材料（1个文件）',
      '最终名单（2项，撤销0项）',
    ])
      expect(readme).toContain(line);

    for (const [name, bytes] of entries) {
      if (!name.endsWith('.csv')) continue;
      const text = bytes.toString('utf8');
      expect(text.startsWith('\uFEFF'), name).toBe(true);
      expect(text.replace(/\r\n/g, '').includes('\n') && !text.includes('\r\n'), name).toBe(false);
      // The audit log keeps the recorded changes as they were written (JSON); every other file speaks Chinese.
      if (name !== '审计日志.csv') expect(text, name).not.toMatch(/\b(selected|not_selected|pass|fail|submitted|matched|received|not_accepted|agree)\b/);
      expect(text, name).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:|\+08|Z"/);
    }
    const versions = parseCsv(entries.get('推荐表/推荐表版本.csv')!.toString('utf8').slice(1));
    expect(versions[0]).toEqual([
      '推荐单位',
      '版本',
      '校验码',
      '职业（工种）数',
      '定稿人',
      '定稿时间',
      '作废时间',
      '盖章扫描件',
      '扫描件核对',
      '提交人',
      '提交时间',
      '文件',
    ]);
    expect(versions[2]).toEqual([
      UNIT_NAME,
      '第2版',
      '9F3A2C1B',
      '200',
      '王晓明',
      '2024-10-08 14:03:05',
      '',
      `${folder}/盖章扫描件-第2版.pdf`,
      '二维码已匹配',
      '王晓明',
      '2024-10-08 14:03:05',
      `${folder}/推荐表-第2版.pdf`,
    ]);
    const checks = parseCsv(entries.get('材料核验.csv')!.toString('utf8').slice(1));
    expect(checks[2]).toEqual([
      UNIT_NAME,
      '第2版',
      '2',
      '4-10-01-05',
      '养老护理员',
      '工种2',
      '不通过',
      '本市已开展',
      '本市已开展',
      '',
      '崔安卓',
      '2024-10-08 14:03:05',
    ]);
    const reviewsCsv = parseCsv(entries.get('专家评审.csv')!.toString('utf8').slice(1));
    expect(reviewsCsv[0]).toEqual(['职业（工种）', '专家', '专家单位', '分配状态', '社会需求（权重100）', '意见', '评语', '评审状态', '提交时间']);
    expect(reviewsCsv[1]?.slice(1)).toEqual(['李教授', '某职业技术学院', '有效', '8', '同意', '建议纳入', '已提交', '2024-10-08 14:03:05']);
    const objectionsCsv = parseCsv(entries.get('公示/异议.csv')!.toString('utf8').slice(1));
    expect(objectionsCsv[1]?.[8]).toBe('不予受理');
    expect(objectionsCsv[1]?.[7]).toHaveLength(500);
    const candidatesCsv = parseCsv(entries.get('候选职业.csv')!.toString('utf8').slice(1));
    expect(candidatesCsv.slice(1).map((r) => r[8])).toEqual(['入选', '入选']);
    const audit = parseCsv(entries.get('审计日志.csv')!.toString('utf8').slice(1));
    const exported = audit.find((r) => r[7] === '导出征集档案');
    expect(exported?.[8]).toBe('征集活动');
    expect(exported?.slice(2, 5)).toEqual(['崔安卓', centerUser.username, '市职鉴中心']);
    expect(exported?.[9]).toBe(campaign.title);

    const formPdf = await tempFile('v2.pdf', entries.get(`${folder}/推荐表-第2版.pdf`)!);
    const formText = squeeze(await poppler('pdftotext', [formPdf, '-']));
    expect(formText).toContain(squeeze(UNIT_NAME).replace('😀', ''));
    expect(formText).toContain('养老<护理>员&');
    expect(formText).toContain('9F3A2C1B');
    expect(formText).toContain('工种200');
    expect(squeeze(await poppler('pdftotext', [await tempFile('v1.pdf', entries.get(`${folder}/推荐表-第1版-已作废.pdf`)!), '-']))).toContain('作废');
    const noticeText = squeeze(await poppler('pdftotext', [await tempFile('n.pdf', entries.get(`${notice}.pdf`)!), '-']));
    expect(noticeText).toContain('沪职鉴〔2024〕1号');
    expect(noticeText).toContain('上海市职业技能鉴定中心');
    const ofd = await readOfd(entries.get(`${final}.ofd`)!);
    expect(ofd.problems).toEqual([]);
    expect(squeeze(ofd.pages.map((p) => p.text).join(''))).toContain('最终名单与公示名单一致，无撤销项目。');
  }, 180_000);
});
