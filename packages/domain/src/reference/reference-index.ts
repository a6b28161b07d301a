import type {
  NewOccupationRecord,
  OccupationRecord,
  QualificationRecord,
  ReferenceBuildInput,
  ReferenceListEntryInput,
  StandardRecord,
} from './reference.schemas.ts';
import { OCCUPATION_CODE_PATTERN } from './reference.schemas.ts';
import type {
  NationalStandard,
  NewOccupationBatch,
  OccupationFlags,
  OccupationLevel,
  OccupationMarker,
  OccupationNode,
  QualificationEntry,
  ReferenceListEntry,
  SkillTypeHeuristic,
} from './reference.types.ts';
import { nameKey, normalizeName, normalizeOccupationCode, standardNameKey, standardVersionOf, stripStandardMarks } from './reference.normalize.ts';
import { buildSearchData, type SearchData } from './reference-search.ts';

/**
 * How a Shanghai list (shortage catalogue, already offered) covers an occupation and 工种:
 * `occupation` — the whole occupation is listed; `job_type` — the named 工种 is listed;
 * `other_job_types` — only other 工种 of the occupation are listed; `none` — nothing of it is listed.
 */
export type ListCoverage = 'occupation' | 'job_type' | 'other_job_types' | 'none';

/** A new occupation or 工种 announced by MOHRSS that has no code in the dictionary yet (e.g. still in public comment). */
export interface AnnouncedOccupation {
  kind: 'occupation' | 'jobType';
  name: string;
  parentOccupationCode: string | null;
  batchName: string | null;
  status: string | null;
  documentNo: string | null;
}

/** Record counts of a built index. */
export interface ReferenceCounts {
  groups: number;
  occupations: number;
  jobTypes: number;
  standards: number;
  standardsMapped: number;
  qualifications: number;
  shortage: number | null;
  offered: number | null;
  announced: number;
}

/** The in-memory reference model with O(1) look-ups by code; every code argument is normalised first. */
export interface ReferenceIndex {
  /** Every node of the 大典 tree (levels 1-4) by code. */
  readonly nodes: ReadonlyMap<string, OccupationNode>;
  /** Level-4 occupations in code order (current and re-coded). */
  readonly occupations: readonly OccupationNode[];
  /** Every catalogue standard, mapped or not. */
  readonly standards: readonly NationalStandard[];
  readonly qualifications: readonly QualificationEntry[];
  /** Null when the dataset is not available (its rules are skipped). */
  readonly shortage: readonly ReferenceListEntry[] | null;
  readonly offered: readonly ReferenceListEntry[] | null;
  readonly announced: readonly AnnouncedOccupation[];
  readonly counts: ReferenceCounts;
  /** Precomputed search structures (see reference-search.ts). */
  readonly searchData: SearchData;
  /** Any tree node by code. */
  getNode(code: string): OccupationNode | undefined;
  /** A level-4 occupation by code. */
  getOccupation(code: string): OccupationNode | undefined;
  /** Current occupations whose current or print-edition name equals `name` (by `nameKey`). */
  findOccupationsByName(name: string): readonly OccupationNode[];
  /** The national standards mapped to an occupation. */
  standardsOf(code: string): readonly NationalStandard[];
  /** The standards of an occupation whose name matches a typed one (by `standardNameKey`: marks, 《》, widths ignored). */
  findStandards(code: string, standardName: string): readonly NationalStandard[];
  /** 工种 names of an occupation: the dictionary's plus those its standards cover. */
  jobTypesOf(code: string): readonly string[];
  /** The canonical spelling of a 工种 of the occupation, or undefined when it is not one of its 工种. */
  findJobType(code: string, jobTypeName: string): string | undefined;
  /** Occupations having a 工种 of this name. */
  occupationsWithJobType(jobTypeName: string): readonly OccupationNode[];
  /** Major group 1-8 of a code, null when malformed. */
  majorGroup(code: string): number | null;
  /** Major groups 4, 5, 6. */
  isSkillType(code: string): boolean;
  isAccessQualification(code: string): boolean;
  qualificationsOf(code: string): readonly QualificationEntry[];
  shortageCoverage(code: string, jobTypeName?: string | null): ListCoverage;
  offeredCoverage(code: string, jobTypeName?: string | null): ListCoverage;
  /** The whole occupation, or the named 工种, is in the Shanghai shortage catalogue. */
  inShortageCatalog(code: string, jobTypeName?: string | null): boolean;
  /** The whole occupation, or the named 工种, is already under socialized certification in Shanghai. */
  alreadyOffered(code: string, jobTypeName?: string | null): boolean;
  /** Flags of an occupation, or of one of its 工种; undefined for an unknown code. */
  flagsOf(code: string, jobTypeName?: string | null): OccupationFlags | undefined;
}

const SKILL_TYPE_BY_MAJOR: Record<string, SkillTypeHeuristic> = {
  '1': 'leader',
  '2': 'professional',
  '3': 'clerical',
  '4': 'skill',
  '5': 'skill',
  '6': 'skill',
  '7': 'military',
  '8': 'other',
};
const SKILL_MAJOR_GROUPS = new Set([4, 5, 6]);
const EMPTY: readonly never[] = Object.freeze([]);

interface MutableNode extends OccupationNode {
  jobTypes: string[];
  addedAfterPrint: NewOccupationBatch | null;
}

function toNode(r: OccupationRecord): MutableNode {
  const code = normalizeOccupationCode(r.code);
  return {
    code,
    level: r.level as OccupationLevel,
    name: normalizeName(r.name),
    parentCode: r.parentCode == null ? null : normalizeOccupationCode(r.parentCode),
    markers: r.markers === undefined ? (r.level === 4 ? null : EMPTY) : r.markers,
    skillTypeHeuristic: r.skillTypeHeuristic ?? SKILL_TYPE_BY_MAJOR[code.charAt(0)] ?? null,
    jobTypes: uniqueNames((r.jobTypes ?? []).map((j) => j.name)),
    definition: r.definition ?? null,
    mainTasks: r.mainTasks ?? EMPTY,
    status: r.status ?? 'current',
    replacedBy: r.replacedBy == null ? null : normalizeOccupationCode(r.replacedBy),
    printEditionName: r.printEditionName == null ? null : normalizeName(r.printEditionName),
    addedAfterPrint:
      r.addedAfterPrint == null
        ? null
        : {
            batch: r.addedAfterPrint.batch ?? null,
            batchName: r.addedAfterPrint.batchName ?? null,
            publishedDate: r.addedAfterPrint.publishedDate ?? null,
            documentNo: r.addedAfterPrint.documentNo ?? null,
          },
  };
}

function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of names) {
    const name = normalizeName(raw);
    const key = nameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

function batchOf(r: NewOccupationRecord): NewOccupationBatch {
  return {
    batch: r.batch ?? null,
    batchName: r.batchName ?? null,
    publishedDate: r.publishedDate ?? null,
    documentNo: r.documentNo ?? null,
  };
}

/** Merges the post-2022 new occupations and 工种 into the tree; returns those that have no code yet. */
function mergeNewOccupations(nodes: Map<string, MutableNode>, records: readonly NewOccupationRecord[]): AnnouncedOccupation[] {
  const announced: AnnouncedOccupation[] = [];
  for (const r of records) {
    const code = r.code == null ? null : normalizeOccupationCode(r.code);
    const parent = r.parentOccupationCode == null ? null : normalizeOccupationCode(r.parentOccupationCode);
    const published = r.status !== 'public_comment';
    if (r.kind === 'occupation' && code !== null && OCCUPATION_CODE_PATTERN.test(code) && published) {
      const existing = nodes.get(code);
      if (existing) {
        existing.addedAfterPrint ??= batchOf(r);
        continue;
      }
      const markers: OccupationMarker[] = [...(r.green === true ? ['L' as const] : []), ...(r.digital === true ? ['S' as const] : [])];
      nodes.set(code, {
        ...toNode({ code, level: 4, name: r.name, parentCode: code.slice(0, 7) }),
        markers: r.digital == null && r.green == null ? null : markers,
        jobTypes: uniqueNames((r.jobTypes ?? []).map((j) => (typeof j === 'string' ? j : j.name))),
        addedAfterPrint: batchOf(r),
      });
      continue;
    }
    const owner = parent === null ? undefined : nodes.get(parent);
    if (r.kind === 'jobType' && owner && published) {
      owner.jobTypes = uniqueNames([...owner.jobTypes, r.name]);
      continue;
    }
    announced.push({
      kind: r.kind,
      name: normalizeName(r.name),
      parentOccupationCode: parent,
      batchName: r.batchName ?? null,
      status: r.status ?? null,
      documentNo: r.documentNo ?? null,
    });
  }
  return announced;
}

/**
 * The 工种 a standard is specific to. The catalogue writes them in parentheses after the occupation name
 * (`企业人力资源管理师（薪税师）`, sometimes several joined by `、` or spaces). A leading parenthesis
 * (`（粮油）仓储管理员`) qualifies the trade, it names no 工种. A standard filed under a 工种 name
 * (mapping method `jobTypeName`, e.g. 企业培训师 → 4-07-03-04) covers that 工种.
 */
function coveredJobTypes(r: StandardRecord, name: string): string[] {
  if (/^[（(]/.test(name.trim())) return [];
  const listed = (r.jobTypesCovered ?? []).flatMap((j) => j.split(/[、，,\s]+/));
  if (listed.length > 0) return uniqueNames(listed);
  return r.mappingMethod === 'jobTypeName' ? [name] : [];
}

function toStandard(r: StandardRecord): NationalStandard {
  const catalogName = normalizeName(r.standardName);
  const standardName = stripStandardMarks(catalogName);
  const mapped = r.mappedOccupationCode2022 == null ? null : normalizeOccupationCode(r.mappedOccupationCode2022);
  return {
    standardName,
    catalogName,
    catalogCode: r.code.trim(),
    occupationCode: mapped !== null && OCCUPATION_CODE_PATTERN.test(mapped) ? mapped : null,
    editionYear: r.editionYear ?? null,
    version: standardVersionOf(r.editionYear),
    jobTypesCovered: coveredJobTypes(r, standardName),
    trial: r.trial ?? false,
  };
}

function toQualification(r: QualificationRecord): QualificationEntry {
  return { item: normalizeName(r.qualificationItem), occupationCodes: (r.mappedOccupationCodes ?? []).map(normalizeOccupationCode) };
}

function toListEntry(e: ReferenceListEntryInput): ReferenceListEntry {
  const jobTypeName = e.jobTypeName == null || e.jobTypeName.trim() === '' ? null : normalizeName(e.jobTypeName);
  return { occupationCode: normalizeOccupationCode(e.occupationCode), jobTypeName, note: e.note ?? null, source: e.source ?? null };
}

interface ListLookup {
  whole: boolean;
  jobTypes: Set<string>;
}

function buildListLookup(entries: readonly ReferenceListEntry[]): Map<string, ListLookup> {
  const map = new Map<string, ListLookup>();
  for (const e of entries) {
    let slot = map.get(e.occupationCode);
    if (!slot) map.set(e.occupationCode, (slot = { whole: false, jobTypes: new Set() }));
    if (e.jobTypeName === null || e.jobTypeName === undefined) slot.whole = true;
    else slot.jobTypes.add(nameKey(e.jobTypeName));
  }
  return map;
}

function coverage(lookup: Map<string, ListLookup> | null, code: string, jobTypeName?: string | null): ListCoverage {
  const slot = lookup?.get(normalizeOccupationCode(code));
  if (!slot) return 'none';
  if (slot.whole) return 'occupation';
  const key = jobTypeName == null ? '' : nameKey(jobTypeName);
  if (key !== '' && slot.jobTypes.has(key)) return 'job_type';
  return slot.jobTypes.size > 0 ? 'other_job_types' : 'none';
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The standard names of each occupation, each once, as the search indexes them. */
function standardNamesOf(standardsByCode: ReadonlyMap<string, readonly NationalStandard[]>): Map<string, string[]> {
  return new Map([...standardsByCode].map(([code, list]) => [code, uniqueNames(list.map((s) => s.standardName))]));
}

/** Builds the in-memory reference index (and its search structures) from the records of the reference files. */
export function buildReferenceIndex(input: ReferenceBuildInput): ReferenceIndex {
  const nodes = new Map<string, MutableNode>();
  for (const r of input.occupations) {
    const node = toNode(r);
    nodes.set(node.code, node);
  }
  const announced = mergeNewOccupations(nodes, input.newOccupations ?? []);

  const standards = input.standards.map(toStandard);
  const standardsByCode = new Map<string, NationalStandard[]>();
  const standardKeys = new Map<NationalStandard, string>();
  for (const s of standards) {
    standardKeys.set(s, standardNameKey(s.standardName));
    if (s.occupationCode !== null) pushTo(standardsByCode, s.occupationCode, s);
  }

  const qualifications = input.qualifications.map(toQualification);
  const qualificationsByCode = new Map<string, QualificationEntry[]>();
  for (const q of qualifications) for (const code of q.occupationCodes) pushTo(qualificationsByCode, code, q);

  const shortage = input.shortage?.map(toListEntry) ?? null;
  const offered = input.offered?.map(toListEntry) ?? null;
  const shortageLookup = shortage && buildListLookup(shortage);
  const offeredLookup = offered && buildListLookup(offered);

  const occupations = [...nodes.values()].filter((n) => n.level === 4).sort((a, b) => (a.code < b.code ? -1 : 1));
  const jobTypesByCode = new Map<string, string[]>();
  const jobTypeKeysByCode = new Map<string, Map<string, string>>();
  const byName = new Map<string, OccupationNode[]>();
  const byJobType = new Map<string, OccupationNode[]>();
  for (const occ of occupations) {
    const all = uniqueNames([...occ.jobTypes, ...(standardsByCode.get(occ.code) ?? []).flatMap((s) => s.jobTypesCovered)]);
    jobTypesByCode.set(occ.code, all);
    jobTypeKeysByCode.set(occ.code, new Map(all.map((j) => [nameKey(j), j])));
    for (const j of all) pushTo(byJobType, nameKey(j), occ);
    if (occ.status !== 'current') continue;
    pushTo(byName, nameKey(occ.name), occ);
    if (occ.printEditionName !== null) pushTo(byName, nameKey(occ.printEditionName), occ);
  }

  const majorGroup = (code: string): number | null => {
    const c = normalizeOccupationCode(code);
    return /^[1-8](-|$)/.test(c) ? Number(c.charAt(0)) : null;
  };
  const getOccupation = (code: string): OccupationNode | undefined => {
    const node = nodes.get(normalizeOccupationCode(code));
    return node?.level === 4 ? node : undefined;
  };
  const jobTypesOf = (code: string): readonly string[] => jobTypesByCode.get(normalizeOccupationCode(code)) ?? EMPTY;
  const isAccessQualification = (code: string): boolean => qualificationsByCode.has(normalizeOccupationCode(code));
  const shortageCoverage = (code: string, jt?: string | null): ListCoverage => coverage(shortageLookup, code, jt);
  const offeredCoverage = (code: string, jt?: string | null): ListCoverage => coverage(offeredLookup, code, jt);
  const listed = (c: ListCoverage): boolean => c === 'occupation' || c === 'job_type';

  const index: ReferenceIndex = {
    nodes,
    occupations,
    standards,
    qualifications,
    shortage,
    offered,
    announced,
    counts: {
      groups: nodes.size - occupations.length,
      occupations: occupations.filter((o) => o.status === 'current').length,
      jobTypes: [...jobTypesByCode.values()].reduce((sum, list) => sum + list.length, 0),
      standards: standards.length,
      standardsMapped: standards.filter((s) => s.occupationCode !== null).length,
      qualifications: qualifications.length,
      shortage: shortage?.length ?? null,
      offered: offered?.length ?? null,
      announced: announced.length,
    },
    searchData: buildSearchData(occupations, jobTypesByCode, standardNamesOf(standardsByCode)),
    getNode: (code) => nodes.get(normalizeOccupationCode(code)),
    getOccupation,
    findOccupationsByName: (name) => byName.get(nameKey(name)) ?? EMPTY,
    standardsOf: (code) => standardsByCode.get(normalizeOccupationCode(code)) ?? EMPTY,
    findStandards: (code, standardName) => {
      const key = standardNameKey(standardName);
      return (standardsByCode.get(normalizeOccupationCode(code)) ?? EMPTY).filter((s) => standardKeys.get(s) === key);
    },
    jobTypesOf,
    findJobType: (code, jobTypeName) => jobTypeKeysByCode.get(normalizeOccupationCode(code))?.get(nameKey(jobTypeName)),
    occupationsWithJobType: (jobTypeName) => byJobType.get(nameKey(jobTypeName)) ?? EMPTY,
    majorGroup,
    isSkillType: (code) => SKILL_MAJOR_GROUPS.has(majorGroup(code) ?? 0),
    isAccessQualification,
    qualificationsOf: (code) => qualificationsByCode.get(normalizeOccupationCode(code)) ?? EMPTY,
    shortageCoverage,
    offeredCoverage,
    inShortageCatalog: (code, jt) => listed(shortageCoverage(code, jt)),
    alreadyOffered: (code, jt) => listed(offeredCoverage(code, jt)),
    flagsOf: (code, jt) => {
      const occ = getOccupation(code);
      if (!occ) return undefined;
      const markers = occ.markers ?? EMPTY;
      const major = Number(occ.code.charAt(0));
      return {
        majorGroup: major,
        isSkillType: SKILL_MAJOR_GROUPS.has(major),
        skillTypeHeuristic: occ.skillTypeHeuristic,
        isAccessQualification: isAccessQualification(occ.code),
        inShortageCatalog: listed(shortageCoverage(occ.code, jt)),
        alreadyOffered: listed(offeredCoverage(occ.code, jt)),
        markers,
        isDigital: markers.includes('S'),
        isGreen: markers.includes('L'),
      };
    },
  };
  return index;
}
