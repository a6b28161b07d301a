import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Unit, UnitInput } from '@zhengji/domain';
import { api } from '../../lib/api.ts';

/** Query keys of the unit feature. */
export const unitKeys = {
  all: ['units'] as const,
  list: () => [...unitKeys.all, 'list'] as const,
};

/** GET /api/units: every recommending unit. */
export const fetchUnits = () => api.get<Unit[]>('/api/units');

/** The recommending units. */
export function useUnits() {
  return useQuery({ queryKey: unitKeys.list(), queryFn: fetchUnits });
}

/** POST /api/units. */
export function useCreateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UnitInput) => api.post<Unit>('/api/units', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}

/** PATCH /api/units/:id. */
export function useUpdateUnit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UnitInput }) => api.patch<Unit>(`/api/units/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
