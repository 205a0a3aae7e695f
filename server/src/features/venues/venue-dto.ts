// Venue rows to the contract's DTOs, shared by the venue routes and the venue exports.
import type { GridCellId, TownshipId, VenueFeature, VenueProperties } from '@svm/contract';
import type { VenueFilter, VenueRow } from './venues.queries.ts';
import type { z } from 'zod';
import type { venueExportQuerySchema } from '@svm/contract';

export function toVenueProperties(row: Omit<VenueRow, 'overdue'> & { overdue: boolean | null }): VenueProperties {
  return {
    id: row.id,
    externalId: row.external_id,
    name: row.name,
    address: row.address,
    category: row.category,
    riskLevel: row.risk_level,
    computedLevel: row.computed_level,
    score: row.score,
    misgraded: row.misgraded,
    registration: row.registration,
    townshipId: row.township_id as TownshipId | null,
    gridCellId: row.grid_cell_id as GridCellId | null,
    registeredAt: row.registered_at.toISOString(),
    lastPatrolAt: row.last_patrol_at?.toISOString() ?? null,
    overdue: row.overdue ?? false,
  };
}

export function toVenueFeature(row: VenueRow): VenueFeature {
  return {
    type: 'Feature',
    id: row.id,
    geometry: { type: 'Point', coordinates: [row.lon, row.lat] },
    properties: toVenueProperties(row),
  };
}

/** The validated query's filters in the shape the queries take (absent means "any"). */
export function venueFilterOf(q: z.output<typeof venueExportQuerySchema>): VenueFilter {
  return {
    asOf: q.asOf ?? new Date(),
    bbox: q.bbox ?? null,
    townshipId: q.township ?? null,
    risk: q.risk ?? null,
    category: q.category ?? null,
    overdue: q.overdue ?? null,
    misgraded: q.misgraded ?? null,
    registration: q.registration ?? null,
    q: q.q ?? null,
  };
}
