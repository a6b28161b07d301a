import { mulberry32, seededShuffle } from './seeded-random.ts';

/** A candidate to review, with the units that recommended it (for 回避) and its industry tags. */
export interface AssignmentCandidate {
  id: string;
  unitIds: readonly string[];
  industries: readonly string[];
}

/** An expert of the pool: organization unit (null when not a recommending unit), specialties, cap, availability. */
export interface AssignmentExpert {
  id: string;
  unitId: string | null;
  specialties: readonly string[];
  /** Maximum number of candidates this expert reviews in the round. */
  cap: number;
  available: boolean;
}

/** One expert reviewing one candidate. */
export interface ReviewAssignment {
  candidateId: string;
  expertId: string;
  specialtyMatch: boolean;
  /** True for assignments made by hand and kept as given. */
  manual: boolean;
}

/** Options of an automatic assignment. */
export interface AssignmentOptions {
  /** Reviews per candidate (N, campaign setting). */
  reviewsPerCandidate: number;
  /** Seed of the PRNG (random draw of the panel, tie-breaking); record it to reproduce the result. */
  seed: number;
  /** When set, draw a panel of this many experts at random from the available ones (随机抽取). */
  panelSize?: number;
  /** Manual assignments to keep (checked for 回避; refused ones are reported). */
  fixed?: readonly { candidateId: string; expertId: string }[];
}

/** A candidate that could not get N reviewers, with the Chinese reason. */
export interface AssignmentShortfall {
  candidateId: string;
  needed: number;
  assigned: number;
  reason: string;
}

/** The outcome of an automatic assignment. */
export interface AssignmentResult {
  seed: number;
  /** The experts taking part (the drawn panel, or every available expert), in draw order. */
  panel: string[];
  assignments: ReviewAssignment[];
  shortfalls: AssignmentShortfall[];
  /** Manual assignments that were refused (conflict of interest, unknown or duplicate). */
  refused: { candidateId: string; expertId: string; reason: string }[];
  /** Candidates per panel expert. */
  loads: Record<string, number>;
  /** Max load minus min load over the panel, ignoring in the min the experts already at their cap. */
  loadSpread: number;
}

/** The 回避 reason when the expert's organization recommended the candidate, else null (decided by unit id). */
export function assignmentConflict(candidate: Pick<AssignmentCandidate, 'unitIds'>, expert: Pick<AssignmentExpert, 'unitId'>): string | null {
  if (expert.unitId !== null && candidate.unitIds.includes(expert.unitId)) {
    return '该专家所在单位推荐了此候选职业，须回避';
  }
  return null;
}

/** Existing assignments that now conflict (e.g. after a merge of the pool changed the recommending units). */
export function findAssignmentConflicts(
  assignments: readonly { candidateId: string; expertId: string }[],
  candidates: readonly AssignmentCandidate[],
  experts: readonly AssignmentExpert[],
): { candidateId: string; expertId: string; reason: string }[] {
  const c = new Map(candidates.map((x) => [x.id, x]));
  const e = new Map(experts.map((x) => [x.id, x]));
  return assignments.flatMap((a) => {
    const candidate = c.get(a.candidateId);
    const expert = e.get(a.expertId);
    const reason = candidate && expert ? assignmentConflict(candidate, expert) : null;
    return reason ? [{ ...a, reason }] : [];
  });
}

interface State {
  candidates: Map<string, AssignmentCandidate>;
  experts: Map<string, AssignmentExpert>;
  rank: Map<string, number>;
  load: Map<string, number>;
  on: Map<string, Map<string, ReviewAssignment>>;
}

const matches = (c: AssignmentCandidate, e: AssignmentExpert) => e.specialties.some((s) => c.industries.includes(s));
const eligible = (s: State, c: AssignmentCandidate, e: AssignmentExpert) => assignmentConflict(c, e) === null && !s.on.get(c.id)!.has(e.id);

function add(s: State, c: AssignmentCandidate, e: AssignmentExpert, manual: boolean): void {
  s.on.get(c.id)!.set(e.id, { candidateId: c.id, expertId: e.id, specialtyMatch: matches(c, e), manual });
  s.load.set(e.id, (s.load.get(e.id) ?? 0) + 1);
}

function move(s: State, c: AssignmentCandidate, from: AssignmentExpert, to: AssignmentExpert): void {
  s.on.get(c.id)!.delete(from.id);
  s.load.set(from.id, s.load.get(from.id)! - 1);
  add(s, c, to, false);
}

/** The lowest common load limit T such that the panel can absorb the remaining reviews (water filling). */
function targetLoad(s: State, panel: readonly AssignmentExpert[], remaining: number): number {
  const maxCap = Math.max(0, ...panel.map((e) => e.cap));
  for (let t = 0; t <= maxCap; t++) {
    let room = 0;
    for (const e of panel) room += Math.max(0, Math.min(e.cap, t) - s.load.get(e.id)!);
    if (room >= remaining) return t;
  }
  return maxCap;
}

function pick(s: State, c: AssignmentCandidate, panel: readonly AssignmentExpert[], limit: (e: AssignmentExpert) => number): AssignmentExpert | null {
  let best: AssignmentExpert | null = null;
  let bestKey: [number, number, number] = [0, 0, 0];
  for (const e of panel) {
    if (s.load.get(e.id)! >= limit(e) || !eligible(s, c, e)) continue;
    const key: [number, number, number] = [matches(c, e) ? 0 : 1, s.load.get(e.id)!, s.rank.get(e.id)!];
    if (!best || key[0] < bestKey[0] || (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))) {
      best = e;
      bestKey = key;
    }
  }
  return best;
}

/** Frees a full eligible expert for c by handing one of their automatic reviews to an expert with room. */
function augment(s: State, c: AssignmentCandidate, panel: readonly AssignmentExpert[]): AssignmentExpert | null {
  for (const full of panel) {
    if (!eligible(s, c, full)) continue;
    for (const [otherId, byExpert] of s.on) {
      const a = byExpert.get(full.id);
      if (!a || a.manual || otherId === c.id) continue;
      const other = s.candidates.get(otherId)!;
      const spare = pick(s, other, panel, (e) => e.cap);
      if (spare && spare.id !== full.id) {
        move(s, other, full, spare);
        return full;
      }
    }
  }
  return null;
}

function findMove(s: State, donor: AssignmentExpert, receiver: AssignmentExpert, keepMatch: boolean): AssignmentCandidate | null {
  for (const [cid, byExpert] of s.on) {
    const a = byExpert.get(donor.id);
    if (!a || a.manual) continue;
    const c = s.candidates.get(cid)!;
    if (eligible(s, c, receiver) && !(keepMatch && a.specialtyMatch && !matches(c, receiver))) return c;
  }
  return null;
}

/** One move from a most loaded to a least loaded expert (load difference ≥ 2), keeping matches if it can. */
function rebalanceStep(s: State, panel: readonly AssignmentExpert[]): boolean {
  const byLoad = [...panel].sort((a, b) => s.load.get(b.id)! - s.load.get(a.id)! || s.rank.get(a.id)! - s.rank.get(b.id)!);
  for (const keepMatch of [true, false]) {
    for (const donor of byLoad) {
      for (let r = byLoad.length - 1; r >= 0; r--) {
        const receiver = byLoad[r]!;
        if (s.load.get(donor.id)! - s.load.get(receiver.id)! < 2) break;
        if (s.load.get(receiver.id)! >= receiver.cap) continue;
        const c = findMove(s, donor, receiver, keepMatch);
        if (c) {
          move(s, c, donor, receiver);
          return true;
        }
      }
    }
  }
  return false;
}

/** Moves reviews from the most to the least loaded experts until max − min ≤ 1 where caps and 回避 allow. */
function rebalance(s: State, panel: readonly AssignmentExpert[]): void {
  for (let guard = 0; guard < 100_000 && rebalanceStep(s, panel); guard++);
}

/**
 * Assigns N experts to every candidate: never an expert whose organization recommended the candidate (回避),
 * within each expert's cap, balancing the load, preferring matching specialties, ties broken by a seeded PRNG
 * so that the same input and seed always give the same result.
 */
export function assignReviewers(
  candidates: readonly AssignmentCandidate[],
  experts: readonly AssignmentExpert[],
  options: AssignmentOptions,
): AssignmentResult {
  const random = mulberry32(options.seed);
  const n = options.reviewsPerCandidate;
  const available = experts.filter((e) => e.available && e.cap > 0);
  const drawn = seededShuffle(available, random);
  const panel = options.panelSize === undefined ? drawn : drawn.slice(0, Math.max(0, options.panelSize));
  const s: State = {
    candidates: new Map(candidates.map((c) => [c.id, c])),
    experts: new Map(experts.map((e) => [e.id, e])),
    rank: new Map(drawn.map((e, i) => [e.id, i])),
    load: new Map(experts.map((e) => [e.id, 0])),
    on: new Map(candidates.map((c) => [c.id, new Map()])),
  };
  const refused: AssignmentResult['refused'] = [];
  for (const f of options.fixed ?? []) {
    const c = s.candidates.get(f.candidateId);
    const e = s.experts.get(f.expertId);
    const reason = !c || !e ? '候选职业或专家不存在' : (assignmentConflict(c, e) ?? (s.on.get(c.id)!.has(e.id) ? '重复分配' : null));
    if (reason || !c || !e) refused.push({ ...f, reason: reason ?? '候选职业或专家不存在' });
    else add(s, c, e, true);
  }
  const order = seededShuffle(candidates, random)
    .map((c) => ({ c, room: panel.filter((e) => assignmentConflict(c, e) === null).length }))
    .sort((a, b) => a.room - b.room)
    .map((x) => x.c);
  const remaining = order.reduce((sum, c) => sum + Math.max(0, n - s.on.get(c.id)!.size), 0);
  const t = targetLoad(s, panel, remaining);
  for (const c of order) {
    while (s.on.get(c.id)!.size < n) {
      const e = pick(s, c, panel, (x) => Math.min(x.cap, t)) ?? pick(s, c, panel, (x) => x.cap) ?? augment(s, c, panel);
      if (!e) break;
      add(s, c, e, false);
    }
  }
  rebalance(s, panel);
  return summarize(s, candidates, panel, n, options.seed, refused);
}

function summarize(
  s: State,
  candidates: readonly AssignmentCandidate[],
  panel: readonly AssignmentExpert[],
  n: number,
  seed: number,
  refused: AssignmentResult['refused'],
): AssignmentResult {
  const shortfalls: AssignmentShortfall[] = [];
  for (const c of candidates) {
    const assigned = s.on.get(c.id)!.size;
    if (assigned >= n) continue;
    const free = panel.filter((e) => assignmentConflict(c, e) === null).length;
    const reason =
      free < n
        ? `回避后符合条件的专家仅${String(free)}名，少于所需的${String(n)}名，请增加专家或手动指定`
        : `符合条件的专家均已达到评审数量上限，请提高上限或增加专家`;
    shortfalls.push({ candidateId: c.id, needed: n, assigned, reason });
  }
  const loads = Object.fromEntries(panel.map((e) => [e.id, s.load.get(e.id)!]));
  const values = panel.map((e) => s.load.get(e.id)!);
  const belowCap = panel.filter((e) => s.load.get(e.id)! < e.cap).map((e) => s.load.get(e.id)!);
  const loadSpread = belowCap.length === 0 ? 0 : Math.max(0, Math.max(...values) - Math.min(...belowCap));
  const assignments = candidates.flatMap((c) => [...s.on.get(c.id)!.values()]);
  return { seed, panel: panel.map((e) => e.id), assignments, shortfalls, refused, loads, loadSpread };
}
