import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PoolView as Pool } from '@zhengji/domain/pool/pool-view.schemas.ts';
import { api, downloadFile } from '../../lib/api.ts';

export type { PoolCandidateView as PoolCandidate, PoolView as Pool } from '@zhengji/domain/pool/pool-view.schemas.ts';

const keys = { pool: (id: string) => ['pool', id] as const, campaigns: ['campaigns', 'options'] as const };

/** The campaigns to choose from. */
export const useCampaignOptions = () =>
  useQuery({ queryKey: keys.campaigns, queryFn: () => api.get<{ id: string; title: string; year: number }[]>('/api/campaigns') });
export const usePool = (id: string | undefined) =>
  useQuery({ queryKey: keys.pool(id ?? ''), queryFn: () => api.get<Pool>(`/api/campaigns/${id!}/pool`), enabled: !!id });

function usePoolMutation<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.pool(id) }) });
}
export const useRefreshPool = (id: string) =>
  usePoolMutation(id, () => api.post<{ candidates: number; overlaps: number }>(`/api/campaigns/${id}/pool/refresh`));
export const useMerge = (id: string) =>
  usePoolMutation(id, (input: { intoId: string; fromIds: string[] }) => api.post(`/api/campaigns/${id}/pool/merge`, input));
export const useSplit = (id: string) => usePoolMutation(id, (candidateId: string) => api.post(`/api/campaigns/${id}/pool/split`, { candidateId }));
export const useConfirmOverlap = (id: string) =>
  usePoolMutation(id, (occupationCode: string) => api.post(`/api/campaigns/${id}/pool/confirm-overlap`, { occupationCode }));
/** Downloads the pool as Excel. */
export const exportPool = (id: string) => downloadFile(`/api/campaigns/${id}/pool.xlsx`, undefined, '候选职业库.xlsx');
