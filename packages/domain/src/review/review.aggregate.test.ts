import { describe, expect, it } from 'vitest';
import { aggregateReviews, proposeDecision, weightedReviewScore, type ReviewForAggregate } from './review.aggregate.ts';
import {
  CandidateDecisionInputSchema,
  DEFAULT_REVIEW_CRITERIA,
  ReviewCriteriaSchema,
  ReviewDraftSchema,
  ReviewSubmitSchema,
  reviewCompletenessIssues,
  type ReviewOpinion,
} from './review.schemas.ts';

const C = DEFAULT_REVIEW_CRITERIA; // weights 30 / 25 / 25 / 20
const all = (s: number) => ({ strategy: s, generality: s, suitability: s, demand: s });
const review = (expertId: string, scores: Record<string, number | null>, opinion: ReviewOpinion): ReviewForAggregate => ({ expertId, scores, opinion });

describe('weightedReviewScore', () => {
  it.each([
    [all(8), 8],
    [{ strategy: 10, generality: 0, suitability: 0, demand: 0 }, 3],
    [{ strategy: 10, generality: null, suitability: null, demand: 0 }, 6],
    [{ strategy: 10 }, 10],
    [{ strategy: null, generality: null, suitability: null, demand: null }, null],
    [{}, null],
  ] as const)('%o → %s', (scores, expected) => {
    const got = weightedReviewScore(scores, C);
    if (expected === null) expect(got).toBeNull();
    else expect(got).toBeCloseTo(expected, 10);
  });
});

describe('aggregateReviews', () => {
  it('averages, counts opinions, flags a split, proposes by two thirds', () => {
    const agg = aggregateReviews([review('e1', all(9), 'agree'), review('e2', all(6), 'agree'), review('e3', { ...all(3), demand: null }, 'disagree')], C);
    expect(agg.reviewCount).toBe(3);
    expect(agg.weightedMean).toBeCloseTo(6, 10);
    expect(agg.criterionMeans).toEqual({ strategy: 6, generality: 6, suitability: 6, demand: 7.5 });
    expect(agg.opinions).toEqual({ agree: 2, disagree: 1, undecided: 0 });
    expect(agg.agreeShare).toBeCloseTo(2 / 3, 10);
    expect(agg.disagreement).toBe(true);
    expect(agg.proposal).toBe('selected');
  });

  it.each<[ReviewOpinion[], boolean, 'selected' | 'not_selected' | null]>([
    [['agree', 'agree', 'agree'], false, 'selected'],
    [['agree', 'agree', 'undecided'], false, 'selected'],
    [['agree', 'undecided', 'undecided'], false, 'not_selected'],
    [['agree', 'disagree', 'disagree'], true, 'not_selected'],
    [['disagree', 'disagree', 'disagree'], false, 'not_selected'],
    [['agree', 'agree'], false, null],
    [[], false, null],
    [['agree', 'agree', 'agree', 'disagree', 'disagree', 'agree'], true, 'selected'],
  ])('opinions %o → split %s, proposal %s', (opinions, split, proposal) => {
    const agg = aggregateReviews(
      opinions.map((o, i) => review(`e${i}`, all(7), o)),
      C,
    );
    expect(agg.disagreement).toBe(split);
    expect(agg.proposal).toBe(proposal);
  });

  it('a minimum score can be part of the rule', () => {
    expect(proposeDecision({ reviewCount: 3, agreeShare: 1, weightedMean: 5.9 }, { minAgreeShare: 2 / 3, minReviews: 3, minWeightedMean: 6 })).toBe(
      'not_selected',
    );
    expect(proposeDecision({ reviewCount: 3, agreeShare: 1, weightedMean: null }, { minAgreeShare: 2 / 3, minReviews: 3, minWeightedMean: 6 })).toBe(
      'not_selected',
    );
    expect(proposeDecision({ reviewCount: 3, agreeShare: 1, weightedMean: 6 }, { minAgreeShare: 2 / 3, minReviews: 3, minWeightedMean: 6 })).toBe('selected');
  });
});

describe('review schemas', () => {
  it.each([
    [{ scores: { strategy: 11 } }, '评分须为0～10之间的数字'],
    [{ scores: { strategy: -1 } }, '评分须为0～10之间的数字'],
    [{ scores: { strategy: '8' } }, '评分须为0～10之间的数字'],
    [{ scores: { strategy: Number.NaN } }, '评分须为0～10之间的数字'],
    [{ opinion: 'yes' }, '意见须为'],
    [{ comment: 'x'.repeat(2001) }, '不能超过2000字'],
  ])('draft %o is refused with a Chinese message', (input, message) => {
    const r = ReviewDraftSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain(message);
  });

  it('accepts a draft with 不适用 and a submission needs an opinion', () => {
    expect(ReviewDraftSchema.parse({ scores: { strategy: 7.5, demand: null } })).toEqual({
      scores: { strategy: 7.5, demand: null },
      opinion: null,
      comment: '',
    });
    expect(ReviewSubmitSchema.safeParse({ scores: all(5) }).error?.issues[0]?.message).toBe('请选择意见：同意、不同意或待议');
    expect(ReviewSubmitSchema.parse({ scores: all(5), opinion: 'agree', comment: ' 好 ' }).comment).toBe('好');
  });

  it('checks completeness against the criteria', () => {
    expect(reviewCompletenessIssues({ ...all(5), demand: null }, C)).toEqual([]);
    expect(reviewCompletenessIssues({ strategy: 5, bogus: 1 }, C)).toEqual([
      '请为“社会通用性”评分，或选择“不适用”',
      '请为“专业性与适合社会化评价”评分，或选择“不适用”',
      '请为“未来三年评价需求”评分，或选择“不适用”',
      '评审指标“bogus”不存在，请刷新页面后重试',
    ]);
  });

  it('validates criteria and decisions', () => {
    expect(ReviewCriteriaSchema.safeParse(C).success).toBe(true);
    expect(ReviewCriteriaSchema.safeParse([...C, C[0]]).error?.issues[0]?.message).toBe('评审指标编号不能重复');
    expect(ReviewCriteriaSchema.safeParse([{ ...C[0], weight: 0 }]).error?.issues[0]?.message).toBe('权重须大于0');
    expect(CandidateDecisionInputSchema.safeParse({ candidateIds: ['c1'], decision: 'not_selected' }).error?.issues[0]?.message).toBe('决定“不入选”须填写理由');
    expect(CandidateDecisionInputSchema.safeParse({ candidateIds: ['c1', 'c2'], decision: 'selected' }).success).toBe(true);
    expect(CandidateDecisionInputSchema.safeParse({ candidateIds: [], decision: 'selected' }).error?.issues[0]?.message).toBe('请至少选择一个候选职业');
  });
});
