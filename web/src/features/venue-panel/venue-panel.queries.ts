// Query options for one venue's facts, grade, patrols and hazard history.
import { queryOptions } from '@tanstack/react-query';
import { panelApi } from '../panels/panel-api.ts';

export const venueDetailQuery = (id: number, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['venues', 'detail', { id, asOf }],
    queryFn: ({ signal }) => panelApi.venue(id, asOf, signal),
    staleTime: 60_000,
  });
