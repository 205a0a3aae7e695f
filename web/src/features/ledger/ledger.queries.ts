// Query options for the hazard ledger, paged by the server's keyset cursor, and its export link.
import { infiniteQueryOptions } from '@tanstack/react-query';
import { panelApi, searchOf, type LedgerFilters } from '../panels/panel-api.ts';

const PAGE = 50;

export const ledgerQuery = (filters: LedgerFilters) =>
  infiniteQueryOptions({
    queryKey: ['hazards', 'ledger', filters],
    queryFn: ({ signal, pageParam }) => panelApi.hazards({ ...filters, limit: PAGE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 60_000,
  });

/** The CSV export of the ledger with exactly the filters the table shows. */
export const ledgerExportHref = (filters: LedgerFilters) => `/api/export/hazards.csv${searchOf({ ...filters })}`;
