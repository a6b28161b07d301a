import type { UnitType } from '../unit/unit.schemas.ts';

/** A row that passed the material check, of an accepted form, as the pool aggregation reads it. */
export interface PoolSourceRow {
  formId: string;
  rowId: string;
  unitId: string;
  unitName: string;
  unitType: UnitType;
  priority: number;
  occupationCode: string;
  occupationName: string;
  /** '' when the row names the whole occupation. */
  jobTypeName: string;
  inShortageCatalog: boolean | null;
  industries: readonly string[];
  expectedAssessments: number | null;
  reason: string;
}

/** One candidate of the pool: an (occupation code, 工种) with everything the units wrote about it. */
export interface PoolCandidate {
  /** `${occupationCode}|${jobTypeName}`, the merge key. */
  key: string;
  occupationCode: string;
  occupationName: string;
  /** '' for the whole occupation. */
  jobTypeName: string;
  /** The source rows themselves (read-only, linked, not copied), in input order: unit, priority, reason, expected. */
  recommendations: PoolSourceRow[];
  /** Distinct recommending units, in order of first appearance. */
  unitIds: string[];
  expectedAssessments: number;
  /** Union of the industry tags, in order of first appearance. */
  industries: string[];
  /** True when any row claims the occupation is in the shortage catalogue. */
  inShortageCatalog: boolean;
  /** True when the rows disagree on the shortage flag. */
  shortageDisagreement: boolean;
  sourceRowIds: string[];
}

/** An occupation named as a whole by some rows and by one of its 工种 by others: the center confirms or merges. */
export interface PoolOverlap {
  occupationCode: string;
  /** Key of the whole-occupation candidate. */
  wholeOccupationKey: string;
  /** Keys of the 工种 candidates of the same occupation. */
  jobTypeKeys: string[];
  /** Units on each side. */
  wholeOccupationUnitIds: string[];
  jobTypeUnitIds: string[];
}

/** The center's decision to file a row under another candidate (a merge); removing it splits the row out again. */
export interface PoolRowReassignment {
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
}

/** The candidate pool: candidates sorted by (code, 工种 with '' first) and the overlaps to look at. */
export interface CandidatePool {
  candidates: PoolCandidate[];
  overlaps: PoolOverlap[];
}

/** The merge key of an (occupation code, 工种) pair. */
export function poolKey(occupationCode: string, jobTypeName: string): string {
  return `${occupationCode.trim()}|${jobTypeName.trim()}`;
}

function compareCandidates(a: PoolCandidate, b: PoolCandidate): number {
  if (a.occupationCode !== b.occupationCode) return a.occupationCode < b.occupationCode ? -1 : 1;
  if (a.jobTypeName === b.jobTypeName) return 0;
  return a.jobTypeName < b.jobTypeName ? -1 : 1;
}

function newCandidate(key: string, code: string, name: string, jobType: string): PoolCandidate {
  return {
    key,
    occupationCode: code,
    occupationName: name,
    jobTypeName: jobType,
    recommendations: [],
    unitIds: [],
    expectedAssessments: 0,
    industries: [],
    inShortageCatalog: false,
    shortageDisagreement: false,
    sourceRowIds: [],
  };
}

/**
 * Merges passed rows into candidates keyed by (occupation code, 工种 or ''): one pass over the rows (each row costs
 * its tags and the candidate's few distinct units) and a sort of the candidates. `reassign` maps a row id to the
 * candidate the center filed it under (confirmed merges); the rows themselves are never changed.
 */
export function aggregateCandidatePool(rows: readonly PoolSourceRow[], reassign: ReadonlyMap<string, PoolRowReassignment> = new Map()): CandidatePool {
  // Nested maps keyed by the rows' own strings (hashes cached on them) instead of a concatenated key per row.
  const byCode = new Map<string, Map<string, Accumulator>>();
  const all: Accumulator[] = [];
  for (const row of rows) {
    const target = (reassign.size > 0 ? reassign.get(row.rowId) : undefined) ?? row;
    const code = target.occupationCode.trim();
    const jobType = target.jobTypeName.trim();
    let byJobType = byCode.get(code);
    if (!byJobType) {
      byJobType = new Map();
      byCode.set(code, byJobType);
    }
    let acc = byJobType.get(jobType);
    if (!acc) {
      const candidate = newCandidate(poolKey(code, jobType), code, target.occupationName.trim(), jobType);
      acc = { candidate, yes: false, no: false };
      byJobType.set(jobType, acc);
      all.push(acc);
    }
    addRow(acc, row);
  }
  const candidates = all.map((a) => a.candidate).sort(compareCandidates);
  for (const c of candidates) c.sourceRowIds = c.recommendations.map((r) => r.rowId);
  return { candidates, overlaps: findPoolOverlaps(candidates) };
}

// Distinct units and tags of one candidate are few (at most the campaign's units and tag vocabulary), so a
// linear `includes` on the small arrays is cheaper than a Set per candidate and keeps the whole pass linear.
interface Accumulator {
  candidate: PoolCandidate;
  yes: boolean;
  no: boolean;
}

function addRow(acc: Accumulator, row: PoolSourceRow): void {
  const { candidate } = acc;
  candidate.recommendations.push(row);
  if (!candidate.unitIds.includes(row.unitId)) candidate.unitIds.push(row.unitId);
  candidate.expectedAssessments += row.expectedAssessments ?? 0;
  for (const raw of row.industries) {
    const tag = raw.trim();
    if (tag && !candidate.industries.includes(tag)) candidate.industries.push(tag);
  }
  if (row.inShortageCatalog === true) acc.yes = true;
  if (row.inShortageCatalog === false) acc.no = true;
  candidate.inShortageCatalog = acc.yes;
  candidate.shortageDisagreement = acc.yes && acc.no;
}

/** The overlaps of sorted candidates: an occupation with a whole-occupation candidate and 工种 candidates. */
export function findPoolOverlaps(sortedCandidates: readonly PoolCandidate[]): PoolOverlap[] {
  const overlaps: PoolOverlap[] = [];
  let i = 0;
  while (i < sortedCandidates.length) {
    const first = sortedCandidates[i]!;
    let j = i + 1;
    while (j < sortedCandidates.length && sortedCandidates[j]!.occupationCode === first.occupationCode) j++;
    const group = sortedCandidates.slice(i, j);
    const whole = group.find((c) => c.jobTypeName === '');
    const jobTypes = group.filter((c) => c.jobTypeName !== '');
    if (whole && jobTypes.length > 0) {
      overlaps.push({
        occupationCode: first.occupationCode,
        wholeOccupationKey: whole.key,
        jobTypeKeys: jobTypes.map((c) => c.key),
        wholeOccupationUnitIds: [...whole.unitIds],
        jobTypeUnitIds: [...new Set(jobTypes.flatMap((c) => c.unitIds))],
      });
    }
    i = j;
  }
  return overlaps;
}
