// Query options for township boundaries and counts.
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export const townshipsQuery = () =>
  queryOptions({
    queryKey: ['townships'],
    queryFn: ({ signal }) => api.townships(signal),
    // boundaries change with a re-seed or an import, not minute by minute
    staleTime: 10 * 60_000,
  });
