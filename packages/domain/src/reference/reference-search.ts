import { pinyin } from 'pinyin-pro';
import type { ReferenceIndex } from './reference-index.ts';
import { nameKey, normalizeOccupationCode, toHalfWidth } from './reference.normalize.ts';
import type { NationalStandard, NewOccupationBatch, OccupationFlags, OccupationNode, OccupationStatus } from './reference.types.ts';

/** How a search result matched, best first; results are ranked in this order. */
export const SEARCH_MATCH_KINDS = ['code_exact', 'code_prefix', 'name_exact', 'name_prefix', 'name_substring', 'pinyin', 'standard_name'] as const;
/** One way a search result matched. */
export type SearchMatchKind = (typeof SEARCH_MATCH_KINDS)[number];

/** Default and maximum number of search results. */
export const SEARCH_DEFAULT_LIMIT = 20;
export const SEARCH_MAX_LIMIT = 100;

/** One search result: an occupation, or one of its 工种, with everything the recommendation form fills in. */
export interface ReferenceSearchResult {
  code: string;
  name: string;
  /** The 工种 the query matched; null when the occupation itself matched. */
  matchedJobType: string | null;
  matchKind: SearchMatchKind;
  jobTypes: readonly string[];
  standards: readonly NationalStandard[];
  flags: OccupationFlags;
  status: OccupationStatus;
  replacedBy: string | null;
  addedAfterPrint: NewOccupationBatch | null;
}

/** Options of `searchReference`. */
export interface SearchOptions {
  /** At most this many results (default 20, capped at 100). */
  limit?: number;
}

/** One searchable name: an occupation, or one of its 工种. */
export interface SearchEntry {
  occupation: OccupationNode;
  /** Null for the occupation itself. */
  jobType: string | null;
  name: string;
  /**
   * True when `name` is the name of one of the occupation's national standards that differs from the names of the
   * occupation and its 工种 (the standard 眼镜验光员 of the occupation 眼镜验光师): such a hit answers the occupation.
   */
  viaStandard?: boolean;
  key: string;
  /** Full pinyin without tones or separators, `ü` as `v`: 养老护理员 → `yanglaohuliyuan`. */
  pinyin: string;
  /** First letters of the syllables: 养老护理员 → `ylhly`. */
  initials: string;
}

/** A sorted list of strings, each belonging to an entry, searched by prefix with a binary search. */
interface SortedKeys {
  keys: readonly string[];
  owners: Int32Array;
}

/**
 * One searchable string field of every entry, prepared so that every tier of a query is a hash look-up (exact) or
 * a binary search (prefix; substring as the prefix of a suffix), never a scan of all entries.
 */
interface TextField {
  exact: ReadonlyMap<string, readonly number[]>;
  /** The values themselves. */
  starts: SortedKeys;
  /** Their suffixes from each inner match boundary (every character of a name, every syllable of a pinyin). */
  inner: SortedKeys;
}

/** Precomputed search structures; built once with the index (the only place pinyin is computed). */
export interface SearchData {
  /** Current occupations, then their 工种, each group in code order. */
  entries: readonly SearchEntry[];
  /** Codes of the current occupations, sorted, for binary search by prefix. */
  sortedCodes: readonly string[];
  sortedOccupations: readonly OccupationNode[];
  name: TextField;
  pinyin: TextField;
  initials: TextField;
}

interface PinyinForms {
  pinyin: string;
  initials: string;
  /** Offsets in `pinyin` where a syllable (or a Latin/digit run) starts, after the first. */
  syllableStarts: number[];
}

function pinyinOf(name: string): PinyinForms {
  let full = '';
  let initials = '';
  const syllableStarts: number[] = [];
  for (const part of pinyin(name, { type: 'all', toneType: 'none', v: true, nonZh: 'consecutive' })) {
    const text = part.isZh ? part.pinyin : nameKey(part.origin).replace(/[^a-z0-9]/g, '');
    if (text === '') continue;
    if (full !== '') syllableStarts.push(full.length);
    full += text;
    initials += part.isZh ? text.charAt(0) : text;
  }
  return { pinyin: full, initials, syllableStarts };
}

function sortedKeys(pairs: Array<[string, number]>): SortedKeys {
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]));
  return { keys: pairs.map((p) => p[0]), owners: Int32Array.from(pairs.map((p) => p[1])) };
}

function buildField(values: readonly string[], boundaries: (i: number) => Iterable<number>): TextField {
  const exact = new Map<string, number[]>();
  const starts: Array<[string, number]> = [];
  const inner: Array<[string, number]> = [];
  values.forEach((value, i) => {
    const list = exact.get(value);
    if (list) list.push(i);
    else exact.set(value, [i]);
    starts.push([value, i]);
    for (const offset of boundaries(i)) inner.push([value.slice(offset), i]);
  });
  return { exact, starts: sortedKeys(starts), inner: sortedKeys(inner) };
}

function* everyInnerOffset(value: string): Iterable<number> {
  for (let k = 1; k < value.length; k++) yield k;
}

/**
 * Builds the search structures of the current occupations, their 工种 and the names of their national standards that
 * differ from both (pinyin computed here, once).
 */
export function buildSearchData(
  occupations: readonly OccupationNode[],
  jobTypesByCode: ReadonlyMap<string, readonly string[]>,
  standardNamesByCode: ReadonlyMap<string, readonly string[]> = new Map(),
): SearchData {
  const current = occupations.filter((o) => o.status === 'current');
  const entries: SearchEntry[] = [];
  const syllables: number[][] = [];
  const add = (occupation: OccupationNode, jobType: string | null, name: string, viaStandard = false): void => {
    const { pinyin: full, initials, syllableStarts } = pinyinOf(name);
    const entry: SearchEntry = { occupation, jobType, name, key: nameKey(name), pinyin: full, initials };
    entries.push(viaStandard ? { ...entry, viaStandard } : entry);
    syllables.push(syllableStarts);
  };
  for (const occ of current) add(occ, null, occ.name);
  for (const occ of current) for (const jt of jobTypesByCode.get(occ.code) ?? []) add(occ, jt, jt);
  for (const occ of current) {
    const known = new Set([occ.name, ...(occ.printEditionName === null ? [] : [occ.printEditionName]), ...(jobTypesByCode.get(occ.code) ?? [])].map(nameKey));
    for (const name of standardNamesByCode.get(occ.code) ?? []) {
      if (known.has(nameKey(name))) continue;
      known.add(nameKey(name));
      add(occ, null, name, true);
    }
  }
  const keys = entries.map((e) => e.key);
  const initials = entries.map((e) => e.initials);
  return {
    entries,
    sortedCodes: current.map((o) => o.code),
    sortedOccupations: current,
    name: buildField(keys, (i) => everyInnerOffset(keys[i] ?? '')),
    pinyin: buildField(
      entries.map((e) => e.pinyin),
      (i) => syllables[i] ?? [],
    ),
    initials: buildField(initials, (i) => everyInnerOffset(initials[i] ?? '')),
  };
}

interface Hit {
  entry: SearchEntry;
  kind: SearchMatchKind;
}

function lowerBound(length: number, valueAt: (i: number) => string, value: string): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (valueAt(mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `4100105` → `4-10-01-05`, `410` → `4-10`: people often type codes without the hyphens. */
function hyphenate(digits: string): string {
  const parts = [digits.slice(0, 1)];
  for (let i = 1; i < digits.length; i += 2) parts.push(digits.slice(i, i + 2));
  return parts.join('-');
}

function occupationEntry(occupation: OccupationNode): SearchEntry {
  return { occupation, jobType: null, name: occupation.name, key: '', pinyin: '', initials: '' };
}

function searchByCode(data: SearchData, index: ReferenceIndex, query: string, limit: number): Hit[] {
  const code = query.includes('-') ? query : hyphenate(query);
  const hits: Hit[] = [];
  const exact = index.getOccupation(code);
  if (exact) hits.push({ entry: occupationEntry(exact), kind: 'code_exact' });
  const { sortedCodes, sortedOccupations } = data;
  for (let i = lowerBound(sortedCodes.length, (k) => sortedCodes[k] ?? '', code); i < sortedCodes.length && hits.length < limit; i++) {
    const occ = sortedOccupations[i];
    if (!occ?.code.startsWith(code)) break;
    if (occ !== exact) hits.push({ entry: occupationEntry(occ), kind: 'code_prefix' });
  }
  return hits;
}

// How many candidates of one match tier are collected before ordering them: enough for the order inside a tier
// (occupations first, skill types first, short names first) to choose well, bounded so a one-letter query stays cheap.
const TIER_CAP = 200;

/** Owners of the keys starting with `q`, each once, at most TIER_CAP of them. */
function prefixMatches({ keys, owners }: SortedKeys, q: string): number[] {
  const out: number[] = [];
  const seen = new Set<number>();
  for (let k = lowerBound(keys.length, (m) => keys[m] ?? '', q); k < keys.length && out.length < TIER_CAP; k++) {
    if (!(keys[k] ?? '').startsWith(q)) break;
    const owner = owners[k] ?? -1;
    if (!seen.has(owner)) {
      seen.add(owner);
      out.push(owner);
    }
  }
  return out;
}

const SKILL_MAJOR_GROUPS = '456';

/**
 * Inside a tier: occupations before 工种, skill-type occupations (major groups 4-6, the only ones the call
 * accepts) before the others, shorter names first, then code order.
 */
function compareEntries(a: SearchEntry, b: SearchEntry): number {
  if (!!a.viaStandard !== !!b.viaStandard) return a.viaStandard ? 1 : -1;
  if ((a.jobType === null) !== (b.jobType === null)) return a.jobType === null ? -1 : 1;
  const aSkill = SKILL_MAJOR_GROUPS.includes(a.occupation.code.charAt(0));
  if (aSkill !== SKILL_MAJOR_GROUPS.includes(b.occupation.code.charAt(0))) return aSkill ? -1 : 1;
  if (a.name.length !== b.name.length) return a.name.length - b.name.length;
  return a.occupation.code < b.occupation.code ? -1 : a.occupation.code > b.occupation.code ? 1 : 0;
}

/** Collects hits tier by tier, best tier first, each entry once, until the limit. */
class HitCollector {
  readonly hits: Hit[] = [];
  private readonly taken = new Set<number>();
  /** Occupation|工种 already answered: one found by its own name and by its standard's name is listed once. */
  private readonly answered = new Set<string>();
  constructor(
    private readonly entries: readonly SearchEntry[],
    private readonly limit: number,
  ) {}
  get full(): boolean {
    return this.hits.length >= this.limit;
  }
  add(indices: readonly number[], kind: SearchMatchKind): void {
    const fresh: SearchEntry[] = [];
    for (const i of indices) {
      const entry = this.entries[i];
      if (entry && !this.taken.has(i)) {
        this.taken.add(i);
        fresh.push(entry);
      }
    }
    fresh.sort(compareEntries);
    for (const entry of fresh) {
      if (this.full) return;
      const key = `${entry.occupation.code}|${entry.jobType ?? ''}`;
      if (this.answered.has(key)) continue;
      this.answered.add(key);
      this.hits.push({ entry, kind });
    }
  }
}

function searchByText(data: SearchData, key: string, limit: number): Hit[] {
  const found = new HitCollector(data.entries, limit);
  const tiers: Array<[() => readonly number[], SearchMatchKind]> = [
    [() => data.name.exact.get(key) ?? [], 'name_exact'],
    [() => prefixMatches(data.name.starts, key), 'name_prefix'],
    [() => prefixMatches(data.name.inner, key), 'name_substring'],
  ];
  const latin = key.replace(/['\s]/g, '').replace(/ü/g, 'v');
  if (/^[a-z]+$/.test(latin)) {
    const { pinyin: full, initials } = data;
    tiers.push(
      [() => [...(full.exact.get(latin) ?? []), ...(initials.exact.get(latin) ?? [])], 'pinyin'],
      [() => prefixMatches(full.starts, latin), 'pinyin'],
      [() => prefixMatches(initials.starts, latin), 'pinyin'],
      [() => [...prefixMatches(full.inner, latin), ...prefixMatches(initials.inner, latin)], 'pinyin'],
    );
  }
  for (const [matches, kind] of tiers) {
    if (found.full) break;
    found.add(matches(), kind);
  }
  return found.hits;
}

function toResult(index: ReferenceIndex, hit: Hit): ReferenceSearchResult | undefined {
  const occ = hit.entry.occupation;
  const flags = index.flagsOf(occ.code, hit.entry.jobType);
  if (!flags) return undefined;
  return {
    code: occ.code,
    name: occ.name,
    matchedJobType: hit.entry.jobType,
    matchKind: hit.entry.viaStandard ? 'standard_name' : hit.kind,
    jobTypes: index.jobTypesOf(occ.code),
    standards: index.standardsOf(occ.code),
    flags,
    status: occ.status,
    replacedBy: occ.replacedBy,
    addedAfterPrint: occ.addedAfterPrint,
  };
}

/**
 * Finds occupations and 工种 by code or code prefix (`4-10`, `4-10-01-05`, `4100105`), by a substring of the
 * Chinese name, by full pinyin (`yanglao`) and by pinyin initials (`ylhly`); a 工种 hit returns its occupation
 * with `matchedJobType` set. Ranked: exact code, code prefix, exact name, name prefix, substring, pinyin.
 */
export function searchReference(index: ReferenceIndex, query: string, options: SearchOptions = {}): ReferenceSearchResult[] {
  const limit = Math.max(1, Math.min(options.limit ?? SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT));
  const trimmed = toHalfWidth(query).trim();
  if (trimmed === '') return [];
  const code = normalizeOccupationCode(trimmed);
  const hits = /^[1-8][\d-]*$/.test(code) ? searchByCode(index.searchData, index, code, limit) : searchByText(index.searchData, nameKey(trimmed), limit);
  const results: ReferenceSearchResult[] = [];
  for (const hit of hits) {
    if (results.length >= limit) break;
    const result = toResult(index, hit);
    if (result) results.push(result);
  }
  return results;
}
