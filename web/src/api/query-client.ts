// One QueryClient for the app: retries only what a retry can fix, and no refetch on focus
// (a wall display never has focus; it refreshes on its own schedule).
import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problem.ts';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        // a 4xx will answer the same again; network errors and 5xx may pass
        retry: (failures, error) =>
          !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}
