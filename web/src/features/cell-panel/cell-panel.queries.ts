// Query options for one grid cell's recent patrols and overdue venues.
import { queryOptions } from '@tanstack/react-query';
import { panelApi } from '../panels/panel-api.ts';

export const cellDetailQuery = (id: number, asOf: string | undefined) =>
  queryOptions({
    queryKey: ['grid-cells', 'detail', { id, asOf }],
    queryFn: ({ signal }) => panelApi.gridCell(id, asOf, signal),
    staleTime: 60_000,
  });
