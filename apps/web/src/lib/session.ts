import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Me } from '@zhengji/domain';
import type { MeAbility } from '@zhengji/domain/auth/me-abilities.ts';
import { api, setCsrfToken } from './api.ts';

/** Query key of the logged-in user. */
export const meQueryKey = ['me'] as const;

/** GET /api/me; a 401 is answered by the caller (the auth guard), not by a redirect here. */
export async function fetchMe(): Promise<Me> {
  const me = await api.get<Me>('/api/me', undefined, { redirectOnAuthError: false });
  setCsrfToken(me.csrfToken);
  return me;
}

/** The logged-in user, loaded once and shared by the whole app. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** After a login: the session's CSRF token and user are known, and nothing of an earlier session stays cached. */
export function rememberLogin(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, me);
}

/** Whether the server grants the ability (missing keys mean no). */
export function hasAbility(me: Me | undefined, ability: MeAbility): boolean {
  return me?.abilities[ability] === true;
}
