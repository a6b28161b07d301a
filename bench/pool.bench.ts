import { aggregateCandidatePool, DEFAULT_INDUSTRY_TAGS, mulberry32, type PoolSourceRow } from '@zhengji/domain';

/** `units` recommending units × 30 passed rows, drawn from 1,500 occupations (a fifth with 工种, some whole-occupation overlaps). */
function rows(units: number, seed: number): PoolSourceRow[] {
  const random = mulberry32(seed);
  const out: PoolSourceRow[] = [];
  for (let u = 0; u < units; u++) {
    for (let r = 0; r < 30; r++) {
      const occ = Math.floor(random() * 1500);
      const code = `${4 + (occ % 3)}-${String(occ % 100).padStart(2, '0')}-${String(occ % 37).padStart(2, '0')}-${String(occ).padStart(2, '0')}`;
      const jobType = occ % 5 === 0 && random() < 0.7 ? `工种${Math.floor(random() * 4)}` : '';
      out.push({
        formId: `f${u}`,
        rowId: `f${u}-r${r}`,
        unitId: `u${u}`,
        unitName: `单位${u}`,
        unitType: u % 4 === 0 ? 'district' : 'industry',
        priority: r + 1,
        occupationCode: code,
        occupationName: `职业${occ}`,
        jobTypeName: jobType,
        inShortageCatalog: occ % 7 === 0,
        industries: [DEFAULT_INDUSTRY_TAGS[occ % DEFAULT_INDUSTRY_TAGS.length]!, DEFAULT_INDUSTRY_TAGS[(occ + u) % DEFAULT_INDUSTRY_TAGS.length]!],
        expectedAssessments: 50 + Math.floor(random() * 1000),
        reason: '依据本市产业发展规划，需求旺盛',
      });
    }
  }
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall and CPU milliseconds of one aggregation, timing a batch so that each sample lasts long enough to measure. */
function sample(input: PoolSourceRow[], batch: number): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < batch; i++) aggregateCandidatePool(input);
  const wall = (performance.now() - t0) / batch;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 / batch };
}

/**
 * Candidate-pool aggregation for 70 × 30 and 700 × 30 rows, and how the cost grows (budget ≤ 12× for 10×).
 * Small and large samples alternate so that both see the same machine load. The growth is given from the medians
 * of wall time and from the minima of CPU time: on a shared machine the minimum is the least disturbed estimate.
 */
export async function run(): Promise<Record<string, number | string>> {
  const small = rows(70, 1);
  const large = rows(700, 2);
  for (let i = 0; i < 5; i++) {
    aggregateCandidatePool(small);
    aggregateCandidatePool(large);
  }
  const s: { wall: number; cpu: number }[] = [];
  const l: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 31; i++) {
    s.push(sample(small, 10));
    l.push(sample(large, 1));
  }
  const sw = median(s.map((x) => x.wall));
  const lw = median(l.map((x) => x.wall));
  const sc = Math.min(...s.map((x) => x.cpu));
  const lc = Math.min(...l.map((x) => x.cpu));
  const result = aggregateCandidatePool(large);
  return {
    benchmark: 'candidate pool aggregation',
    rows70x30: small.length,
    median70x30Ms: Number(sw.toFixed(3)),
    rows700x30: large.length,
    median700x30Ms: Number(lw.toFixed(3)),
    candidates700x30: result.candidates.length,
    overlaps700x30: result.overlaps.length,
    growthRatioMedianWall: Number((lw / sw).toFixed(2)),
    growthRatioMinCpu: Number((lc / sc).toFixed(2)),
    growthBudget: 12,
  };
}
