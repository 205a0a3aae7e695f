// Query options for the townships: outlines, label points and KPIs over a time window (the map
// and the township list share one request while the window is the default).
import { queryOptions } from '@tanstack/react-query';
import { api, NO_WINDOW, type WindowParams } from '../../kit/api/api.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

export const TOWNSHIPS_KEY = ['townships'] as const;

export const townshipsQuery = ({ asOf, from, to }: WindowParams = NO_WINDOW) =>
  queryOptions({
    queryKey: [...TOWNSHIPS_KEY, keyInputs({ asOf, from, to })],
    queryFn: ({ signal }) => api.townships({ asOf, from, to }, signal),
    // the KPIs move within minutes; the outlines only with a re-seed or an import
    staleTime: 60_000,
  });
