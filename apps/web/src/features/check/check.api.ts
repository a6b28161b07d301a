import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CheckQueueItemJson as CheckQueueItem, CheckViewJson as CheckView } from '@zhengji/domain/check/check-view.schemas.ts';
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

export type { CheckQueueItemJson as CheckQueueItem, CheckViewJson as CheckView } from '@zhengji/domain/check/check-view.schemas.ts';

export const checkKeys = {
  all: ['checks'] as const,
  queue: (status: string) => ['checks', 'queue', status] as const,
  one: (id: string) => ['checks', id] as const,
};

export const useCheckQueue = (status: string) =>
  useQuery({ queryKey: checkKeys.queue(status), queryFn: () => api.get<CheckQueueItem[]>('/api/checks', { status }) });
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
export const useSaveDecisions = (formId: string) =>
  useCheckMutation(formId, (input: { version: number; decisions: DecisionInput[] }) => api.put<CheckView>(`/api/checks/${formId}/decisions`, input));
export const useAcceptForm = (formId: string) =>
  useCheckMutation(formId, (input: { version: number }) => api.post<CheckView>(`/api/checks/${formId}/accept`, input));
export const useReturnForm = (formId: string) =>
  useCheckMutation(formId, (input: { version: number; reason: string; until: string }) => api.post<CheckView>(`/api/checks/${formId}/return`, input));
