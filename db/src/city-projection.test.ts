import { describe, expect, it } from 'vitest';
import { rolledBack } from './testing.ts';

describe("the city's metric projection (0011)", () => {
  it.each([
    ['Ningbo', 121.55, 29.87, 32651],
    ['Seattle', -122.33, 47.61, 32610],
    ['Urumqi', 87.62, 43.82, 32645],
    ['Sydney', 151.21, -33.87, 32756],
    ['Santiago de Chile', -70.65, -33.45, 32719],
    ['Quito, just south of the equator', -78.47, -0.18, 32717],
    ['Libreville, just north of it', 9.45, 0.39, 32632],
    ['the equator itself, counted north', 0.5, 0, 32631],
    ['a zone edge, 6°E, in the zone to its east', 6, 45, 32632],
    ['the antimeridian, 180°E, in zone 60', 180, 10, 32660],
    ['-180° in zone 1', -180, -10, 32701],
    ['Bergen in the regular zone 31, not the Norway exception 32V', 5.32, 60.39, 32631],
  ])('puts %s (%d, %d) in EPSG:%i', async (_name, lon, lat, srid) => {
    await rolledBack(async (tx) => {
      const [row] = await tx.query<{ srid: number; known: boolean }>(
        'SELECT utm_srid($1, $2) AS srid, EXISTS (SELECT 1 FROM spatial_ref_sys WHERE srid = utm_srid($1, $2)) AS known',
        [lon, lat],
      );
      expect(row).toEqual({ srid, known: true });
    });
  });

  it("follows the townships' extent as they are loaded, moved and removed, 32651 with none", async () => {
    await rolledBack(async (tx) => {
      const srid = async () => (await tx.query<{ s: number }>('SELECT city_metric_srid() AS s'))[0]!.s;
      const square = (lon: number, lat: number) =>
        `MULTIPOLYGON(((${lon} ${lat}, ${lon + 0.1} ${lat}, ${lon + 0.1} ${lat + 0.1}, ${lon} ${lat + 0.1}, ${lon} ${lat})))`;
      const add = (code: string, lon: number, lat: number) =>
        tx.query(
          `INSERT INTO townships (code, name, name_en, kind, geom) VALUES ($1, $1, $1, 'town', ST_GeomFromText($2, 4326))`,
          [code, square(lon, lat)],
        );
      expect(await srid()).toBe(32651);
      const before = (await tx.query<{ at: Date }>('SELECT computed_at AS at FROM city_settings'))[0]!.at;
      await add('SYD-1', 151.1, -33.9);
      expect(await srid()).toBe(32756);
      // one statement of two townships 11° apart: the centre of their extent, 156.65°E, is in zone 57
      await tx.query(`INSERT INTO townships (code, name, name_en, kind, geom) VALUES
        ('SYD-2', 'SYD-2', 'SYD-2', 'town', ST_GeomFromText('${square(162.1, -33.9)}', 4326)),
        ('SYD-3', 'SYD-3', 'SYD-3', 'town', ST_GeomFromText('${square(151.2, -33.9)}', 4326))`);
      expect(await srid()).toBe(32757);
      await tx.query(`UPDATE townships SET geom = ST_GeomFromText($1, 4326) WHERE code = 'SYD-2'`, [
        square(-122.4, 47.5),
      ]);
      // now from -122.4°E to 151.3°E: centred on 14.45°E, zone 33, and the north holds the centre
      expect(await srid()).toBe(32633);
      await tx.query(`DELETE FROM townships WHERE code IN ('SYD-1', 'SYD-3')`);
      expect(await srid()).toBe(32610);
      const [after] = await tx.query<{ at: Date }>('SELECT computed_at AS at FROM city_settings');
      expect(after!.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
      // TRUNCATE refuses to run with the data version's deferred triggers pending: fire them first
      await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
      await tx.query('TRUNCATE townships CASCADE');
      expect(await srid()).toBe(32651);
    });
  });
});
