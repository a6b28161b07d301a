import type { CandidateDecision, ReviewCriterion, ReviewOpinion } from './review.schemas.ts';

/** A submitted review as the aggregation reads it. */
export interface ReviewForAggregate {
  expertId: string;
  /** Score per criterion id; null (or missing) for 不适用. */
  scores: Readonly<Record<string, number | null>>;
  opinion: ReviewOpinion;
}

/** The threshold rule that proposes decisions (the center confirms). */
export interface DecisionThreshold {
  /** Minimum share of 同意 among the reviews, e.g. 2/3. */
  minAgreeShare: number;
  /** Minimum number of submitted reviews before anything is proposed. */
  minReviews: number;
  /** Optional minimum weighted mean score. */
  minWeightedMean?: number | null;
}

/** The default threshold: at least two thirds 同意 of at least three reviews. */
export const DEFAULT_DECISION_THRESHOLD: DecisionThreshold = { minAgreeShare: 2 / 3, minReviews: 3, minWeightedMean: null };

/** What the aggregation says about one candidate. */
export interface ReviewAggregate {
  reviewCount: number;
  /** Each review's weighted score (null when every criterion was 不适用). */
  reviewScores: { expertId: string; weightedScore: number | null; opinion: ReviewOpinion }[];
  /** Mean of the reviews' weighted scores; null when none has a score. */
  weightedMean: number | null;
  /** Mean score per criterion id over the reviews that scored it; null when all said 不适用. */
  criterionMeans: Record<string, number | null>;
  opinions: Record<ReviewOpinion, number>;
  /** Share of 同意 among the reviews (0 when there is none). */
  agreeShare: number;
  /** True when the opinions split: some 同意 and some 不同意. */
  disagreement: boolean;
  /** The decision proposed by the threshold, or null when there are too few reviews. */
  proposal: CandidateDecision | null;
}

const EPSILON = 1e-9;

/** The weighted mean of one review's scores over the criteria, excluding 不适用; null when nothing was scored. */
export function weightedReviewScore(scores: Readonly<Record<string, number | null>>, criteria: readonly ReviewCriterion[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const score = scores[c.id];
    if (score === null || score === undefined) continue;
    sum += score * c.weight;
    weights += c.weight;
  }
  return weights > 0 ? sum / weights : null;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Proposes selected / not_selected from an aggregate by the threshold, or null with too few reviews. */
export function proposeDecision(
  agg: Pick<ReviewAggregate, 'reviewCount' | 'agreeShare' | 'weightedMean'>,
  threshold: DecisionThreshold = DEFAULT_DECISION_THRESHOLD,
): CandidateDecision | null {
  if (agg.reviewCount === 0 || agg.reviewCount < threshold.minReviews) return null;
  const shareOk = agg.agreeShare + EPSILON >= threshold.minAgreeShare;
  const min = threshold.minWeightedMean;
  const scoreOk = min === null || min === undefined || (agg.weightedMean !== null && agg.weightedMean + EPSILON >= min);
  return shareOk && scoreOk ? 'selected' : 'not_selected';
}

/** Aggregates the submitted reviews of one candidate: weighted mean, per-criterion means, opinions, proposal. */
export function aggregateReviews(
  reviews: readonly ReviewForAggregate[],
  criteria: readonly ReviewCriterion[],
  threshold: DecisionThreshold = DEFAULT_DECISION_THRESHOLD,
): ReviewAggregate {
  const reviewScores = reviews.map((r) => ({ expertId: r.expertId, weightedScore: weightedReviewScore(r.scores, criteria), opinion: r.opinion }));
  const criterionMeans: Record<string, number | null> = {};
  for (const c of criteria) {
    criterionMeans[c.id] = mean(reviews.flatMap((r) => (typeof r.scores[c.id] === 'number' ? [r.scores[c.id] as number] : [])));
  }
  const opinions: Record<ReviewOpinion, number> = { agree: 0, disagree: 0, undecided: 0 };
  for (const r of reviews) opinions[r.opinion] += 1;
  const agreeShare = reviews.length === 0 ? 0 : opinions.agree / reviews.length;
  const weightedMean = mean(reviewScores.flatMap((r) => (r.weightedScore === null ? [] : [r.weightedScore])));
  const base = { reviewCount: reviews.length, agreeShare, weightedMean };
  return {
    ...base,
    reviewScores,
    criterionMeans,
    opinions,
    disagreement: opinions.agree > 0 && opinions.disagree > 0,
    proposal: proposeDecision(base, threshold),
  };
}
