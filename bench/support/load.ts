import { percentile } from './stats.ts';

/** Result of a closed-loop load run. */
export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Runs `connections` concurrent loops of `request` for `seconds` (bounded: also stops after maxRequests) against a
 * server on loopback, and reports throughput and latency.
 */
export async function closedLoop(request: () => Promise<boolean>, connections: number, seconds: number, maxRequests = 200_000): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline && sent < maxRequests) {
        sent++;
        const t = performance.now();
        const ok = await request().catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) errors++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return {
    requests: latencies.length,
    errors,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
