import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadFile } from '../../lib/api.ts';

/** A candidate of the pool. */
export interface PoolCandidate {
  id: string;
  occupationCode: string;
  occupationName: string;
  jobTypeName: string;
  standardName: string;
  industries: string[];
  inShortageCatalog: boolean;
  expectedAssessments: number;
  reasons: string[];
  units: { unitId: string; unitName: string; priority: number }[];
  sources: { formId: string; versionNumber: number; rowIndex: number; unitName: string; priority: number; occupationCode: string; jobTypeName: string; expectedAssessments: number; reason: string }[];
  overlapFlag: boolean;
  overlapResolved: boolean;
  mergedIntoId: string | null;
  status: string;
}
/** The pool of a campaign. */
export interface Pool {
  candidates: PoolCandidate[];
  merged: PoolCandidate[];
  openOverlaps: string[];
}

const keys = { pool: (id: string) => ['pool', id] as const, campaigns: ['campaigns', 'options'] as const };

/** The campaigns to choose from. */
export const useCampaignOptions = () => useQuery({ queryKey: keys.campaigns, queryFn: () => api.get<{ id: string; title: string; year: number }[]>('/api/campaigns') });
export const usePool = (id: string | undefined) => useQuery({ queryKey: keys.pool(id ?? ''), queryFn: () => api.get<Pool>(`/api/campaigns/${id!}/pool`), enabled: !!id });

function usePoolMutation<I, O>(id: string, fn: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: keys.pool(id) }) });
}
export const useRefreshPool = (id: string) => usePoolMutation(id, () => api.post<{ candidates: number; overlaps: number }>(`/api/campaigns/${id}/pool/refresh`));
export const useMerge = (id: string) => usePoolMutation(id, (input: { intoId: string; fromIds: string[] }) => api.post(`/api/campaigns/${id}/pool/merge`, input));
export const useSplit = (id: string) => usePoolMutation(id, (candidateId: string) => api.post(`/api/campaigns/${id}/pool/split`, { candidateId }));
export const useConfirmOverlap = (id: string) => usePoolMutation(id, (occupationCode: string) => api.post(`/api/campaigns/${id}/pool/confirm-overlap`, { occupationCode }));
/** Downloads the pool as Excel. */
export const exportPool = (id: string) => downloadFile(`/api/campaigns/${id}/pool.xlsx`, undefined, '候选职业库.xlsx');
