// Query options for the events the wall's ticker starts from (its first paint); the stream
// (live-events.ts) keeps it current after that.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';

export const EVENTS_KEY = ['events'] as const;

export const recentEventsQuery = (limit: number) =>
  queryOptions({
    queryKey: [...EVENTS_KEY, 'recent', { limit }],
    queryFn: ({ signal }) => api.recentEvents(limit, signal),
    // only the first paint; the stream keeps the ticker current after that
    staleTime: Infinity,
    retry: true,
    retryDelay: (attempt) => Math.min(30_000, 1_000 * 2 ** attempt),
  });
