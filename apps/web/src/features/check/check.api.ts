import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Finding, FormRow, FormStatus, ScanMatchKind } from '@zhengji/domain';
import type { CheckFailReason } from '@zhengji/domain/check/check.schemas.ts';

/** One row decision as sent. */
export interface DecisionInput {
  rowIndex: number;
  decision: 'pass' | 'fail';
  reasonCode: CheckFailReason | null;
  reasonText: string;
  overrides: { code: string; reason: string }[];
}
import { api } from '../../lib/api.ts';

/** One form in the material-check queue. */
export interface CheckQueueItem {
  formId: string;
  campaignId: string;
  campaignTitle: string;
  unitName: string;
  unitType: string;
  status: FormStatus;
  versionNumber: number;
  rowCount: number;
  decidedCount: number;
  submittedAt: string | null;
  checkingStartedAt: string | null;
}
/** The check page's data. */
export interface CheckView {
  formId: string;
  campaignTitle: string;
  unitName: string;
  status: FormStatus;
  version: number;
  versionNumber: number;
  verificationCode: string;
  submittedAt: string;
  scanFileId: string | null;
  /** How the scan was matched to the version: QR code read, code typed by the unit (人工核对), or null (before QR codes). */
  scanMatch: ScanMatchKind | null;
  checkingStartedAt: string | null;
  returnReason: string | null;
  header: { contactName: string; contactPhone: string; fillDate: string | null };
  rows: (FormRow & { rowIndex: number; findings: Finding[]; decision: { decision: 'pass' | 'fail'; reasonCode: CheckFailReason | null; reasonText: string; overrides: { code: string; reason: string }[] } | null })[];
  history: { at: string; action: string; actor: string | null; changes: unknown }[];
  abilities: Record<string, boolean>;
}

export const checkKeys = { all: ['checks'] as const, queue: (status: string) => ['checks', 'queue', status] as const, one: (id: string) => ['checks', id] as const };

export const useCheckQueue = (status: string) => useQuery({ queryKey: checkKeys.queue(status), queryFn: () => api.get<CheckQueueItem[]>('/api/checks', { status }) });
/** Reads the check view only: opening the page never starts the check (the unit keeps 撤回 until useStartCheck). */
export const useCheck = (formId: string) => useQuery({ queryKey: checkKeys.one(formId), queryFn: () => api.get<CheckView>(`/api/checks/${formId}`) });

function useCheckMutation<I>(formId: string, fn: (input: I) => Promise<CheckView>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      qc.setQueryData(checkKeys.one(formId), view);
      void qc.invalidateQueries({ queryKey: ['checks', 'queue'] });
    },
  });
}
/** 开始核验: from then on the unit can no longer withdraw the form. */
export const useStartCheck = (formId: string) => useCheckMutation<void>(formId, () => api.post<CheckView>(`/api/checks/${formId}/start`));
export const useSaveDecisions = (formId: string) => useCheckMutation(formId, (input: { version: number; decisions: DecisionInput[] }) => api.put<CheckView>(`/api/checks/${formId}/decisions`, input));
export const useAcceptForm = (formId: string) => useCheckMutation(formId, (input: { version: number }) => api.post<CheckView>(`/api/checks/${formId}/accept`, input));
export const useReturnForm = (formId: string) => useCheckMutation(formId, (input: { version: number; reason: string; until: string }) => api.post<CheckView>(`/api/checks/${formId}/return`, input));
