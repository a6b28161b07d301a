import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

interface Count {
  key: string;
  rows: number;
  candidates: number;
  expected: number;
}
/** The statistics of a campaign. */
export interface CampaignStatistics {
  totals: { rosterSize: number; submittedUnits: number; rows: number; candidates: number; expected: number; shortageCandidates: number; shortageRows: number };
  byIndustry: Count[];
  byUnitType: Count[];
  multiUnit: { occupationCode: string; occupationName: string; jobTypeName: string; unitCount: number; expected: number }[];
  progress: { date: string; submitted: number; accepted: number }[];
}

/** The campaigns to choose from. */
export const useCampaignOptions = () => useQuery({ queryKey: ['campaigns', 'options'], queryFn: () => api.get<{ id: string; title: string }[]>('/api/campaigns') });
export const useStatistics = (id: string | undefined) => useQuery({ queryKey: ['statistics', id], queryFn: () => api.get<CampaignStatistics>(`/api/campaigns/${id!}/statistics`), enabled: !!id });
