import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateNoticeInput,
  FinalListView,
  NoticeCampaign,
  NoticePeriodView,
  NoticeView,
  ObjectionCommandInput,
  ObjectionDetail,
  ObjectionListItem,
  OccupationHistoryEntry,
  UpdateNoticeInput,
} from '@zhengji/domain/notice/notice.schemas.ts';
import { api, downloadFile } from '../../lib/api.ts';

/** Query keys of the notice feature. */
export const noticeKeys = {
  all: ['notice'] as const,
  campaigns: () => [...noticeKeys.all, 'campaigns'] as const,
  notice: (id: string) => [...noticeKeys.all, 'notice', id] as const,
  objections: (id: string) => [...noticeKeys.all, 'objections', id] as const,
  objection: (id: string) => [...noticeKeys.all, 'objection', id] as const,
  period: (start: string, overrides: string) => [...noticeKeys.all, 'period', start, overrides] as const,
  finalList: (campaignId: string) => [...noticeKeys.all, 'final', campaignId] as const,
  history: (code: string) => [...noticeKeys.all, 'history', code] as const,
};

/** Campaigns that reached the notice step. */
export function useNoticeCampaigns() {
  return useQuery({ queryKey: noticeKeys.campaigns(), queryFn: () => api.get<NoticeCampaign[]>('/api/notice-campaigns') });
}

/** One notice (live list while a draft). */
export function useNotice(id: string | null) {
  return useQuery({ queryKey: noticeKeys.notice(id ?? ''), queryFn: () => api.get<NoticeView>(`/api/notices/${id}`), enabled: Boolean(id) });
}

/** The default period for a start date and corrections. */
export function useNoticePeriod(startDate: string | undefined, overrides: Record<string, string>) {
  const o = JSON.stringify(overrides);
  return useQuery({
    queryKey: noticeKeys.period(startDate ?? '', o),
    queryFn: () => api.get<NoticePeriodView>('/api/notices/period', { startDate, overrides: o }),
    enabled: Boolean(startDate && /^\d{4}-\d{2}-\d{2}$/.test(startDate)),
  });
}

/** The objections of a notice (masked). */
export function useObjections(noticeId: string | null) {
  return useQuery({
    queryKey: noticeKeys.objections(noticeId ?? ''),
    queryFn: () => api.get<ObjectionListItem[]>(`/api/notices/${noticeId}/objections`),
    enabled: Boolean(noticeId),
  });
}

/** One objection with personal data. */
export function useObjection(id: string | null) {
  return useQuery({ queryKey: noticeKeys.objection(id ?? ''), queryFn: () => api.get<ObjectionDetail>(`/api/objections/${id}`), enabled: Boolean(id) });
}

/** The final list of a campaign, when published. */
export function useFinalList(campaignId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.finalList(campaignId ?? ''),
    queryFn: () => api.get<FinalListView>(`/api/campaigns/${campaignId}/final-list`),
    enabled: Boolean(campaignId) && enabled,
  });
}

/** The history of an occupation code. */
export function useOccupationHistory(code: string) {
  return useQuery({
    queryKey: noticeKeys.history(code),
    queryFn: () => api.get<OccupationHistoryEntry[]>(`/api/occupations/${encodeURIComponent(code)}/history`),
    enabled: Boolean(code),
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: noticeKeys.all });
}

/** POST /api/notices. */
export function useCreateNotice() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateNoticeInput) => api.post<NoticeView>('/api/notices', input), onSuccess: invalidate });
}

/** PATCH /api/notices/:id. */
export function useUpdateNotice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateNoticeInput }) => api.patch<NoticeView>(`/api/notices/${id}`, input),
    onSuccess: invalidate,
  });
}

/** POST /api/notices/:id/publish. */
export function usePublishNotice() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api.post<NoticeView>(`/api/notices/${id}/publish`, { version }),
    onSuccess: invalidate,
  });
}

/** POST /api/objections/:id/actions. */
export function useHandleObjection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, command }: { id: string; command: ObjectionCommandInput }) => api.post<ObjectionDetail>(`/api/objections/${id}/actions`, command),
    onSuccess: invalidate,
  });
}

/** POST /api/campaigns/:id/final-list. */
export function usePublishFinalList() {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (campaignId: string) => api.post<FinalListView>(`/api/campaigns/${campaignId}/final-list`, {}), onSuccess: invalidate });
}

/** Downloads the dossier ZIP of a campaign. */
export const downloadDossier = (campaignId: string) => downloadFile(`/api/campaigns/${campaignId}/dossier.zip`, undefined, 'dossier.zip');
