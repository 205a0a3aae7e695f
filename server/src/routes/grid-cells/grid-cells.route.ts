// GET /api/grid-cells?township=: grid cell outlines and who walks each one, as GeoJSON.
import { Hono } from 'hono';
import {
  gridCellsQuerySchema, type GridCellCollection, type GridCellId, type Polygon, type TownshipId,
} from '../../contract/index.ts';
import type { AppDeps } from '../../deps.ts';
import { Problem } from '../../problem.ts';
import { validate } from '../../validate.ts';
import { townshipExists } from '../townships/townships.queries.ts';
import { gridCellsWithWorkers } from './grid-cells.queries.ts';

export function gridCellsRoute({ db }: AppDeps) {
  return new Hono().get('/', validate('query', gridCellsQuerySchema), async (c) => {
    const { township } = c.req.valid('query');
    // an unknown township is a mistake to report, not an empty map
    if (township !== undefined && !(await townshipExists(db, township))) {
      throw Problem.notFound(`township ${township} does not exist`);
    }
    const rows = await gridCellsWithWorkers(db, township ?? null);
    const body: GridCellCollection = {
      type: 'FeatureCollection',
      features: rows.map((row) => {
        const id = row.id as GridCellId;
        // ST_AsGeoJSON of a geometry(Polygon) column
        const geometry = JSON.parse(row.geometry) as Polygon;
        const properties = { id, code: row.code, name: row.name, townshipId: row.township_id as TownshipId, workerName: row.worker_name };
        return { type: 'Feature' as const, id, geometry, properties };
      }),
    };
    return c.json(body);
  });
}
