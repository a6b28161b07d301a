import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CampaignAction, CampaignPolicyAction, CampaignStatus, Unit } from '@zhengji/domain';
import type { RosterState } from '@zhengji/domain/campaign/campaign.schemas.ts';
import { api, type QueryParams } from '../../lib/api.ts';

/** A campaign as GET /api/campaigns/:id answers it. */
export interface Campaign {
  id: string;
  year: number;
  title: string;
  docNo: string;
  issuer: string;
  issueDate: string;
  opensAt: string | null;
  deadline: string;
  deadlineLabel: string;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  conditionsText: string;
  workflowText: string;
  requirementsText: string;
  instructions: string[];
  industryTags: string[];
  referenceVersions: Record<string, string>;
  status: CampaignStatus;
  shownStatus: CampaignStatus;
  version: number;
  rosterSize: number;
  allowedActions: CampaignAction[];
  abilities: Record<CampaignPolicyAction, boolean>;
}
/** The editable notice fields. */
export type CampaignFields = Omit<Campaign, 'id' | 'deadlineLabel' | 'status' | 'shownStatus' | 'version' | 'rosterSize' | 'allowedActions' | 'abilities' | 'opensAt'> & { opensAt?: string | null };

/** One expected unit on the roster board. */
export interface RosterEntry {
  unitId: string;
  unitName: string;
  unitType: 'district' | 'industry';
  state: RosterState;
  formId: string | null;
  lastActivityAt: string | null;
  submittedAt: string | null;
  contactName: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  rowCount: number;
  errorCount: number;
  lateExceptionUntil: string | null;
  /** Neither the unit nor any of its users has an e-mail address. */
  noEmail: boolean;
}
/** A late exception. */
export interface LateException {
  id: string;
  unitId: string;
  unitName: string;
  reason: string;
  until: string;
  grantedBy: string | null;
  grantedAt: string;
}
/** An outbox mail. */
export interface OutboxMail {
  id: string;
  dedupeKey: string | null;
  to: string;
  subject: string;
  status: 'pending' | 'sending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
}

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
export const useCampaign = (id: string | undefined) => useQuery({ queryKey: campaignKeys.one(id ?? ''), queryFn: () => api.get<Campaign>(`/api/campaigns/${id!}`), enabled: !!id });
export const useRoster = (id: string, q: QueryParams) =>
  useQuery({ queryKey: campaignKeys.roster(id, q), queryFn: () => api.get<{ entries: RosterEntry[]; counts: Record<RosterState, number>; total: number }>(`/api/campaigns/${id}/roster`, q), refetchInterval: 30_000 });
export const useLateExceptions = (id: string) => useQuery({ queryKey: campaignKeys.late(id), queryFn: () => api.get<LateException[]>(`/api/campaigns/${id}/late-exceptions`) });
export const useAllUnits = () => useQuery({ queryKey: campaignKeys.units, queryFn: () => api.get<Unit[]>('/api/units') });
export const useOutbox = (q: QueryParams) =>
  useQuery({ queryKey: campaignKeys.outbox(q), queryFn: () => api.get<{ items: OutboxMail[]; total: number; counts: Record<string, number> }>('/api/outbox', q), refetchInterval: 15_000 });

function useInvalidating<I, O>(fn: (input: I) => Promise<O>, keys: readonly unknown[] = campaignKeys.all) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys }) });
}
export const useCreateCampaign = () => useInvalidating((input: CampaignFields) => api.post<Campaign>('/api/campaigns', input));
export const useUpdateCampaign = (id: string) => useInvalidating((input: CampaignFields & { version: number; confirmPastDeadline?: boolean }) => api.put<Campaign>(`/api/campaigns/${id}`, input));
export const useTransition = (id: string) => useInvalidating((input: { action: CampaignAction; version: number }) => api.post<Campaign>(`/api/campaigns/${id}/transitions`, input));
export const useSetRoster = (id: string) => useInvalidating((unitIds: string[]) => api.put<{ unitIds: string[] }>(`/api/campaigns/${id}/roster`, { unitIds }));
export const useGrantLate = (id: string) => useInvalidating((input: { unitId: string; reason: string; until: string }) => api.post(`/api/campaigns/${id}/late-exceptions`, input));
export const useSendReminders = (id: string) => useInvalidating(() => api.post<{ sent: number }>(`/api/campaigns/${id}/reminders`), ['outbox']);
export const useRetryMail = () => useInvalidating((mailId: string) => api.post(`/api/outbox/${mailId}/retry`), ['outbox']);
