// Named queries that register, change and close venues (township and cell come from the trigger).
// The venue lock and hazard re-location that patrols and imports also need are in domain/venues.queries.ts.
import { sql, type Queryable } from '@svm/db';
import type { VenueCreate, VenueDto, VenuePatch } from '@svm/contract';

interface VenueRow {
  id: number;
  external_id: string | null;
  name: string;
  address: string;
  category: VenueDto['category'];
  risk_level: VenueDto['riskLevel'];
  registration: VenueDto['registration'];
  status: VenueDto['status'];
  occupancy: number;
  floor_area_m2: number;
  indoor_ebike_charging: boolean;
  charging_near_stock: boolean;
  flammables_stored: boolean;
  people_living_on_site: boolean;
  lon: number;
  lat: number;
  registered_at: Date;
  closed_at: Date | null;
  township_id: number | null;
  grid_cell_id: number | null;
}

const RETURNING = sql`RETURNING id, external_id, name, address, category, risk_level, registration, status, occupancy, floor_area_m2,
  indoor_ebike_charging, charging_near_stock, flammables_stored, people_living_on_site,
  ST_X(geom) AS lon, ST_Y(geom) AS lat, registered_at, closed_at, township_id, grid_cell_id`;

export function venueDto(r: VenueRow): VenueDto {
  return {
    id: r.id,
    externalId: r.external_id,
    name: r.name,
    address: r.address,
    category: r.category,
    riskLevel: r.risk_level,
    registration: r.registration,
    status: r.status,
    occupancy: r.occupancy,
    floorAreaM2: r.floor_area_m2,
    indoorEbikeCharging: r.indoor_ebike_charging,
    chargingNearStock: r.charging_near_stock,
    flammablesStored: r.flammables_stored,
    peopleLivingOnSite: r.people_living_on_site,
    location: [r.lon, r.lat],
    registeredAt: r.registered_at.toISOString(),
    closedAt: r.closed_at?.toISOString() ?? null,
    townshipId: r.township_id,
    gridCellId: r.grid_cell_id,
  };
}

/** Whether [lon, lat] lies in some township, or no township layer is loaded (then anywhere goes). */
export async function pointIsInsideSomeTownship(db: Queryable, [lon, lat]: [number, number]): Promise<boolean> {
  const rows = await db.query<{ ok: boolean }>(sql`
    SELECT NOT EXISTS (SELECT 1 FROM townships)
        OR EXISTS (SELECT 1 FROM townships WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326))) AS ok`);
  return rows[0]?.ok ?? false;
}

export async function insertedVenue(tx: Queryable, v: VenueCreate, registeredAt: Date): Promise<VenueDto> {
  const rows = await tx.query<VenueRow>(sql`
    INSERT INTO venues (name, address, category, risk_level, registration, occupancy, floor_area_m2,
      indoor_ebike_charging, charging_near_stock, flammables_stored, people_living_on_site, registered_at, geom)
    VALUES (${v.name}, ${v.address}, ${v.category}::venue_category, ${v.riskLevel}::risk_level,
      ${v.registration}::registration_status, ${v.occupancy}, ${v.floorAreaM2}, ${v.indoorEbikeCharging},
      ${v.chargingNearStock}, ${v.flammablesStored}, ${v.peopleLivingOnSite}, ${registeredAt.toISOString()},
      ST_SetSRID(ST_MakePoint(${v.location[0]}, ${v.location[1]}), 4326))
    ${RETURNING}`);
  return venueDto(rows[0]!);
}

/** Applies the given fields; absent ones keep their value (COALESCE over typed nulls). */
export async function patchedVenue(tx: Queryable, id: number, p: VenuePatch): Promise<VenueDto> {
  const lon = p.location?.[0] ?? null;
  const lat = p.location?.[1] ?? null;
  const rows = await tx.query<VenueRow>(sql`
    UPDATE venues SET
      name = COALESCE(${p.name ?? null}::text, name),
      address = COALESCE(${p.address ?? null}::text, address),
      category = COALESCE(${p.category ?? null}::venue_category, category),
      risk_level = COALESCE(${p.riskLevel ?? null}::risk_level, risk_level),
      registration = COALESCE(${p.registration ?? null}::registration_status, registration),
      occupancy = COALESCE(${p.occupancy ?? null}::integer, occupancy),
      floor_area_m2 = COALESCE(${p.floorAreaM2 ?? null}::integer, floor_area_m2),
      indoor_ebike_charging = COALESCE(${p.indoorEbikeCharging ?? null}::boolean, indoor_ebike_charging),
      charging_near_stock = COALESCE(${p.chargingNearStock ?? null}::boolean, charging_near_stock),
      flammables_stored = COALESCE(${p.flammablesStored ?? null}::boolean, flammables_stored),
      people_living_on_site = COALESCE(${p.peopleLivingOnSite ?? null}::boolean, people_living_on_site),
      registered_at = COALESCE(${p.registeredAt?.toISOString() ?? null}::timestamptz, registered_at),
      geom = CASE WHEN ${lon}::float8 IS NULL THEN geom
                  ELSE ST_SetSRID(ST_MakePoint(${lon}::float8, ${lat}::float8), 4326) END
    WHERE id = ${id}
    ${RETURNING}`);
  return venueDto(rows[0]!);
}

export async function closedVenue(tx: Queryable, id: number, closedAt: Date): Promise<VenueDto> {
  const rows = await tx.query<VenueRow>(sql`
    UPDATE venues SET status = 'closed', closed_at = ${closedAt.toISOString()} WHERE id = ${id} ${RETURNING}`);
  return venueDto(rows[0]!);
}
