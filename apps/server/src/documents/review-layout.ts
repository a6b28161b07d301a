import { REVIEW_OPINION_LABELS, type ReviewCriterion, type ReviewOpinion } from '@zhengji/domain';

/** Titles and texts of the review documents. */
export const SCORE_SHEET_TITLE = '专家评审表';
export const SUMMARY_TITLE = '评审结果汇总表';
export const SCORE_SHEET_PLEDGE =
  '本人承诺：已按照评审指标独立、客观、公正地评审上述候选职业（工种），与所评候选职业的推荐单位无利害关系，评审过程中知悉的信息不对外泄露。';
export const SIGNATURE_LINE = '专家签名：＿＿＿＿＿＿＿＿＿＿　　　　日期：　　　　年　　月　　日';

/** One candidate row of an expert's score sheet. */
export interface ScoreSheetRow {
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  scores: Readonly<Record<string, number | null>> | null;
  weightedScore: number | null;
  opinion: ReviewOpinion | null;
  comment: string;
  submitted: boolean;
}

/** What an expert's score sheet shows. */
export interface ScoreSheetData {
  campaignTitle: string;
  expertName: string;
  organization: string;
  title: string;
  criteria: readonly ReviewCriterion[];
  rows: readonly ScoreSheetRow[];
  printedAt: string;
}

/** One candidate row of the summary. */
export interface SummaryRow {
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  units: string;
  assigned: number;
  submitted: number;
  weightedMean: number | null;
  opinions: Record<ReviewOpinion, number>;
  agreeShare: number;
  disagreement: boolean;
  proposal: string;
  decision: string;
  reason: string;
}

/** What the score summary shows. */
export interface SummaryData {
  campaignTitle: string;
  criteria: readonly ReviewCriterion[];
  rows: readonly SummaryRow[];
  printedAt: string;
}

/** A score as printed: one decimal, 不适用 for null, blank when not scored. */
export function scoreText(score: number | null | undefined): string {
  if (score === undefined) return '';
  if (score === null) return '不适用';
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}

/** A mean as printed with two decimals, — when none. */
export function meanText(mean: number | null): string {
  return mean === null ? '—' : mean.toFixed(2);
}

/** The header cells of a score sheet. */
export function scoreSheetHeader(criteria: readonly ReviewCriterion[]): string[] {
  return ['序号', '职业编码', '职业（工种）', ...criteria.map((c) => `${c.name}（权重${String(c.weight)}）`), '加权得分', '意见', '评审意见'];
}

/** The cells of one row of a score sheet. */
export function scoreSheetCells(row: ScoreSheetRow, index: number, criteria: readonly ReviewCriterion[]): string[] {
  const name = row.jobTypeName ? `${row.occupationName}（${row.jobTypeName}）` : row.occupationName;
  return [
    String(index + 1),
    row.occupationCode,
    row.submitted ? name : `${name}\n（未提交）`,
    ...criteria.map((c) => scoreText(row.scores ? row.scores[c.id] : undefined)),
    meanText(row.weightedScore),
    row.opinion ? REVIEW_OPINION_LABELS[row.opinion] : '',
    row.comment,
  ];
}

/** The header cells of the summary. */
export const SUMMARY_HEADER = [
  '序号',
  '职业编码',
  '职业',
  '工种',
  '推荐单位（优先级）',
  '评审人数',
  '加权均分',
  '同意',
  '不同意',
  '待议',
  '同意比例',
  '意见分歧',
  '规则建议',
  '决定',
  '理由',
];

/** The cells of one row of the summary. */
export function summaryCells(row: SummaryRow, index: number): (string | number)[] {
  return [
    index + 1,
    row.occupationCode,
    row.occupationName,
    row.jobTypeName,
    row.units,
    `${String(row.submitted)}/${String(row.assigned)}`,
    meanText(row.weightedMean),
    row.opinions.agree,
    row.opinions.disagree,
    row.opinions.undecided,
    row.submitted === 0 ? '—' : `${(row.agreeShare * 100).toFixed(0)}%`,
    row.disagreement ? '有' : '',
    row.proposal,
    row.decision,
    row.reason,
  ];
}
