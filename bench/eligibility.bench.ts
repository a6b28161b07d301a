import { buildReferenceIndex, checkRows, FormRowSchema, type FormRow, type OccupationNode, type ReferenceIndex } from '@zhengji/domain';
import { loadReferenceFiles } from '../apps/server/src/reference/load-reference-files.ts';
import { referenceDir } from './reference-search.bench.ts';

const ROWS = 200;
const RUNS = 2_000;

/** Demo Shanghai lists (the official ones are not public). */
const SHORTAGE = [{ occupationCode: '4-10-01-05' }, { occupationCode: '4-04-05-05' }, { occupationCode: '6-31-01-03', jobTypeName: '烟机电工' }];
const OFFERED = [{ occupationCode: '4-01-06-02', jobTypeName: '直播销售员' }, { occupationCode: '6-18-02-04' }];

/**
 * A 200-row form over real occupations: most rows correct (name, first standard and its version, shortage flag),
 * every fifth row with a mistake (wrong name, full-width code, unknown 工种, wrong version, duplicate), so that every
 * rule's path is exercised.
 */
function formRows(index: ReferenceIndex): FormRow[] {
  const withStandard = index.occupations.filter((o: OccupationNode) => o.status === 'current' && index.standardsOf(o.code).length > 0);
  const step = Math.max(1, Math.floor(withStandard.length / ROWS));
  return Array.from({ length: ROWS }, (_, i) => {
    const occ = withStandard[(i * step) % withStandard.length] as OccupationNode;
    const standard = index.standardsOf(occ.code)[0];
    const jobType = standard?.jobTypesCovered[0] ?? '';
    const row = {
      occupationCode: occ.code,
      occupationName: occ.name,
      jobTypeName: jobType,
      standardName: standard?.standardName ?? '',
      standardVersion: standard?.version ?? '',
      inShortageCatalog: index.inShortageCatalog(occ.code, jobType),
      industries: i % 2 === 0 ? ['高端装备'] : ['养老护理', '生命健康'],
      expectedAssessments: 100 + i,
      reason: '根据本市产业发展规划及行业调研，需求较大',
    };
    const mistake = i % 25;
    if (mistake === 5) row.occupationName = '护理员';
    if (mistake === 10) row.occupationCode = occ.code.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    if (mistake === 15) row.jobTypeName = '不存在的工种';
    if (mistake === 20) row.standardVersion = '2000年版';
    return FormRowSchema.parse(row);
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

/** Times the eligibility check of a 200-row form (budget: median ≤ 2 ms) against 200 plain Map look-ups. */
export async function run(): Promise<Record<string, number | string>> {
  const index = buildReferenceIndex({ ...(await loadReferenceFiles(referenceDir())), shortage: SHORTAGE, offered: OFFERED });
  const rows = formRows(index);
  const plain = new Map(index.occupations.map((o) => [o.code, o]));
  const codes = rows.map((r) => r.occupationCode);

  let sink = 0;
  for (let i = 0; i < 200; i++) sink += checkRows(rows, index).length;
  const checkTimes: number[] = [];
  const mapTimes: number[] = [];
  let findings = 0;
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now();
    const result = checkRows(rows, index);
    checkTimes.push(performance.now() - t0);
    findings = result.reduce((sum, f) => sum + f.length, 0);
    const t1 = performance.now();
    for (const code of codes) if (plain.get(code)) sink++;
    mapTimes.push(performance.now() - t1);
  }
  const checkMedian = median(checkTimes);
  const mapMedian = median(mapTimes);
  return {
    benchmark: 'eligibility check of a 200-row form over the full reference data',
    rows: ROWS,
    findingsPerRun: findings,
    medianMs: Number(checkMedian.toFixed(4)),
    p95Ms: Number(([...checkTimes].sort((a, b) => a - b)[Math.floor(RUNS * 0.95)] ?? NaN).toFixed(4)),
    mapLookups200MedianMs: Number(mapMedian.toFixed(5)),
    ratioToMapLookups: Number((checkMedian / mapMedian).toFixed(1)),
    budgetMedianMs: 2,
    sink: sink > 0 ? 'ok' : 'none',
  };
}
