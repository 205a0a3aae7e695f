// Query options for the hazards (the ledger, and a township's overdue hazards: one request when
// the filters are the same), paged by the server's keyset cursor, and the ledger's export link.
import { infiniteQueryOptions } from '@tanstack/react-query';
import { api, type LedgerFilters } from '../../kit/api/api.ts';
import { searchOf } from '../../kit/api/client.ts';
import { keyInputs } from '../../kit/api/query-keys.ts';

const PAGE = 50;

export const HAZARDS_KEY = ['hazards'] as const;

export const hazardsQuery = ({ status, party, overdue, rebound, type, township, asOf }: LedgerFilters) =>
  infiniteQueryOptions({
    queryKey: [...HAZARDS_KEY, 'list', keyInputs({ status, party, overdue, rebound, type, township, asOf })],
    queryFn: ({ signal, pageParam }) =>
      api.hazards({ status, party, overdue, rebound, type, township, asOf, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
  });

/** The CSV export of the ledger with exactly the filters the table shows. */
export const ledgerExportHref = (filters: LedgerFilters) => `/api/export/hazards.csv${searchOf({ ...filters })}`;
