import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CandidateDecision, ReviewOpinion } from '@zhengji/domain';
import type {
  AssignmentCreated,
  AssignmentRemoved,
  AutoAssignResult,
  DecisionsResult,
  ExpertImportResult,
  ExpertSaved,
  MyReviews,
  PanelDrawResult,
  RemindResult,
  Review,
  ReviewBoard,
  ReviewCampaign,
  ReviewCandidate,
  ReviewResults,
  ReviewRound,
} from '@zhengji/domain/review/review-view.schemas.ts';
import type { Expert, ExpertInput, LinkableAccount } from '@zhengji/domain/review/review.panel.ts';
import { api, ApiError } from '../../lib/api.ts';

export type {
  BoardAssignment,
  BoardCandidate,
  MyReviews,
  PanelMember,
  ResultItem,
  Review,
  ReviewBoard,
  ReviewCampaign,
  ReviewCandidate,
  ReviewResults,
  ReviewRound,
} from '@zhengji/domain/review/review-view.schemas.ts';

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
  return useQuery({
    queryKey: reviewKeys.board(campaignId ?? ''),
    queryFn: () => api.get<ReviewBoard>(`/api/campaigns/${campaignId}/review`),
    enabled: !!campaignId,
  });
}

/** The expert's worklist. */
export function useMyReviews(campaignId: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.my(campaignId ?? ''),
    queryFn: () => api.get<MyReviews>(`/api/campaigns/${campaignId}/review/my`),
    enabled: !!campaignId,
  });
}

/** One candidate to review. */
export function useReviewCandidate(candidateId: string | undefined) {
  return useQuery({
    queryKey: reviewKeys.candidate(candidateId ?? ''),
    queryFn: () => api.get<ReviewCandidate>(`/api/review/candidates/${candidateId}`),
    enabled: !!candidateId,
    retry: (n, e) => !(e instanceof ApiError && e.status < 500) && n < 2,
  });
}

/** The aggregation with the threshold's proposals. */
export function useReviewResults(campaignId: string | undefined, threshold: { minAgreeShare: number; minReviews: number }) {
  return useQuery({
    queryKey: reviewKeys.results(campaignId ?? '', threshold),
    queryFn: () => api.get<ReviewResults>(`/api/campaigns/${campaignId}/review/results`, threshold),
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
    id ? api.put<ExpertSaved>(`/api/experts/${id}`, input) : api.post<ExpertSaved>('/api/experts', input),
  linkAccount: ({ expertId, userId }: { expertId: string; userId: string }) => api.put<Expert>(`/api/experts/${expertId}/account`, { userId }),
  setPanel: ({ campaignId, expertId, available, cap }: { campaignId: string; expertId: string; available: boolean; cap: number }) =>
    api.put(`/api/campaigns/${campaignId}/review/panel/${expertId}`, { available, cap }),
  draw: ({ campaignId, panelSize, seed }: { campaignId: string; panelSize: number; seed?: number }) =>
    api.post<PanelDrawResult>(`/api/campaigns/${campaignId}/review/draw`, { panelSize, seed }),
  autoAssign: ({ campaignId, seed }: { campaignId: string; seed?: number }) =>
    api.post<AutoAssignResult>(`/api/campaigns/${campaignId}/review/auto-assign`, seed === undefined ? {} : { seed }),
  assign: ({ campaignId, candidateId, expertId }: { campaignId: string; candidateId: string; expertId: string }) =>
    api.post<AssignmentCreated>(`/api/campaigns/${campaignId}/review/assignments`, { candidateId, expertId }),
  remove: (assignmentId: string) => api.delete<AssignmentRemoved>(`/api/review/assignments/${assignmentId}`),
  reassign: ({ assignmentId, expertId }: { assignmentId: string; expertId: string }) =>
    api.post<AssignmentCreated>(`/api/review/assignments/${assignmentId}/reassign`, { expertId }),
  round: ({ campaignId, deadline }: { campaignId: string; deadline: string | null }) =>
    api.put<ReviewRound>(`/api/campaigns/${campaignId}/review/round`, { deadline }),
  closeRound: ({ campaignId, close }: { campaignId: string; close: boolean }) =>
    api.post<ReviewRound>(`/api/campaigns/${campaignId}/review/round/${close ? 'close' : 'reopen'}`),
  remind: (campaignId: string) => api.post<RemindResult>(`/api/campaigns/${campaignId}/review/remind`),
  saveReview: ({
    candidateId,
    body,
    submit,
  }: {
    candidateId: string;
    body: { scores: Record<string, number | null>; opinion: ReviewOpinion | null; comment: string };
    submit: boolean;
  }) =>
    submit
      ? api.post<Review>(`/api/review/candidates/${candidateId}/review/submit`, body)
      : api.put<Review>(`/api/review/candidates/${candidateId}/review`, body),
  reopen: (reviewId: string) => api.post<Review>(`/api/review/reviews/${reviewId}/reopen`),
  decide: ({
    campaignId,
    candidates,
    decision,
    reason,
  }: {
    campaignId: string;
    candidates: { id: string; version: number }[];
    decision: CandidateDecision;
    reason: string;
  }) => api.post<DecisionsResult>(`/api/campaigns/${campaignId}/review/decisions`, { candidates, decision, reason }),
};

/** Uploads an expert list (multipart) and returns the server's answer or throws its Chinese error. */
export async function uploadExpertList(file: File): Promise<ExpertImportResult> {
  const form = new FormData();
  form.append('file', file);
  const csrf = /(?:^|; )zj_csrf=([^;]+)/.exec(document.cookie)?.[1];
  const res = await fetch('/api/experts/import', {
    method: 'POST',
    body: form,
    credentials: 'same-origin',
    headers: csrf ? { 'x-csrf-token': decodeURIComponent(csrf) } : {},
  });
  const body = (await res.json()) as { message?: string; code?: string };
  if (!res.ok) throw new ApiError(res.status, body.code ?? 'HTTP', body.message ?? '导入失败');
  return body as ExpertImportResult;
}
