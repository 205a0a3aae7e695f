// Named queries over the venue register as of a moment: a filtered keyset page of active venues
// (also paged through by the exports) and one venue with its grade, patrols and hazards.
import { sql, type Queryable } from '@svm/db';
import type { RiskLevel, VenueCategory } from '@svm/contract';
import { venueInScope, type ReadScope } from '../../auth/scope.queries.ts';

export interface VenueFilter {
  asOf: Date;
  bbox: readonly [number, number, number, number] | null;
  townshipId: number | null;
  risk: RiskLevel | null;
  category: VenueCategory | null;
  overdue: boolean | null;
  misgraded: boolean | null;
  registration: 'registered' | 'found_unregistered' | null;
  q: string | null;
}

export interface VenueRow {
  id: number;
  external_id: string | null;
  name: string;
  address: string;
  category: VenueCategory;
  risk_level: RiskLevel;
  computed_level: RiskLevel;
  score: number;
  misgraded: boolean;
  registration: 'registered' | 'found_unregistered';
  township_id: number | null;
  grid_cell_id: number | null;
  registered_at: Date;
  last_patrol_at: Date | null;
  overdue: boolean;
  lon: number;
  lat: number;
}

/** Active venues in the scope as of a moment matching the filter, ordered by id, after `afterId`, at most `limit`. */
export async function venuesPage(
  db: Queryable,
  scope: ReadScope,
  f: VenueFilter,
  afterId: number | null,
  limit: number,
): Promise<VenueRow[]> {
  const [x0, y0, x1, y1] = f.bbox ?? [null, null, null, null];
  return db.query<VenueRow>(sql`
    SELECT v.id, v.external_id, v.name, v.address, v.category::text AS category, v.risk_level::text AS risk_level,
           g.computed_level::text AS computed_level, g.score,
           -- enum order is high < medium < low: an assigned level lower than computed sorts after it
           v.risk_level > g.computed_level AS misgraded,
           v.registration::text AS registration, v.township_id, v.grid_cell_id, v.registered_at,
           s.last_patrol_at, s.overdue, ST_X(v.geom) AS lon, ST_Y(v.geom) AS lat
      FROM venue_patrol_status(${f.asOf}::timestamptz) s
      JOIN venues v ON v.id = s.venue_id
      JOIN venue_grades(${f.asOf}::timestamptz) g ON g.venue_id = v.id
     WHERE ${venueInScope(scope)}
       AND (${afterId}::int IS NULL OR v.id > ${afterId}::int)
       AND (${x0}::float8 IS NULL
            OR v.geom && ST_MakeEnvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8, 4326))
       AND (${f.townshipId}::int IS NULL OR v.township_id = ${f.townshipId}::int)
       AND (${f.risk}::text IS NULL OR v.risk_level = ${f.risk}::risk_level)
       AND (${f.category}::text IS NULL OR v.category = ${f.category}::venue_category)
       AND (${f.overdue}::boolean IS NULL OR s.overdue = ${f.overdue}::boolean)
       AND (${f.misgraded}::boolean IS NULL OR (v.risk_level > g.computed_level) = ${f.misgraded}::boolean)
       AND (${f.registration}::text IS NULL OR v.registration = ${f.registration}::registration_status)
       -- strpos rather than LIKE: the search text needs no escaping of % and _
       AND (${f.q}::text IS NULL OR strpos(lower(v.name), lower(${f.q}::text)) > 0
                                 OR strpos(lower(v.address), lower(${f.q}::text)) > 0
                                 -- the source system's id, exactly (case-sensitive, as it is stored)
                                 OR v.external_id = ${f.q}::text)
     ORDER BY v.id
     LIMIT ${limit}::int`);
}
