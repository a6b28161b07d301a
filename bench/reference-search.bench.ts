import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildReferenceIndex, searchReference, type ReferenceIndex } from '@zhengji/domain';
import { loadReferenceFiles } from '../apps/server/src/reference/load-reference-files.ts';

const QUERY_COUNT = 10_000;

/** `REFERENCE_DIR`, else `../shared/reference` beside the repository. */
export function referenceDir(): string {
  return process.env.REFERENCE_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/reference');
}

/** Deterministic pseudo-random numbers in [0, 1). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 mixed queries from the real data: codes, code prefixes, names, name fragments, 工种, pinyin, initials. */
function mixedQueries(index: ReferenceIndex): string[] {
  const random = seeded(2024);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const entries = index.searchData.entries;
  const occupations = index.searchData.sortedOccupations;
  const kinds: Array<() => string> = [
    () => pick(occupations).code,
    () => pick(occupations).code.slice(0, 1 + 3 * (1 + Math.floor(random() * 2))),
    () => pick(occupations).name,
    () => {
      const name = pick(entries).name;
      const start = Math.floor(random() * Math.max(1, name.length - 2));
      return name.slice(start, start + 2);
    },
    () => pick(entries.filter((e) => e.jobType !== null)).name,
    () => {
      const py = pick(entries).pinyin;
      return py.slice(0, 3 + Math.floor(random() * Math.max(1, py.length - 3)));
    },
    () => pick(entries).initials,
    () => 'zzqx' + String(Math.floor(random() * 10)),
  ];
  return Array.from({ length: QUERY_COUNT }, () => pick(kinds)());
}

const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
const ms = (value: number): number => Number(value.toFixed(4));

/** Times the index build and 10,000 mixed searches over the full data (budget p99 ≤ 1 ms). */
export async function run(): Promise<Record<string, number | string>> {
  const t0 = performance.now();
  const input = await loadReferenceFiles(referenceDir());
  const loadMs = performance.now() - t0;
  const t1 = performance.now();
  const index = buildReferenceIndex(input);
  const buildMs = performance.now() - t1;

  const queries = mixedQueries(index);
  for (const q of queries.slice(0, 1000)) searchReference(index, q);
  const times: number[] = [];
  let results = 0;
  for (const q of queries) {
    const start = performance.now();
    results += searchReference(index, q).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    benchmark: 'reference search: 10,000 mixed queries (code, prefix, name, 工种, pinyin, initials) over the full data',
    occupations: index.counts.occupations,
    jobTypes: index.counts.jobTypes,
    loadAndParseMs: ms(loadMs),
    indexBuildMs: ms(buildMs),
    medianMs: ms(percentile(times, 0.5)),
    p99Ms: ms(percentile(times, 0.99)),
    maxMs: ms(times[times.length - 1] ?? NaN),
    meanResults: Number((results / queries.length).toFixed(1)),
    budgetP99Ms: 1,
  };
}
