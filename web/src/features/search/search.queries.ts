// Query options for the venue search box (name or address, ten matches).
import { queryOptions } from '@tanstack/react-query';
import { panelApi } from '../panels/panel-api.ts';

export const venueSearchQuery = (q: string, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['venues', 'search', { q, asOf, limit: 10 }],
    queryFn: ({ signal }) => panelApi.searchVenues(q, asOf, signal),
    enabled: q.length > 0,
    staleTime: 60_000,
  });
