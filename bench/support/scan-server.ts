// A tiny HTTP server for bench/scan.bench.ts, run as its own process: GET /ping answers at once, POST /read reads the
// form codes of the posted scan (content-type: application/pdf, image/jpeg or image/png) with readFormCodes.
// Prints `port=<n>` on stdout when listening; GET /memory answers its resident memory (now, peak) and CPU time.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFormCodes, startScanReader, type ScanMime } from '../../apps/server/src/documents/scan-reader.ts';

/** Resident memory now and its peak (MB, worker thread included), and the CPU time used so far by all threads (ms). */
function memoryMb(): { rss: number; peak: number; cpuMs: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kb = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  const cpu = process.cpuUsage();
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024, cpuMs: (cpu.user + cpu.system) / 1000 };
}

startScanReader();
const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/ping') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('pong');
    return;
  }
  if (req.method === 'GET' && req.url === '/memory') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(memoryMb()));
    return;
  }
  if (req.method === 'POST' && req.url === '/read') {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      readFormCodes(Buffer.concat(chunks), (req.headers['content-type'] ?? '') as ScanMime).then(
        (result) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result)),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`port=${(server.address() as AddressInfo).port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
