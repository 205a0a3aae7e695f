// Jurisdictions on the ground: townships as Voronoi regions of their centres clipped to the
// city outline, grid cells as Voronoi regions of random points clipped to each township
// (so cells tile their township exactly), and the street network clipped to the city.
import type { Queryable } from '../client.ts';
import { ORIGIN, toLonLat, type CityPlan, type Xy } from './city.ts';

// Voronoi regions are drawn in a plane where a degree of longitude is shrunk to its length
// on the ground at this latitude, so cells are not stretched east-west.
const LON_SCALE = Math.cos((ORIGIN.lat * Math.PI) / 180);
// Boundaries are snap-rounded to 1e-7° (about 1 cm) so neighbours share exact vertices and
// later overlays (coverage gaps, unions) stay robust; unrounded slivers make GEOS throw.
const GRID = '1e-7';

function wkt(points: readonly Xy[], closed: boolean): string {
  const pts = (closed ? [...points, points[0]!] : points)
    .map(toLonLat)
    .map(([x, y]) => `${x.toFixed(7)} ${y.toFixed(7)}`);
  return closed ? `POLYGON((${pts.join(',')}))` : `LINESTRING(${pts.join(',')})`;
}

export function outlineWkt(plan: CityPlan): string {
  return wkt(plan.outline, true);
}

export async function insertTownships(tx: Queryable, plan: CityPlan): Promise<void> {
  const t = plan.townships;
  await tx.query(
    `WITH outline AS (SELECT ST_GeomFromText($1, 4326) AS g),
          seeds AS (SELECT * FROM unnest($2::int[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[], $8::text[])
                               AS s(idx, lon, lat, code, name, name_en, kind)),
          vor AS (SELECT (ST_Dump(ST_VoronoiPolygons(ST_Collect(ST_Scale(ST_MakePoint(lon, lat), $9, 1)), 0,
                          (SELECT ST_Expand(ST_Scale(ST_Envelope(g), $9, 1), 0.1) FROM outline)))).geom AS g
                    FROM seeds)
     INSERT INTO townships (id, code, name, name_en, kind, geom, demo)
     SELECT s.idx + 1, s.code, s.name, s.name_en, s.kind::township_kind,
            ST_Multi(ST_CollectionExtract(ST_Intersection(ST_SetSRID(ST_Scale(v.g, 1 / $9, 1), 4326), o.g, ${GRID}), 3)), true
       FROM seeds s
       JOIN vor v ON ST_Contains(v.g, ST_Scale(ST_MakePoint(s.lon, s.lat), $9, 1))
      CROSS JOIN outline o
      ORDER BY s.idx`,
    [
      outlineWkt(plan),
      t.map((x) => x.index),
      t.map((x) => toLonLat(x.centre)[0]),
      t.map((x) => toLonLat(x.centre)[1]),
      t.map((x) => x.code),
      t.map((x) => x.name),
      t.map((x) => x.nameEn),
      t.map((x) => x.kind),
      LON_SCALE,
    ],
  );
}

/**
 * Cuts every township into cells around seed points (lon/lat). Seeds follow where the venues
 * are, so cells are small in the dense core and large in the countryside.
 */
export async function insertGridCells(tx: Queryable, seeds: readonly Xy[]): Promise<void> {
  await tx.query(
    `WITH s AS (SELECT t.id AS township_id, ST_Scale(ST_MakePoint(u.lon, u.lat), $3, 1) AS p
                  FROM unnest($1::float8[], $2::float8[]) AS u(lon, lat)
                  JOIN townships t ON ST_Contains(t.geom, ST_SetSRID(ST_MakePoint(u.lon, u.lat), 4326))),
          vor AS (SELECT t.id, (ST_Dump(ST_VoronoiPolygons(ST_Collect(s.p), 0,
                          ST_Expand(ST_Scale(ST_Envelope(t.geom), $3, 1), 0.05)))).geom AS g
                    FROM s JOIN townships t ON t.id = s.township_id
                   GROUP BY t.id, t.geom),
          parts AS (SELECT vor.id AS township_id,
                           (ST_Dump(ST_CollectionExtract(ST_Intersection(t.geom, ST_SetSRID(ST_Scale(vor.g, 1 / $3, 1), 4326), ${GRID}), 3))).geom AS g
                      FROM vor JOIN townships t ON t.id = vor.id),
          numbered AS (SELECT township_id, g,
                              row_number() OVER (PARTITION BY township_id
                                                 ORDER BY ST_Y(ST_PointOnSurface(g)) DESC, ST_X(ST_PointOnSurface(g))) AS k
                         FROM parts WHERE ST_Area(g) > 0)
     INSERT INTO grid_cells (id, code, township_id, name, geom)
     SELECT row_number() OVER (ORDER BY n.township_id, n.k), t.code || '-' || lpad(n.k::text, 3, '0'),
            n.township_id, t.name || '第' || n.k || '网格', ST_Multi(n.g)
       FROM numbered n JOIN townships t ON t.id = n.township_id
      ORDER BY n.township_id, n.k`,
    [seeds.map((p) => p[0]), seeds.map((p) => p[1]), LON_SCALE],
  );
}

export async function insertStreets(tx: Queryable, plan: CityPlan): Promise<void> {
  const s = plan.streets;
  await tx.query(
    `WITH city AS (SELECT ST_GeomFromText($1, 4326) AS g)
     INSERT INTO streets (id, name, class, geom, demo)
     SELECT row_number() OVER (ORDER BY s.idx, d.path), s.name, s.class, d.geom, true
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) AS s(idx, name, class, wkt)
      CROSS JOIN city
      CROSS JOIN LATERAL ST_Dump(ST_Intersection(ST_GeomFromText(s.wkt, 4326), city.g)) AS d
      WHERE GeometryType(d.geom) = 'LINESTRING'
      ORDER BY s.idx, d.path`,
    [
      outlineWkt(plan),
      s.map((_, i) => i),
      s.map((x) => x.name),
      s.map((x) => x.klass),
      s.map((x) => wkt(x.points, false)),
    ],
  );
}
