import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** The one query client of the app: no retry on answers that retrying cannot fix. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => {
        if (error instanceof ApiError && error.status > 0 && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});
