// Query options for grid cells with their patrol status (the whole city or one township's), and
// for one cell's recent patrols and overdue venues, as of a moment.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const GRID_CELLS_KEY = ['grid-cells'] as const;

export const gridCellsQuery = (query: { township?: number | null | undefined; asOf?: string | undefined } = {}) =>
  queryOptions({
    queryKey: [...GRID_CELLS_KEY, 'list', keyInputs({ township: query.township, asOf: query.asOf })],
    queryFn: ({ signal }) => api.gridCells({ township: query.township ?? undefined, asOf: query.asOf }, signal),
    staleTime: 60_000,
  });

export const cellDetailQuery = (id: number, asOf: string | undefined) =>
  queryOptions({
    queryKey: [...GRID_CELLS_KEY, 'detail', id, keyInputs({ asOf })],
    queryFn: ({ signal }) => api.gridCell(id, asOf, signal),
    staleTime: 60_000,
  });
