// Query options for the deployment's settings (GET /api/config): the basemap style URL and the
// city's time zone, read once before the dashboard or the wall draws.
import { queryOptions } from '@tanstack/react-query';
import { api } from './api.ts';

export const configQuery = () =>
  queryOptions({
    queryKey: ['config'],
    queryFn: ({ signal }) => api.config(signal),
    // set at the server's start; a restart with another value is picked up on the next page load
    staleTime: Infinity,
    retry: 1,
  });
