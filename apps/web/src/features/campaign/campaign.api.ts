import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignAction, Unit } from '@zhengji/domain';
import type { CampaignViewJson as Campaign, LateExceptionViewJson as LateException, RosterJson } from '@zhengji/domain/campaign/campaign-view.schemas.ts';
import type { OutboxPageJson } from '@zhengji/domain/notification/notification.schemas.ts';
import { api, type QueryParams } from '../../lib/api.ts';

export type {
  CampaignViewJson as Campaign,
  RosterEntryJson as RosterEntry,
  LateExceptionViewJson as LateException,
} from '@zhengji/domain/campaign/campaign-view.schemas.ts';
export type { OutboxMailJson as OutboxMail } from '@zhengji/domain/notification/notification.schemas.ts';

/** The editable notice fields. */
export type CampaignFields = Omit<
  Campaign,
  'id' | 'deadlineLabel' | 'status' | 'shownStatus' | 'version' | 'rosterSize' | 'allowedActions' | 'abilities' | 'opensAt' | 'updatedAt'
> & { opensAt?: string | null };

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: () => [...campaignKeys.all, 'list'] as const,
  one: (id: string) => [...campaignKeys.all, id] as const,
  roster: (id: string, q: QueryParams) => [...campaignKeys.all, id, 'roster', q] as const,
  late: (id: string) => [...campaignKeys.all, id, 'late'] as const,
  outbox: (q: QueryParams) => ['outbox', q] as const,
  units: ['units', 'list'] as const,
};

export const useCampaigns = () => useQuery({ queryKey: campaignKeys.list(), queryFn: () => api.get<Campaign[]>('/api/campaigns') });
export const useCampaign = (id: string | undefined) =>
  useQuery({ queryKey: campaignKeys.one(id ?? ''), queryFn: () => api.get<Campaign>(`/api/campaigns/${id!}`), enabled: !!id });
export const useRoster = (id: string, q: QueryParams) =>
  useQuery({ queryKey: campaignKeys.roster(id, q), queryFn: () => api.get<RosterJson>(`/api/campaigns/${id}/roster`, q), refetchInterval: 30_000 });
export const useLateExceptions = (id: string) =>
  useQuery({ queryKey: campaignKeys.late(id), queryFn: () => api.get<LateException[]>(`/api/campaigns/${id}/late-exceptions`) });
export const useAllUnits = () => useQuery({ queryKey: campaignKeys.units, queryFn: () => api.get<Unit[]>('/api/units') });
export const useOutbox = (q: QueryParams) =>
  useQuery({ queryKey: campaignKeys.outbox(q), queryFn: () => api.get<OutboxPageJson>('/api/outbox', q), refetchInterval: 15_000 });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>, keys: readonly unknown[] = campaignKeys.all) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys }) });
}
export const useCreateCampaign = () => useInvalidating((input: CampaignFields) => api.post<Campaign>('/api/campaigns', input));
export const useUpdateCampaign = (id: string) =>
  useInvalidating((input: CampaignFields & { version: number; confirmPastDeadline?: boolean }) => api.put<Campaign>(`/api/campaigns/${id}`, input));
export const useTransition = (id: string) =>
  useInvalidating((input: { action: CampaignAction; version: number }) => api.post<Campaign>(`/api/campaigns/${id}/transitions`, input));
export const useSetRoster = (id: string) => useInvalidating((unitIds: string[]) => api.put<{ unitIds: string[] }>(`/api/campaigns/${id}/roster`, { unitIds }));
export const useGrantLate = (id: string) =>
  useInvalidating((input: { unitId: string; reason: string; until: string }) => api.post(`/api/campaigns/${id}/late-exceptions`, input));
export const useSendReminders = (id: string) => useInvalidating(() => api.post<{ sent: number }>(`/api/campaigns/${id}/reminders`), ['outbox']);
export const useRetryMail = () => useInvalidating((mailId: string) => api.post(`/api/outbox/${mailId}/retry`), ['outbox']);
