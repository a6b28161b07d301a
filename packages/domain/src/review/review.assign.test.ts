import { describe, expect, it } from 'vitest';
import { assignReviewers, assignmentConflict, findAssignmentConflicts, type AssignmentCandidate, type AssignmentExpert } from './review.assign.ts';
import { mulberry32, seededShuffle, isValidSeed } from './seeded-random.ts';

const TAGS = ['集成电路', '生物医药', '人工智能', '汽车', '养老护理'];

function fixture(candidateCount: number, expertCount: number, cap: (i: number) => number) {
  const random = mulberry32(42);
  const candidates: AssignmentCandidate[] = Array.from({ length: candidateCount }, (_, i) => ({
    id: `c${i}`,
    unitIds: [`u${i % 20}`, `u${(i * 7) % 20}`],
    industries: [TAGS[i % TAGS.length]!],
  }));
  const experts: AssignmentExpert[] = Array.from({ length: expertCount }, (_, i) => ({
    id: `e${i}`,
    unitId: i % 3 === 0 ? null : `u${Math.floor(random() * 20)}`,
    specialties: [TAGS[i % TAGS.length]!],
    cap: cap(i),
    available: true,
  }));
  return { candidates, experts };
}

function check(result: ReturnType<typeof assignReviewers>, candidates: AssignmentCandidate[], experts: AssignmentExpert[]) {
  const e = new Map(experts.map((x) => [x.id, x]));
  const c = new Map(candidates.map((x) => [x.id, x]));
  const pairs = new Set<string>();
  for (const a of result.assignments) {
    expect(assignmentConflict(c.get(a.candidateId)!, e.get(a.expertId)!)).toBeNull();
    expect(pairs.has(`${a.candidateId}/${a.expertId}`)).toBe(false);
    pairs.add(`${a.candidateId}/${a.expertId}`);
  }
  for (const [id, load] of Object.entries(result.loads)) expect(load).toBeLessThanOrEqual(e.get(id)!.cap);
}

describe('assignReviewers', () => {
  it('assigns N per candidate, never in conflict, within caps, balanced', () => {
    const { candidates, experts } = fixture(60, 12, () => 20);
    const result = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 7 });
    check(result, candidates, experts);
    expect(result.shortfalls).toEqual([]);
    expect(result.assignments).toHaveLength(180);
    expect(result.loadSpread).toBeLessThanOrEqual(1);
    expect(result.assignments.filter((a) => a.specialtyMatch).length).toBeGreaterThan(90);
  });

  it('respects low caps and still balances the others', () => {
    const { candidates, experts } = fixture(100, 20, (i) => (i < 5 ? 4 : 30));
    const result = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 1 });
    check(result, candidates, experts);
    expect(result.shortfalls).toEqual([]);
    for (let i = 0; i < 5; i++) expect(result.loads[`e${i}`]).toBe(4);
    expect(result.loadSpread).toBeLessThanOrEqual(1);
  });

  it('is reproducible with the same seed and records it', () => {
    const { candidates, experts } = fixture(30, 10, () => 12);
    const a = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 99, panelSize: 8 });
    const b = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 99, panelSize: 8 });
    const c = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 100, panelSize: 8 });
    expect(a).toEqual(b);
    expect(a.seed).toBe(99);
    expect(a.panel).toHaveLength(8);
    expect(new Set(a.assignments.map((x) => x.expertId)).size).toBeLessThanOrEqual(8);
    expect(c.panel).not.toEqual(a.panel);
  });

  it('reports candidates that cannot get N reviewers, with the reason', () => {
    const candidates: AssignmentCandidate[] = [
      { id: 'c1', unitIds: ['u1', 'u2'], industries: [] },
      { id: 'c2', unitIds: ['u9'], industries: [] },
    ];
    const experts: AssignmentExpert[] = [
      { id: 'e1', unitId: 'u1', specialties: [], cap: 5, available: true },
      { id: 'e2', unitId: 'u2', specialties: [], cap: 5, available: true },
      { id: 'e3', unitId: null, specialties: [], cap: 5, available: true },
      { id: 'e4', unitId: null, specialties: [], cap: 5, available: false },
    ];
    const result = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 3 });
    expect(result.shortfalls).toEqual([{ candidateId: 'c1', needed: 3, assigned: 1, reason: expect.stringContaining('仅1名') as string }]);
    expect(result.assignments.filter((a) => a.candidateId === 'c2')).toHaveLength(3);
    expect(result.panel).not.toContain('e4');
  });

  it('reports a shortfall caused by caps', () => {
    const candidates = [1, 2, 3].map((i) => ({ id: `c${i}`, unitIds: [], industries: [] }));
    const experts = [1, 2, 3].map((i) => ({ id: `e${i}`, unitId: null, specialties: [], cap: 2, available: true }));
    const result = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 3 });
    expect(result.assignments).toHaveLength(6);
    expect(result.shortfalls.map((s) => s.reason)).toEqual([expect.stringContaining('上限')]);
  });

  it('frees a full expert when only they can take a constrained candidate', () => {
    const candidates: AssignmentCandidate[] = [
      { id: 'open', unitIds: [], industries: [] },
      { id: 'tight', unitIds: ['u2'], industries: [] },
    ];
    const experts: AssignmentExpert[] = [
      { id: 'e1', unitId: null, specialties: [], cap: 1, available: true },
      { id: 'e2', unitId: 'u2', specialties: [], cap: 1, available: true },
    ];
    const result = assignReviewers(candidates, experts, { reviewsPerCandidate: 1, seed: 5 });
    expect(result.shortfalls).toEqual([]);
    expect(result.assignments).toEqual([
      { candidateId: 'open', expertId: 'e2', specialtyMatch: false, manual: false },
      { candidateId: 'tight', expertId: 'e1', specialtyMatch: false, manual: false },
    ]);
  });

  it('keeps manual assignments and refuses conflicting ones', () => {
    const candidates: AssignmentCandidate[] = [{ id: 'c1', unitIds: ['u1'], industries: [] }];
    const experts: AssignmentExpert[] = [
      { id: 'e1', unitId: 'u1', specialties: [], cap: 5, available: true },
      { id: 'e2', unitId: null, specialties: [], cap: 5, available: true },
      { id: 'e3', unitId: null, specialties: [], cap: 5, available: true },
    ];
    const result = assignReviewers(candidates, experts, {
      reviewsPerCandidate: 2,
      seed: 1,
      fixed: [
        { candidateId: 'c1', expertId: 'e1' },
        { candidateId: 'c1', expertId: 'e3' },
        { candidateId: 'c1', expertId: 'e3' },
        { candidateId: 'cX', expertId: 'e3' },
      ],
    });
    expect(result.refused.map((r) => [r.expertId, r.reason])).toEqual([
      ['e1', '该专家所在单位推荐了此候选职业，须回避'],
      ['e3', '重复分配'],
      ['e3', '候选职业或专家不存在'],
    ]);
    expect(result.assignments.map((a) => [a.expertId, a.manual])).toEqual([
      ['e3', true],
      ['e2', false],
    ]);
  });

  it('finds assignments that a merge turned into conflicts', () => {
    const experts: AssignmentExpert[] = [{ id: 'e1', unitId: 'u7', specialties: [], cap: 5, available: true }];
    const merged: AssignmentCandidate[] = [{ id: 'c1', unitIds: ['u1', 'u7'], industries: [] }];
    expect(findAssignmentConflicts([{ candidateId: 'c1', expertId: 'e1' }], merged, experts)).toEqual([
      { candidateId: 'c1', expertId: 'e1', reason: '该专家所在单位推荐了此候选职业，须回避' },
    ]);
  });
});

describe('seeded random', () => {
  it('mulberry32 is deterministic and in [0, 1)', () => {
    const a = mulberry32(123);
    const b = mulberry32(123);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(0)()).toBeCloseTo(0.26642920868471265, 12);
  });

  it('shuffles a copy and validates seeds', () => {
    const items = [1, 2, 3, 4, 5];
    const shuffled = seededShuffle(items, mulberry32(1));
    expect([...shuffled].sort()).toEqual(items);
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect([isValidSeed(0), isValidSeed(2 ** 32 - 1), isValidSeed(2 ** 32), isValidSeed(1.5), isValidSeed(-1)]).toEqual([true, true, false, false, false]);
  });
});
