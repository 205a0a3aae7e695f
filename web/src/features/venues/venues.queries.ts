// Query options for one venue's facts, grade, patrols and hazard history, and for the venue
// search box (name or address, ten matches).
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const VENUES_KEY = ['venues'] as const;

export const venueDetailQuery = (id: number, asOf: string | undefined) =>
  queryOptions({
    queryKey: [...VENUES_KEY, 'detail', id, keyInputs({ asOf })],
    queryFn: ({ signal }) => api.venue(id, asOf, signal),
    staleTime: 60_000,
  });

export const venueSearchQuery = (q: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: [...VENUES_KEY, 'search', keyInputs({ q, asOf })],
    queryFn: ({ signal }) => api.searchVenues(q, asOf, signal),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
