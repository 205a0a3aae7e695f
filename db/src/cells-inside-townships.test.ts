import { describe, expect, it } from 'vitest';
import type { Queryable } from './client.ts';
import { rolledBack, violation } from './testing.ts';

// Township A is the 0.1° square 121-121.1°E, 30-30.1°N; B its eastern neighbour. At 30°N a
// hundred-thousandth of a degree of longitude is 0.965 m on the ground (96,486 m per degree on the
// spheroid) and 0.01° of latitude 1,108.5 m; UTM 51N (the city's zone) scales areas by 1.0001 here.
const rect = (x0: number, y0: number, x1: number, y1: number) =>
  `POLYGON((${x0} ${y0},${x1} ${y0},${x1} ${y1},${x0} ${y1},${x0} ${y0}))`;

async function townships(tx: Queryable) {
  const ids: number[] = [];
  for (const [code, x0] of [
    ['A', 121],
    ['B', 121.1],
  ] as const) {
    const [t] = await tx.query<{ id: number }>(
      `INSERT INTO townships (code, name, name_en, kind, geom)
       VALUES ($1, $1, $1, 'town', ST_Multi(ST_GeomFromText($2, 4326))) RETURNING id`,
      [code, rect(x0, 30, x0 + 0.1, 30.1)],
    );
    ids.push(t!.id);
  }
  return { a: ids[0]!, b: ids[1]! };
}

const insertCell = (tx: Queryable, code: string, township: number, wkt: string) =>
  tx.query<{ id: number; kind: string; parts: number }>(
    `INSERT INTO grid_cells (code, name, township_id, geom) VALUES ($1, $1, $2, ST_Multi(ST_GeomFromText($3, 4326)))
     RETURNING id, GeometryType(geom) AS kind, ST_NumGeometries(geom) AS parts`,
    [code, township, wkt],
  );

describe('a grid cell is a MultiPolygon inside its township', () => {
  it('stores a cell of two parts (split by a river) as one MultiPolygon', () =>
    rolledBack(async (tx) => {
      const { a } = await townships(tx);
      const [cell] = await insertCell(
        tx,
        'A-river',
        a,
        `MULTIPOLYGON(((121 30,121.02 30,121.02 30.02,121 30.02,121 30)),((121.03 30,121.05 30,121.05 30.02,121.03 30.02,121.03 30)))`,
      );
      expect(cell).toMatchObject({ kind: 'MULTIPOLYGON', parts: 2 });
    }));

  it('refuses a cell 1,000 km from its township, naming cell, township and the area outside', () =>
    rolledBack(async (tx) => {
      const { a } = await townships(tx);
      const e = await violation(
        tx,
        `INSERT INTO grid_cells (code, name, township_id, geom)
         VALUES ('A-far', 'far', ${a}, ST_Multi(ST_GeomFromText('${rect(131, 30, 131.01, 30.01)}', 4326)))`,
      );
      expect(e.constraint).toBe('grid_cells_inside_township');
      // wholly outside: 100 % of the cell (about 1.07 km²)
      expect(e.message).toMatch(
        /^grid cell A-far lies outside its township A: 10\d\d\d\d\d(\.\d)? m² outside \(100\.00 % of the cell/,
      );
    }));

  it('passes 428 m² of border noise on a 1.07 km² cell, refuses 1,070 m² (over 500 m², though 0.1 %)', () =>
    rolledBack(async (tx) => {
      const { a } = await townships(tx);
      // west edge 0.000004° (0.386 m) past A's border along 1,108.5 m: 428 m² outside, 0.04 %
      await insertCell(tx, 'A-noise', a, rect(120.999996, 30, 121.01, 30.01));
      // 0.00001° (0.965 m) past it: 1,070 m²
      const e = await violation(
        tx,
        `INSERT INTO grid_cells (code, name, township_id, geom)
         VALUES ('A-over', 'over', ${a}, ST_Multi(ST_GeomFromText('${rect(120.99999, 30.02, 121.01, 30.03)}', 4326)))`,
      );
      expect(e.constraint).toBe('grid_cells_inside_township');
      expect(e.message).toMatch(/A-over lies outside its township A: 10[67]\d\.\d m² outside \(0\.10 % of the cell/);
    }));

  it('refuses 32 m² outside a 995 m² cell (3.2 %, over the 1 % share though under 500 m²)', () =>
    rolledBack(async (tx) => {
      const { a } = await townships(tx);
      // 0.00031° × 0.0003°: 29.9 m × 33.3 m, of which the western 0.00001° (0.965 m × 33.3 m) lies outside A
      const e = await violation(
        tx,
        `INSERT INTO grid_cells (code, name, township_id, geom)
         VALUES ('A-tiny', 'tiny', ${a}, ST_Multi(ST_GeomFromText('${rect(120.99999, 30.05, 121.0003, 30.0503)}', 4326)))`,
      );
      expect(e.message).toMatch(/A-tiny lies outside its township A: 3[12]\.\d m² outside \(3\.2\d % of the cell/);
    }));

  it('refuses moving a cell to a township it does not lie in', () =>
    rolledBack(async (tx) => {
      const { a, b } = await townships(tx);
      const [cell] = await insertCell(tx, 'A-1', a, rect(121, 30, 121.01, 30.01));
      const e = await violation(tx, `UPDATE grid_cells SET township_id = ${b} WHERE id = ${cell!.id}`);
      expect(e.constraint).toBe('grid_cells_inside_township');
      expect(e.message).toMatch(/^grid cell A-1 lies outside its township B:/);
    }));
});
