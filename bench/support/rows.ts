// Realistic 推荐表 rows for the save benchmarks, built from the national reference data: current occupations of
// major groups 4–6 that have a skill standard, spread over the dictionary.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildReferenceIndex, REFERENCE_FILE_NAMES, referenceBuildInputFromJson, type FormRow } from '@zhengji/domain';

/** The national reference data the benchmarks read (REFERENCE_DIR, else ../shared/reference). */
export const REFERENCE_DIR = process.env.REFERENCE_DIR || path.resolve(import.meta.dirname, '../../../shared/reference');

/** `count` valid rows, each a different occupation with its first standard. */
export function benchRows(count: number): FormRow[] {
  const read = (n: string): unknown => JSON.parse(readFileSync(path.join(REFERENCE_DIR, n), 'utf8'));
  const index = buildReferenceIndex(
    referenceBuildInputFromJson({
      occupations: read(REFERENCE_FILE_NAMES.occupations),
      standards: read(REFERENCE_FILE_NAMES.standards),
      qualifications: read(REFERENCE_FILE_NAMES.qualifications),
    }),
  );
  const occs = index.occupations.filter((o) => o.status === 'current' && /^[456]/.test(o.code) && index.standardsOf(o.code).length > 0);
  return Array.from({ length: count }, (_, i) => {
    const occ = occs[(i * 37) % occs.length]!;
    const std = index.standardsOf(occ.code)[0]!;
    return {
      occupationCode: occ.code,
      occupationName: occ.name,
      jobTypeName: std.jobTypesCovered[0] ?? '',
      standardName: std.standardName,
      standardVersion: std.version ?? '',
      inShortageCatalog: false,
      industries: ['高端装备'],
      expectedAssessments: 100 + i,
      reason: `第 ${String(i + 1)} 项：行业规划与调研摸底显示未来三年评价需求较大。`,
    };
  });
}
