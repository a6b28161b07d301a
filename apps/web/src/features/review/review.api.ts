import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CandidateDecision, ReviewCriterion, ReviewOpinion } from '@zhengji/domain';
import type { Expert, ExpertInput, LinkableAccount } from '@zhengji/domain/review/review.panel.ts';
import { api, ApiError } from '../../lib/api.ts';

/** A campaign selectable in the expert evaluation. */
export interface ReviewCampaign {
  id: string;
  title: string;
  year: number;
  status: string;
  reviewersPerCandidate: number;
}

/** The round of a campaign as the server shows it. */
export interface ReviewRound {
  criteria: ReviewCriterion[];
  deadline: string | null;
  closedAt: string | null;
  closed: boolean;
  drawSeed: string | null;
  assignmentSeed: string | null;
}

/** A member of the panel with availability, cap, drawn flag and load. */
export type PanelMember = Expert & { available: boolean; cap: number; drawn: boolean; load: number; inPanel: boolean };

/** One reviewer of a candidate on the board. */
export interface BoardAssignment {
  id: string;
  expertId: string;
  expertName: string;
  status: 'active' | 'removed';
  source: 'auto' | 'manual';
  conflictFlag: boolean;
  reviewStatus: 'draft' | 'submitted' | null;
}

/** One candidate of the board. */
export interface BoardCandidate {
  id: string;
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  industries: string[];
  status: string;
  units: { unitId: string; unitName: string; priority: number }[];
  assignments: BoardAssignment[];
}

/** The center's board of a review round. */
export interface ReviewBoard {
  campaign: ReviewCampaign & { industryTags: string[] };
  round: ReviewRound;
  /** What the board may do now, with the server's reason when it cannot (e.g. the call is still open). */
  actions: Record<'assign' | 'draw' | 'autoAssign', { allowed: boolean; reason: string | null }>;
  panel: PanelMember[];
  candidates: BoardCandidate[];
}

/** A review as the server shows it. */
export interface Review {
  id: string;
  scores: Record<string, number | null>;
  opinion: ReviewOpinion | null;
  comment: string;
  status: 'draft' | 'submitted';
  version: number;
  updatedAt: string;
}

/** The expert's worklist. */
export interface MyReviews {
  campaign: { id: string; title: string };
  expert: { id: string; name: string };
  round: ReviewRound;
  /** `conflicted`: the assignment became 回避 (the expert's unit recommended it); it cannot be opened and does not count. */
  items: { candidateId: string; occupationCode: string; occupationName: string; jobTypeName: string; industries: string[]; reviewStatus: 'draft' | 'submitted' | null; opinion: ReviewOpinion | null; conflicted: boolean }[];
  progress: { total: number; submitted: number; drafts: number; conflicted: number };
  /** Why conflicted items cannot be opened (Chinese, from the server), or null. */
  conflictReason: string | null;
}

/** A candidate to review with what the units wrote and the reference data. */
export interface ReviewCandidate {
  candidate: {
    id: string;
    campaignId: string;
    occupationCode: string;
    occupationName: string;
    jobTypeName: string;
    standardName: string;
    standardVersion: string;
    industries: string[];
    inShortageCatalog: boolean;
    expectedAssessments: number;
    reasons: string[];
  };
  units: { unitName: string; priority: number; expectedAssessments: number | null; industries: string[]; reason: string }[];
  reference: { name: string; definition: string | null; mainTasks: string[]; standards: { name: string; version: string | null }[] } | null;
  round: ReviewRound;
  myReview: Review | null;
  otherReviews: (Review & { expertName: string; weightedScore: number | null })[];
  abilities: Record<string, boolean>;
}

/** One row of the aggregation. */
export interface ResultItem {
  id: string;
  version: number;
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  industries: string[];
  units: { unitName: string; priority: number }[];
  status: 'candidate' | 'selected' | 'not_selected' | 'withdrawn';
  decisionReason: string | null;
  assigned: number;
  submitted: number;
  conflicts: { assignmentId: string; expertName: string; reviewStatus: 'draft' | 'submitted' | null }[];
  removedDrafts: { expertName: string; status: string; opinion: ReviewOpinion | null; comment: string }[];
  reviews: { reviewId: string; expertName: string; status: string; opinion: ReviewOpinion | null; comment: string; weightedScore: number | null }[];
  weightedMean: number | null;
  opinions: Record<ReviewOpinion, number>;
  agreeShare: number;
  disagreement: boolean;
  proposal: CandidateDecision | null;
}

/** Query keys of the review feature. */
export const reviewKeys = {
  all: ['review'] as const,
  campaigns: () => [...reviewKeys.all, 'campaigns'] as const,
  experts: () => [...reviewKeys.all, 'experts'] as const,
  linkableAccounts: () => [...reviewKeys.all, 'linkable-accounts'] as const,
  board: (id: string) => [...reviewKeys.all, 'board', id] as const,
  my: (id: string) => [...reviewKeys.all, 'my', id] as const,
  candidate: (id: string) => [...reviewKeys.all, 'candidate', id] as const,
  results: (id: string, threshold: object) => [...reviewKeys.all, 'results', id, threshold] as const,
};

/** Campaigns of the evaluation; the first is the latest. */
export function useReviewCampaigns() {
  return useQuery({ queryKey: reviewKeys.campaigns(), queryFn: () => api.get<ReviewCampaign[]>('/api/review/campaigns') });
}

/** The expert pool. */
export function useExperts() {
  return useQuery({ queryKey: reviewKeys.experts(), queryFn: () => api.get<Expert[]>('/api/experts') });
}

/** The accounts of role expert not yet linked to an expert of the pool. */
export function useLinkableAccounts(enabled: boolean) {
  return useQuery({ queryKey: reviewKeys.linkableAccounts(), queryFn: () => api.get<LinkableAccount[]>('/api/experts/linkable-accounts'), enabled });
}

/** The center's board of a campaign. */
export function useReviewBoard(campaignId: string | undefined) {
  return useQuery({ queryKey: reviewKeys.board(campaignId ?? ''), queryFn: () => api.get<ReviewBoard>(`/api/campaigns/${campaignId}/review`), enabled: !!campaignId });
}

/** The expert's worklist. */
export function useMyReviews(campaignId: string | undefined) {
  return useQuery({ queryKey: reviewKeys.my(campaignId ?? ''), queryFn: () => api.get<MyReviews>(`/api/campaigns/${campaignId}/review/my`), enabled: !!campaignId });
}

/** One candidate to review. */
export function useReviewCandidate(candidateId: string | undefined) {
  return useQuery({ queryKey: reviewKeys.candidate(candidateId ?? ''), queryFn: () => api.get<ReviewCandidate>(`/api/review/candidates/${candidateId}`), enabled: !!candidateId, retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2 });
}

/** The aggregation with the threshold's proposals. */
export function useReviewResults(campaignId: string | undefined, threshold: { minAgreeShare: number; minReviews: number }) {
  return useQuery({
    queryKey: reviewKeys.results(campaignId ?? '', threshold),
    queryFn: () => api.get<{ round: ReviewRound; items: ResultItem[] }>(`/api/campaigns/${campaignId}/review/results`, threshold),
    enabled: !!campaignId,
  });
}

/** A mutation of the review feature that refreshes every review query afterwards. */
export function useReviewMutation<V, R = unknown>(fn: (v: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => queryClient.invalidateQueries({ queryKey: reviewKeys.all }) });
}

/** Calls of the review feature (used with useReviewMutation). */
export const reviewApi = {
  saveExpert: ({ id, input }: { id: string | null; input: ExpertInput }) =>
    id
      ? api.put<{ expert: Expert; temporaryPassword: string | null; conflictsFlagged?: number }>(`/api/experts/${id}`, input)
      : api.post<{ expert: Expert; temporaryPassword: string | null; conflictsFlagged?: number }>('/api/experts', input),
  linkAccount: ({ expertId, userId }: { expertId: string; userId: string }) => api.put<Expert>(`/api/experts/${expertId}/account`, { userId }),
  setPanel: ({ campaignId, expertId, available, cap }: { campaignId: string; expertId: string; available: boolean; cap: number }) =>
    api.put(`/api/campaigns/${campaignId}/review/panel/${expertId}`, { available, cap }),
  draw: ({ campaignId, panelSize, seed }: { campaignId: string; panelSize: number; seed?: number }) =>
    api.post<{ seed: number; drawn: string[] }>(`/api/campaigns/${campaignId}/review/draw`, { panelSize, seed }),
  autoAssign: ({ campaignId, seed }: { campaignId: string; seed?: number }) =>
    api.post<{ seed: number; created: number; shortfalls: { label: string; reason: string }[]; loadSpread: number }>(`/api/campaigns/${campaignId}/review/auto-assign`, seed === undefined ? {} : { seed }),
  assign: ({ campaignId, candidateId, expertId }: { campaignId: string; candidateId: string; expertId: string }) =>
    api.post(`/api/campaigns/${campaignId}/review/assignments`, { candidateId, expertId }),
  remove: (assignmentId: string) => api.delete<{ keptReview: string | null }>(`/api/review/assignments/${assignmentId}`),
  reassign: ({ assignmentId, expertId }: { assignmentId: string; expertId: string }) => api.post<{ id: string }>(`/api/review/assignments/${assignmentId}/reassign`, { expertId }),
  round: ({ campaignId, deadline }: { campaignId: string; deadline: string | null }) => api.put<ReviewRound>(`/api/campaigns/${campaignId}/review/round`, { deadline }),
  closeRound: ({ campaignId, close }: { campaignId: string; close: boolean }) => api.post<ReviewRound>(`/api/campaigns/${campaignId}/review/round/${close ? 'close' : 'reopen'}`),
  remind: (campaignId: string) => api.post<{ reminded: number }>(`/api/campaigns/${campaignId}/review/remind`),
  saveReview: ({ candidateId, body, submit }: { candidateId: string; body: { scores: Record<string, number | null>; opinion: ReviewOpinion | null; comment: string }; submit: boolean }) =>
    submit ? api.post<Review>(`/api/review/candidates/${candidateId}/review/submit`, body) : api.put<Review>(`/api/review/candidates/${candidateId}/review`, body),
  reopen: (reviewId: string) => api.post<Review>(`/api/review/reviews/${reviewId}/reopen`),
  decide: ({ campaignId, candidates, decision, reason }: { campaignId: string; candidates: { id: string; version: number }[]; decision: CandidateDecision; reason: string }) =>
    api.post<{ decided: number }>(`/api/campaigns/${campaignId}/review/decisions`, { candidates, decision, reason }),
};

/** Uploads an expert list (multipart) and returns the server's answer or throws its Chinese error. */
export async function uploadExpertList(file: File): Promise<{ created: number; accounts: { username: string; temporaryPassword: string }[] }> {
  const form = new FormData();
  form.append('file', file);
  const csrf = /(?:^|; )zj_csrf=([^;]+)/.exec(document.cookie)?.[1];
  const res = await fetch('/api/experts/import', { method: 'POST', body: form, credentials: 'same-origin', headers: csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {} });
  const body = (await res.json()) as { message?: string; code?: string };
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'HTTP', body.message ?? '导入失败');
  return body as { created: number; accounts: { username: string; temporaryPassword: string }[] };
}
