import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUserInput, CreateUserResult, Unit, UpdateUserInput, User } from '@zhengji/domain';
import { api } from '../../lib/api.ts';

/** Query keys of the user feature. */
export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  unitOptions: () => [...userKeys.all, 'unit-options'] as const,
};

export type { CreateUserResult } from '@zhengji/domain';

/** GET /api/users. */
export const fetchUsers = () => api.get<User[]>('/api/users');

/** Every account (admin). */
export function useUsers() {
  return useQuery({ queryKey: userKeys.list(), queryFn: fetchUsers });
}

/** The units a unit user can be bound to (GET /api/units), for the binding select. */
export function useUnitOptions() {
  return useQuery({
    queryKey: userKeys.unitOptions(),
    queryFn: () => api.get<Unit[]>('/api/units'),
    select: (units) => units.map((u) => ({ value: u.id, label: u.name })),
  });
}

/** POST /api/users. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<CreateUserResult>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

/** PATCH /api/users/:id (edit, disable/enable, unit binding, force a password change). */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: UpdateUserInput }) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

/** POST /api/users/:id/reset-password: answers the one-time password. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ temporaryPassword: string }>(`/api/users/${encodeURIComponent(id)}/reset-password`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.list() }),
  });
}
