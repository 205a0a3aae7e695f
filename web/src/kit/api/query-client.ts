// One QueryClient for the app: retries only what a retry can fix, and no refetch on focus
// (a wall display never has focus; it refreshes on its own schedule).
import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problem.ts';

/**
 * How long the wall display keeps data no stop shows any more (the library's default is 5 min).
 * Its tour comes back to a place only after every other stop, by when new events have made that
 * place's figures and heatmap stale anyway; keeping them would only hold a dozen places' data in
 * memory, more or less of it as the tour goes round.
 */
export const WALL_GC_TIME_MS = 20_000;

export function createQueryClient(options: { gcTime?: number } = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        ...(options.gcTime === undefined ? {} : { gcTime: options.gcTime }),
        refetchOnWindowFocus: false,
        // a 4xx will answer the same again; network errors and 5xx may pass
        retry: (failures, error) =>
          !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
}
