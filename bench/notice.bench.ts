// Issue 8: public notice page req/s beside a static file of the same server (200 connections); working-day computation
// for a year of start dates; dossier ZIP of a campaign with 70 forms (time, peak memory, streamed).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkingDayCalendar, noticePeriod } from '@zhengji/domain';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { migrateDatabase, openPglite } from '../apps/server/src/db/client.ts';
import { formVersions, forms } from '../apps/server/src/db/schema/index.ts';
import { createCampaignRow, createCandidates } from '../apps/server/test/notice-factories.ts';
import { createStoredFileRow, createUnitRow } from '../apps/server/test/factories.ts';
import { closedLoop } from './support/load.ts';
import { median } from './support/stats.ts';
import { createUserRow } from './support/server.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const database = await openPglite(mkdtempSync(path.join(tmpdir(), 'zj-bench-notice-')));
  await migrateDatabase(database);
  const db = database.db;
  const config = testConfig({ loginIpLimitPerMinute: 10_000_000 });
  const app = await buildApp({ db, config, serveWeb: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  try {
    const user = await createUserRow(db, 'center');
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: user.username, password: 'Test#Passw0rd-2024' }),
    });
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const session = { cookie: cookies.join('; '), 'x-csrf-token': cookies.find((c) => c.startsWith('zj_csrf='))!.slice(8), 'content-type': 'application/json' };

    const campaign = await createCampaignRow(db);
    await createCandidates(db, campaign.id, 40);
    const today = new Date().toISOString().slice(0, 10);
    const created = (await (
      await fetch(`${url}/api/notices`, {
        method: 'POST',
        headers: session,
        body: JSON.stringify({ campaignId: campaign.id, title: '2024年职业（工种）公示', startDate: today }),
      })
    ).json()) as { id: string; version: number };
    await fetch(`${url}/api/notices/${created.id}/publish`, { method: 'POST', headers: session, body: JSON.stringify({ version: created.version }) });
    const noticeUrl = `${url}/public/notices/${created.id}`;
    const page = await fetch(noticeUrl);
    figures['notice page bytes'] = (await page.text()).length;

    const staticPath = existsSync(path.join(ROOT, 'apps/web/dist/favicon.svg')) ? '/favicon.svg' : '/healthz';
    figures['static file'] = staticPath;
    const get = (u: string) => async () => {
      const r = await fetch(u);
      await r.arrayBuffer();
      return r.ok;
    };
    const statics: number[] = [];
    const notices: number[] = [];
    let p95 = 0;
    await closedLoop(get(noticeUrl), 50, 1); // warm-up
    for (let round = 0; round < 2; round++) {
      statics.push((await closedLoop(get(`${url}${staticPath}`), 200, 4)).rps);
      const n = await closedLoop(get(noticeUrl), 200, 4);
      notices.push(n.rps);
      p95 = n.p95;
    }
    const etag = page.headers.get('etag') ?? '';
    const revalidated = await closedLoop(async () => (await fetch(noticeUrl, { headers: { 'if-none-match': etag } })).status === 304, 200, 3);
    figures['static file req/s (200 conn)'] = median(statics);
    figures['public notice page req/s (200 conn)'] = median(notices);
    figures['public notice page p95 ms'] = p95;
    figures['ratio notice / static (budget ≥ 0.70)'] = median(notices) / median(statics);
    figures['notice page 304 revalidation req/s'] = revalidated.rps;

    const calendar = createWorkingDayCalendar({ '2025-10-10': 'holiday' });
    const t0 = performance.now();
    let sink = 0;
    for (let d = Date.UTC(2025, 0, 1); d < Date.UTC(2026, 0, 1); d += 86_400_000)
      sink += noticePeriod(new Date(d).toISOString().slice(0, 10), 5, calendar).workingDays.length;
    const wd = performance.now() - t0;
    figures['working days: 365 start dates ms'] = wd;
    figures['working days: µs per period'] = (wd * 1000) / 365 + (sink === 0 ? 1 : 0);

    await seedForms(db, campaign.id, 70);
    const before = process.memoryUsage().rss;
    let peak = before;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const t1 = performance.now();
    const zip = await fetch(`${url}/api/campaigns/${campaign.id}/dossier.zip`, { headers: session });
    let bytes = 0;
    for await (const chunk of zip.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    clearInterval(timer);
    figures['dossier ZIP 70 forms: status'] = zip.status;
    figures['dossier ZIP 70 forms: MB'] = bytes / 1024 / 1024;
    figures['dossier ZIP 70 forms: seconds'] = (performance.now() - t1) / 1000;
    figures['dossier ZIP: peak RSS increase MB'] = (peak - before) / 1024 / 1024;
    figures['dossier ZIP: RSS before MB'] = before / 1024 / 1024;
  } finally {
    await app.close();
    await database.close();
  }
  return figures;
}

/** 70 units with an accepted form, two submitted versions of 30 rows each, each version with a 400 KB scan. */
async function seedForms(db: Parameters<typeof createUnitRow>[0], campaignId: string, count: number): Promise<void> {
  const rows = Array.from({ length: 30 }, (_, i) => ({
    priority: i + 1,
    occupationCode: '4-10-01-05',
    occupationName: '养老护理员',
    jobTypeName: '',
    standardName: '养老护理员',
    standardVersion: '2019年版',
    inShortageCatalog: false,
    industries: ['养老护理'],
    expectedAssessments: 100,
    reason: '行业需求'.repeat(10),
  }));
  for (let u = 0; u < count; u++) {
    const unit = await createUnitRow(db, { name: `档案测试单位${u}-${randomBytes(3).toString('hex')}` });
    const [form] = await db
      .insert(forms)
      .values({ campaignId, unitId: unit.id, status: 'accepted', contactName: '经办人', contactPhone: '13800000000', lastVersionNumber: 2 })
      .returning();
    for (let v = 1; v <= 2; v++) {
      const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(400 * 1024)]);
      const scan = await createStoredFileRow(db, content, { originalName: `scan-${v}.pdf` });
      await db.insert(formVersions).values({
        formId: form!.id,
        number: v,
        header: { contactName: '经办人', contactPhone: '13800000000', fillDate: '2024-10-01' } as never,
        rows: rows as never,
        contentHash: 'x',
        scanFileId: scan!.id,
        submittedAt: new Date(),
        finalizedAt: new Date(),
      });
    }
  }
}
