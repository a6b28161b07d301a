// The server of bench/upload.bench.ts, in a process of its own: the real app on PGlite (temp folder) or on the
// PostgreSQL of BENCH_DATABASE_URL, with a published notice whose objection form takes evidence uploads. Prints one JSON
// line { url, noticeId, itemId, session } on stdout, then serves until it is terminated.
import { createCampaignRow, createCandidates } from '../../apps/server/test/notice-factories.ts';
import { createUserRow, startBenchServer } from './server.ts';

const server = await startBenchServer(process.env.BENCH_DATABASE_URL || undefined);
const user = await createUserRow(server.database.db, 'center');
const session = await server.login(user.username);
const json = { ...session, 'content-type': 'application/json' };
const campaign = await createCampaignRow(server.database.db);
const [cand] = await createCandidates(server.database.db, campaign.id, 1);
const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const draft = (await (
  await fetch(`${server.url}/api/notices`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ campaignId: campaign.id, title: '基准测试公示', startDate: today }),
  })
).json()) as { id: string; version: number };
const published = await fetch(`${server.url}/api/notices/${draft.id}/publish`, {
  method: 'POST',
  headers: json,
  body: JSON.stringify({ version: draft.version }),
});
if (!published.ok) throw new Error(`publish failed: ${await published.text()}`);
process.stdout.write(`${JSON.stringify({ url: server.url, noticeId: draft.id, itemId: cand!.id, session })}\n`);
const stop = () => void server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
