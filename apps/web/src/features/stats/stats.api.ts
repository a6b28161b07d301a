import { useQuery } from '@tanstack/react-query';
import type { CampaignStatistics } from '@zhengji/domain/stats/stats-view.schemas.ts';
import { api } from '../../lib/api.ts';

export type { CampaignStatistics } from '@zhengji/domain/stats/stats-view.schemas.ts';

/** The campaigns to choose from. */
export const useCampaignOptions = () =>
  useQuery({ queryKey: ['campaigns', 'options'], queryFn: () => api.get<{ id: string; title: string }[]>('/api/campaigns') });
export const useStatistics = (id: string | undefined) =>
  useQuery({ queryKey: ['statistics', id], queryFn: () => api.get<CampaignStatistics>(`/api/campaigns/${id!}/statistics`), enabled: !!id });
