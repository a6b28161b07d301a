import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@zhengji/domain';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { migrateDatabase, openPglite } from '../apps/server/src/db/client.ts';
import { users } from '../apps/server/src/db/schema/index.ts';
import { hashPassword } from '../apps/server/src/auth/password-hash.ts';
import { importReferenceAtStartup } from '../apps/server/src/reference/import-reference-at-startup.ts';
import { getReferenceIndex } from '../apps/server/src/reference/reference-cache.ts';
import { previewReferenceImport } from '../apps/server/src/use-cases/reference/preview-reference-import.ts';
import { activateReferenceVersion } from '../apps/server/src/use-cases/reference/activate-reference-version.ts';
import type { UseCaseContext } from '../apps/server/src/use-cases/context.ts';
import { readFileSync } from 'node:fs';

const CONNECTIONS = 50;
const DURATION_MS = 4000;
const PASSWORD = 'Bench#Passw0rd-2024';
const QUERIES = ['ylhly', 'yanglao', '4-10', '4-10-01-05', '养老', '电工', 'dg', '人工智能', 'rgzn', '焊工', '6-31', '互联网营销师', 'zbxsy', '家政', '消防'];

const referenceDir = () => process.env.REFERENCE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/reference');

/** 50 workers loop over fetch for a fixed time; answers requests per second and the p99 latency. */
async function load(url: (i: number) => string, cookie: string): Promise<{ rps: number; p99: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + DURATION_MS;
  let n = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const res = await fetch(url(n++), { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) errors++;
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, errors };
}

/** Import + activation time of the full dictionary, and search-API throughput vs a trivial route under 50 connections. */
export async function run(): Promise<Record<string, number | string>> {
  const database = await openPglite(null);
  await migrateDatabase(database);
  const db = database.db;
  const config = testConfig({ referenceDir: referenceDir(), demo: true });
  let t0 = performance.now();
  await importReferenceAtStartup(database, config, () => undefined);
  const firstStartMs = performance.now() - t0;

  const [user] = await db
    .insert(users)
    .values({ username: 'bench', displayName: '基准', role: 'center', passwordHash: await hashPassword(PASSWORD) })
    .returning();
  const ctx: UseCaseContext = {
    db,
    actor: { kind: 'user', userId: user!.id, username: 'bench', role: 'center', unitId: null },
    clock: systemClock,
    ip: null,
    config,
    mailer: { send: async () => undefined },
  };
  const files = ['occupations-2022.json', 'new-occupations-post-2022.json'].map((f) => ({ fileName: f, bytes: readFileSync(path.join(referenceDir(), f)) }));
  t0 = performance.now();
  const draft = await previewReferenceImport(ctx, { kind: 'occupations' }, files);
  const previewMs = performance.now() - t0;
  await activateReferenceVersion(ctx, draft.id);
  const importActivateMs = performance.now() - t0;
  t0 = performance.now();
  await getReferenceIndex(db);
  const indexBuildMs = performance.now() - t0;

  const app = await buildApp({ db, config });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  try {
    await load(() => `${base}/api/ping`, cookie);
    const ping = await load(() => `${base}/api/ping`, cookie);
    const search = await load((i) => `${base}/api/reference/search?q=${encodeURIComponent(QUERIES[i % QUERIES.length]!)}`, cookie);
    return {
      benchmark: 'reference API: first-start import, dictionary import + activation, search throughput (50 connections)',
      firstStartImportMs: Math.round(firstStartMs),
      dictionaryPreviewMs: Math.round(previewMs),
      dictionaryImportAndActivateMs: Math.round(importActivateMs),
      importBudgetMs: 10_000,
      indexBuildMs: Math.round(indexBuildMs),
      pingRps: Math.round(ping.rps),
      pingP99Ms: Number(ping.p99.toFixed(2)),
      searchRps: Math.round(search.rps),
      searchP99Ms: Number(search.p99.toFixed(2)),
      searchToPingRatio: Number((search.rps / ping.rps).toFixed(2)),
      ratioBudget: 0.5,
      errors: ping.errors + search.errors,
      verdict: search.rps >= ping.rps / 2 && importActivateMs <= 10_000 ? '达标' : '未达标',
    };
  } finally {
    await app.close();
    await database.close();
  }
}
