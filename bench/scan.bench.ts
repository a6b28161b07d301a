// Issue 11: reading the form code from a scan — a 150 dpi one-page JPEG and a 10-page image-only PDF: median time,
// CPU time and peak memory, each in a fresh process that does nothing else; then the latency of a trivial route served
// by a process while it reads scans, beside the same route of the same process alone (the baseline), in the same run.
import { spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { makePrintCopy, makeScan } from '../apps/server/test/scans.ts';
import { closedLoop } from './support/load.ts';
import { median } from './support/stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RUNS = 5;
const PING_SECONDS = 6;
const PING_CONNECTIONS = 4;

interface Memory {
  rss: number;
  peak: number;
  cpuMs: number;
}

interface ScanServer {
  url: string;
  memory(): Promise<Memory>;
  read(bytes: Uint8Array<ArrayBuffer>, mime: string): Promise<string>;
  stop(): Promise<void>;
}

/** Starts bench/support/scan-server.ts as its own process (node --import tsx, as npm start runs the server). */
async function startScanServer(): Promise<ScanServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/scan-server.ts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /^port=(\d+)$/.exec(line);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`scan server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    memory: async () => (await (await fetch(`${url}/memory`)).json()) as Memory,
    read: async (bytes, mime) => {
      const res = await fetch(`${url}/read`, { method: 'POST', headers: { 'content-type': mime }, body: bytes });
      const r = (await res.json()) as { status: string; pages?: number; codes?: { page: number }[] };
      return r.status === 'found' ? `found p.${r.codes!.map((c) => c.page).join(',')} of ${r.pages}` : r.status;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const f = (x: number): string => x.toFixed(1);

export async function run(): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const jpeg = new Uint8Array(await makeScan(await makePrintCopy(), { format: 'jpeg', dpi: 150, rotateDeg: 2, grey: true, noise: 25 }));
  const pdf10 = new Uint8Array(await makeScan(await makePrintCopy({ pages: 10 }), { format: 'pdf', dpi: 150, rotateDeg: -1, grey: true, noise: 20 }));
  figures['scans (KB): 150 dpi 1-page JPEG / 10-page image-only PDF'] = `${Math.round(jpeg.length / 1024)} / ${Math.round(pdf10.length / 1024)}`;

  let server: ScanServer | null = null;
  try {
    for (const [label, bytes, mime] of [
      ['1-page JPEG', jpeg, 'image/jpeg'],
      ['10-page PDF', pdf10, 'application/pdf'],
    ] as const) {
      await server?.stop();
      server = await startScanServer();
      const idle = await server.memory();
      let t = performance.now();
      const result = await server.read(bytes, mime); // the first read also waits for the worker to load its decoders
      const first = performance.now() - t;
      const times: number[] = [];
      const cpu: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const before = await server.memory();
        t = performance.now();
        await server.read(bytes, mime);
        times.push(performance.now() - t);
        cpu.push((await server.memory()).cpuMs - before.cpuMs);
      }
      const after = await server.memory();
      figures[`${label}: result`] = result;
      figures[`${label}: read median ms (first read, worker start included)`] = `${Math.round(median(times))} (${Math.round(first)})`;
      figures[`${label}: CPU ms per read, median`] = Math.round(median(cpu));
      figures[`${label}: peak RSS MB (process idle after start)`] = `${f(after.peak)} (${f(idle.rss)})`;
    }

    // The same process serves GET /ping alone (baseline), then while it reads 10-page PDFs back to back.
    const s = server!;
    const ping = async (): Promise<boolean> => {
      const res = await fetch(`${s.url}/ping`);
      await res.arrayBuffer();
      return res.ok;
    };
    await closedLoop(ping, 2, 1); // warm-up
    const alone = await closedLoop(ping, PING_CONNECTIONS, PING_SECONDS);
    let reading = true;
    const readTimes: number[] = [];
    const reader = (async () => {
      while (reading) {
        const t = performance.now();
        await s.read(pdf10, 'application/pdf');
        readTimes.push(performance.now() - t);
      }
    })();
    await new Promise((r) => setTimeout(r, 200)); // the first scan is being decoded
    const beside = await closedLoop(ping, PING_CONNECTIONS, PING_SECONDS);
    reading = false;
    await reader;
    figures['GET /ping alone: p50 / p95 / p99 ms'] = `${f(alone.p50)} / ${f(alone.p95)} / ${f(alone.p99)}`;
    figures['GET /ping while reading 10-page PDFs: p50 / p95 / p99 ms'] = `${f(beside.p50)} / ${f(beside.p95)} / ${f(beside.p99)}`;
    figures['GET /ping req/s: alone / while reading'] = `${Math.round(alone.rps)} / ${Math.round(beside.rps)}`;
    figures['10-page PDFs read meanwhile (median ms each)'] = `${readTimes.length} (${Math.round(median(readTimes))})`;
    // On a host running more threads than it has cores, every figure above is stretched by the scheduler.
    figures['machine load: 1-min average / cores'] = `${loadavg()[0]!.toFixed(1)} / ${availableParallelism()}`;
  } finally {
    await server?.stop();
  }
  return figures;
}
