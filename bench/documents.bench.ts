import { manyRows, sampleForm } from '../apps/server/test/form-fixtures.ts';
import { importFormDocx } from '../apps/server/src/documents/import-form-docx.ts';
import { importFormXlsx } from '../apps/server/src/documents/import-form-xlsx.ts';
import { renderRecommendationFormDocx } from '../apps/server/src/documents/recommendation-form.docx.ts';
import { renderRecommendationFormPdf } from '../apps/server/src/documents/recommendation-form.pdf.ts';
import { renderRecommendationFormXlsx } from '../apps/server/src/documents/recommendation-form.xlsx.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { migrateDatabase, openPglite } from '../apps/server/src/db/client.ts';
import { finalLists, formVersions, forms, notices, type NoticeItem } from '../apps/server/src/db/schema/index.ts';
import { noticeDocument, type NoticeSource } from '../apps/server/src/documents/notice-list-layout.ts';
import { renderNoticeListDocx } from '../apps/server/src/documents/notice-list.docx.ts';
import { renderNoticeListOfd } from '../apps/server/src/documents/notice-list.ofd.ts';
import { renderNoticeListPdf } from '../apps/server/src/documents/notice-list.pdf.ts';
import { renderNoticeListXlsx } from '../apps/server/src/documents/notice-list.xlsx.ts';
import { writeDossierEntries } from '../apps/server/src/presenters/dossier-entries.ts';
import { createCampaignRow } from '../apps/server/test/notice-factories.ts';
import { createUnitRow } from '../apps/server/test/factories.ts';
import { THIRTEEN_TAGS as TAGS } from '../apps/server/test/documents.ts';

/** Budgets of issue 5, in milliseconds (medians). */
const BUDGETS = { docx200: 300, xlsx200: 300, pdf200: 1500, importXlsx200: 500, importDocx200: 500 } as const;
const RUNS = 7;

async function median(task: () => Promise<unknown>, runs = RUNS): Promise<number> {
  await task(); // warm-up: module loading, font parsing, JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)] ?? 0);
}

/** A notice of n items, every tenth with the 13 industry tags and three recommending units. */
function noticeOf(n: number): NoticeSource {
  const items = Array.from({ length: n }, (_, i): NoticeItem => ({
    seq: i + 1,
    candidateId: `c${String(i)}`,
    occupationCode: '4-10-01-05',
    occupationName: i % 7 === 0 ? '养老<护理>员 & 😀' : '养老护理员',
    jobTypeName: i % 3 === 0 ? '失智老年人照护员' : '',
    standardName: '养老护理员',
    standardVersion: '2019年版',
    industries: i % 10 === 0 ? TAGS : ['养老护理'],
    recommendingUnits: i % 10 === 0 ? ['上海市浦东新区人力资源和社会保障局', '上海市民政局', '上海市养老服务行业协会'] : ['上海市浦东新区人力资源和社会保障局'],
  }));
  return {
    id: '11111111-2222-3333-4444-555555555555',
    campaignTitle: '2024年社会化职业技能等级认定职业（工种）征集',
    title: '关于2024年社会化职业技能等级认定职业（工种）名单的公示',
    body: '',
    docNo: '沪职鉴〔2024〕12号',
    startDate: '2024-10-22',
    endDate: '2024-10-28',
    items,
    snapshotHash: 'ab'.repeat(32),
    publishedAt: new Date('2024-10-21T10:00:00+08:00'),
    contactEmail: 'yanfa312@126.com',
  };
}

/** The dossier of a campaign with one 200-row form (two versions) and a published 300-item notice and final list. */
async function dossierSeconds(form200: ReturnType<typeof sampleForm>): Promise<{ seconds: number; bytes: number; entries: number }> {
  const database = await openPglite(mkdtempSync(path.join(tmpdir(), 'zj-bench-dossier-')));
  await migrateDatabase(database);
  const db = database.db;
  const campaign = await createCampaignRow(db, { status: 'published' });
  const unit = await createUnitRow(db);
  const [form] = await db.insert(forms).values({ campaignId: campaign.id, unitId: unit.id, status: 'submitted' }).returning();
  const header = { contactName: '王晓明', contactPhone: '13800000000', fillDate: '2024-10-08' };
  const at = new Date('2024-10-08T14:03:05+08:00');
  await db.insert(formVersions).values(
    [1, 2].map((number) => ({
      formId: form!.id,
      number,
      header,
      rows: form200.rows,
      contentHash: `${String(number)}`.padEnd(64, 'a'),
      finalizedAt: at,
      voidedAt: number === 1 ? at : null,
    })),
  );
  const n = noticeOf(300);
  const [notice] = await db
    .insert(notices)
    .values({
      campaignId: campaign.id,
      title: n.title,
      docNo: n.docNo,
      startDate: n.startDate,
      endDate: n.endDate,
      status: 'published',
      items: n.items,
      snapshotHash: n.snapshotHash,
      publishedAt: n.publishedAt,
    })
    .returning();
  await db.insert(finalLists).values({ campaignId: campaign.id, noticeId: notice!.id, items: n.items, hash: 'cd'.repeat(32), publishedAt: at });
  let bytes = 0;
  let entries = 0;
  const started = performance.now();
  await writeDossierEntries(db, campaign.id, 'https://zhengji.example.gov.cn', async (_name, content) => {
    entries++;
    if (typeof content === 'string' || Buffer.isBuffer(content)) bytes += content.length;
    else for await (const chunk of content as Readable) bytes += (chunk as Buffer).length;
  });
  const seconds = (performance.now() - started) / 1000;
  await database.close();
  return { seconds, bytes, entries };
}

/** Export of a 20- and a 200-row 推荐表 as Word, Excel and PDF, and import of a 200-row Excel and Word form. */
export async function run(): Promise<Record<string, number | string>> {
  const form20 = sampleForm(manyRows(20));
  const form200 = sampleForm(manyRows(200));
  const figures: Record<string, number | string> = {};
  for (const [name, render] of [
    ['docx', renderRecommendationFormDocx],
    ['xlsx', renderRecommendationFormXlsx],
    ['pdf', renderRecommendationFormPdf],
  ] as const) {
    figures[`export ${name} 20 rows (ms)`] = await median(() => render(form20));
    figures[`export ${name} 200 rows (ms)`] = await median(() => render(form200));
  }
  const xlsx200 = await renderRecommendationFormXlsx(form200);
  const docx200 = await renderRecommendationFormDocx(form200);
  figures['import xlsx 200 rows (ms)'] = await median(() => importFormXlsx(xlsx200));
  figures['import docx 200 rows (ms)'] = await median(() => importFormDocx(docx200));

  // The 300-item notice in every format, and the dossier (medians of 3: each PDF/OFD run takes seconds).
  const notice300 = noticeDocument(noticeOf(300), 'https://zhengji.example.gov.cn');
  for (const [name, render] of [
    ['docx', renderNoticeListDocx],
    ['xlsx', renderNoticeListXlsx],
    ['pdf', renderNoticeListPdf],
    ['ofd', renderNoticeListOfd],
  ] as const) {
    figures[`notice ${name} 300 items (ms)`] = await median(() => render(notice300), 3);
  }
  figures['notice ofd 300 items (KB)'] = Math.round((await renderNoticeListOfd(notice300)).length / 1024);
  figures['notice pdf 300 items (KB)'] = Math.round((await renderNoticeListPdf(notice300)).length / 1024);
  const dossier = await dossierSeconds(form200);
  figures['dossier: 200-row form ×2 versions + 300-item notice and final list (s)'] = Math.round(dossier.seconds * 10) / 10;
  figures['dossier: entries'] = dossier.entries;
  figures['dossier: MB'] = Math.round((dossier.bytes / 1024 / 1024) * 10) / 10;

  const check = (label: string, value: number | string | undefined, budget: number): string =>
    `${label} ${String(value)} ms / ${budget} ms ${typeof value === 'number' && value <= budget ? 'ok' : 'OVER'}`;
  figures.budgets = [
    check('docx200', figures['export docx 200 rows (ms)'], BUDGETS.docx200),
    check('xlsx200', figures['export xlsx 200 rows (ms)'], BUDGETS.xlsx200),
    check('pdf200', figures['export pdf 200 rows (ms)'], BUDGETS.pdf200),
    check('importXlsx200', figures['import xlsx 200 rows (ms)'], BUDGETS.importXlsx200),
    check('importDocx200', figures['import docx 200 rows (ms)'], BUDGETS.importDocx200),
  ].join('; ');
  return figures;
}
