// CSV import of the venue register, keyed by external_id.
import type { Queryable } from '@svm/db';
import { RISK_LEVELS, VENUE_CATEGORIES, VENUE_REGISTRATIONS } from '@svm/contract';
import { cell, csvRows, uniqueKeys } from '../../kernel/import/csv-table.ts';
import { ImportErrors } from '../../kernel/import/import-errors.ts';
import { upsertedVenue, upsertedVenues, type VenueImport } from './csv-imports.queries.ts';
import type { Row } from '../../kernel/import/csv-table.ts';
import { writeRows, type Counts } from '../../kernel/import/row-writer.ts';
import { relocatedHazardsOf } from '../../domain/venues.queries.ts';

export const VENUE_COLUMNS = {
  external_id: cell.externalId('external_id'),
  name: cell.text('name', 200),
  address: cell.text('address', 300).default(''),
  category: cell.oneOf('category', VENUE_CATEGORIES),
  risk_level: cell.oneOf('risk_level', RISK_LEVELS),
  registration: cell.oneOf('registration', VENUE_REGISTRATIONS).default('registered'),
  occupancy: cell.int('occupancy', 0, 100_000).default(0),
  floor_area_m2: cell.int('floor_area_m2', 0, 1_000_000).default(0),
  indoor_ebike_charging: cell.bool('indoor_ebike_charging').default(false),
  charging_near_stock: cell.bool('charging_near_stock').default(false),
  flammables_stored: cell.bool('flammables_stored').default(false),
  people_living_on_site: cell.bool('people_living_on_site').default(false),
  lon: cell.number('lon', -180, 180),
  lat: cell.number('lat', -90, 90),
  registered_at: cell.instant('registered_at'),
  closed_at: cell.instant('closed_at').optional(),
};

export async function importVenues(tx: Queryable, text: string): Promise<Counts> {
  const errors = new ImportErrors();
  const rows = csvRows(text, VENUE_COLUMNS, errors);
  uniqueKeys(rows, (r) => r.value.external_id, 'external_id', errors);
  for (const { line, value: v } of rows) {
    if (v.closed_at && v.closed_at < v.registered_at)
      errors.add({
        line,
        column: 'closed_at',
        reason: 'time_order',
        message: 'closed_at must not be before registered_at',
      });
  }
  errors.throwIfAny('the venue file was refused');
  const counts = await writeRows(
    tx,
    rows,
    errors,
    (sp, row) => upsertedVenue(sp, toVenue(row)),
    (sp, batch) => upsertedVenues(sp, batch.map(toVenue)),
  );
  errors.throwIfAny('the venue file was refused');
  await relocatedHazardsOf(tx, counts.ids);
  return { inserted: counts.inserted, updated: counts.updated };
}

function toVenue({ value: v }: Row<typeof VENUE_COLUMNS>): VenueImport {
  return {
    externalId: v.external_id,
    name: v.name,
    address: v.address,
    category: v.category,
    riskLevel: v.risk_level,
    registration: v.registration,
    occupancy: v.occupancy,
    floorAreaM2: v.floor_area_m2,
    indoorEbikeCharging: v.indoor_ebike_charging,
    chargingNearStock: v.charging_near_stock,
    flammablesStored: v.flammables_stored,
    peopleLivingOnSite: v.people_living_on_site,
    lon: v.lon,
    lat: v.lat,
    registeredAt: v.registered_at,
    closedAt: v.closed_at ?? null,
  };
}
