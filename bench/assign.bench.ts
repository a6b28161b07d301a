import { assignReviewers, DEFAULT_INDUSTRY_TAGS, mulberry32, type AssignmentCandidate, type AssignmentExpert } from '@zhengji/domain';

/** 60 experts (a third from recommending units, caps 10–25, two unavailable) for 300 candidates × 3 reviews. */
function fixture() {
  const random = mulberry32(2024);
  const tags = DEFAULT_INDUSTRY_TAGS;
  const pickTag = () => tags[Math.floor(random() * tags.length)]!;
  const candidates: AssignmentCandidate[] = Array.from({ length: 300 }, (_, i) => ({
    id: `c${i}`,
    unitIds: Array.from({ length: 1 + Math.floor(random() * 4) }, () => `u${Math.floor(random() * 70)}`),
    industries: [pickTag(), pickTag()],
  }));
  const experts: AssignmentExpert[] = Array.from({ length: 60 }, (_, i) => ({
    id: `e${i}`,
    unitId: i % 3 === 0 ? `u${Math.floor(random() * 70)}` : null,
    specialties: [pickTag()],
    cap: i % 10 === 0 ? 10 : 25,
    available: i !== 7 && i !== 8,
  }));
  return { candidates, experts };
}

/** Times the automatic assignment and reports the load spread. */
export async function run(): Promise<Record<string, number | string>> {
  const { candidates, experts } = fixture();
  const times: number[] = [];
  let last = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 1 });
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    last = assignReviewers(candidates, experts, { reviewsPerCandidate: 3, seed: 1000 + i });
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const loads = Object.values(last.loads);
  return {
    benchmark: 'review assignment: 60 experts, 300 candidates × 3 reviews, conflicts and caps',
    medianMs: Number(times[Math.floor(times.length / 2)]!.toFixed(2)),
    maxMs: Number(times[times.length - 1]!.toFixed(2)),
    assignments: last.assignments.length,
    shortfalls: last.shortfalls.length,
    specialtyMatches: last.assignments.filter((a) => a.specialtyMatch).length,
    loadMin: Math.min(...loads),
    loadMax: Math.max(...loads),
    loadSpread: last.loadSpread,
    budgetMs: 1000,
  };
}
