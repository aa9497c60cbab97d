import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/**
 * The tab's one cache of what the API owns. A module of its own so the router can start a page's data
 * request while the page's code is still loading, into the same cache the page then reads.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 5_000,
      // A 4xx will answer the same again; only network trouble and 5xx are worth retrying.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
    mutations: { retry: false },
  },
});
