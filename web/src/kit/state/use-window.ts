// The API's time window from the URL view state: from/to days and asOf as the end of its day.
import { useMemo } from 'react';
import { apiAsOf, useViewState } from './view-state.ts';
import type { WindowParams } from '../api/api.ts';

export function useWindowParams(): WindowParams {
  const [state] = useViewState();
  const { from, to, asOf } = state;
  return useMemo(() => ({ from: from ?? undefined, to: to ?? undefined, asOf: apiAsOf(asOf) }), [from, to, asOf]);
}
