// Named queries over the street context layer.
import type { Queryable } from '@svm/db';
import type { Bbox, StreetClass } from '@svm/contract';

export interface StreetRow {
  id: number;
  name: string;
  class: StreetClass;
  geometry: string;
}

/** Streets whose line crosses or lies inside the bbox (not merely its envelope). */
export async function streetsInBbox(db: Queryable, [minLon, minLat, maxLon, maxLat]: Bbox): Promise<StreetRow[]> {
  // ST_Intersects uses the GiST index through its implicit && and then tests the real line
  return db.query<StreetRow>(
    `SELECT id, name, class, ST_AsGeoJSON(geom, 6) AS geometry
       FROM streets
      WHERE ST_Intersects(geom, ST_MakeEnvelope($1, $2, $3, $4, 4326))
      ORDER BY id`,
    [minLon, minLat, maxLon, maxLat],
  );
}
