// Holds the dashboard (or the wall) back until the server has said the city's time zone, then
// makes it the zone every day, preset and shown time of this page follows (the contract's
// process-wide city zone: one page shows one city). A config that cannot be read keeps the
// default zone rather than withholding the page.
import { useQuery } from '@tanstack/react-query';
import { cityTimeZone, isTimeZone, setCityTimeZone } from '@svm/contract/constants';
import { Fragment, type ReactNode } from 'react';
import { configQuery } from '../api/config.queries.ts';

export function CityZoneGate({ children }: { children: ReactNode }) {
  const config = useQuery(configQuery());
  const zone = config.data?.timeZone;
  // idempotent, and done before any child renders a date: children read the zone as they render
  if (zone !== undefined && zone !== cityTimeZone() && isTimeZone(zone)) setCityTimeZone(zone);
  if (config.isPending) return null;
  // keyed by the zone, so a change (after a restart with another CITY_TZ) redraws every date
  return <Fragment key={cityTimeZone()}>{children}</Fragment>;
}
