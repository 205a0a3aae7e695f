// The jurisdiction an answer was computed for, so a township or department account's figures are
// labelled as theirs and never mistaken for the city's.
import type { TownshipId } from './ids.ts';
import { type VenueCategory } from './constants.ts';

export type ScopeDto =
  | { kind: 'city' }
  | { kind: 'township'; townshipId: TownshipId }
  | { kind: 'department'; departmentId: number; categories: VenueCategory[] };
