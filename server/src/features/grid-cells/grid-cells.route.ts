// GET /api/grid-cells?bbox=&township=&asOf=: grid cell outlines, who walks each one and its patrol
// status, as GeoJSON; GET /api/grid-cells/:id?asOf=: one cell's recent patrols and overdue venues.
import { Hono } from 'hono';
import {
  gridCellParamsSchema,
  gridCellQuerySchema,
  gridCellsQuerySchema,
  type GridCellCollection,
  type GridCellDetailDto,
  type GridCellId,
  type GridCellProperties,
  type MultiPolygon,
  type TownshipId,
} from '@svm/contract';
import { checkTownshipAllowed, readScopeOf, requireTerritorial } from '../../auth/scope.queries.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import { cachedGridCells, newGridCellsCache } from './grid-cells-cache.ts';
import {
  gridCellsWithStatus,
  overdueVenuesInCell,
  recentPatrolsInCell,
  type GridCellRow,
} from './grid-cells.queries.ts';

const RECENT_PATROLS = 20;

function toProperties(row: GridCellRow): GridCellProperties {
  return {
    id: row.id as GridCellId,
    code: row.code,
    name: row.name,
    townshipId: row.township_id as TownshipId,
    workerName: row.worker_name,
    worker: row.worker_id === null || row.worker_name === null ? null : { id: row.worker_id, name: row.worker_name },
    lastPatrolAt: row.last_patrol_at?.toISOString() ?? null,
    daysSincePatrol: row.days_since_patrol,
    unpatrolled: row.unpatrolled,
    venueCount: row.venues,
    overdueVenueCount: row.overdue_venues,
    overdueShare: row.overdue_share,
  };
}

// ST_AsGeoJSON of a geometry(MultiPolygon) column (0016)
const polygonOf = (row: GridCellRow) => JSON.parse(row.geometry) as MultiPolygon;

export function gridCellsRoute({ db }: AppDeps) {
  const listCache = newGridCellsCache();
  return new Hono()
    .get('/', validate('query', gridCellsQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const { township, bbox, asOf = new Date() } = query;
      const scope = await readScopeOf(c, db);
      requireTerritorial(scope, 'grid cells');
      checkTownshipAllowed(scope, township);
      // an unknown township is a mistake to report, not an empty map
      if (township !== undefined && !(await townshipExists(db, township))) {
        throw Problem.notFound(`township ${township} does not exist`);
      }
      // an asOf left out is the clock's now: not cached (see grid-cells-cache.ts)
      const rows = await cachedGridCells(
        db,
        listCache,
        scope,
        { asOf, townshipId: township ?? null, bbox: bbox ?? null, cellId: null },
        query.asOf !== undefined,
      );
      const body: GridCellCollection = {
        type: 'FeatureCollection',
        asOf: asOf.toISOString(),
        features: rows.map((row) => {
          const properties = toProperties(row);
          return { type: 'Feature' as const, id: properties.id, geometry: polygonOf(row), properties };
        }),
      };
      return c.json(body);
    })
    .get('/:id', validate('param', gridCellParamsSchema), validate('query', gridCellQuerySchema), async (c) => {
      const { id } = c.req.valid('param');
      const { asOf = new Date() } = c.req.valid('query');
      const scope = await readScopeOf(c, db);
      requireTerritorial(scope, 'grid cells');
      const [row] = await gridCellsWithStatus(db, scope, { asOf, townshipId: null, bbox: null, cellId: id });
      if (!row) throw Problem.notFound(`grid cell ${id} does not exist in your jurisdiction`);
      const patrols = await recentPatrolsInCell(db, scope, id, asOf, RECENT_PATROLS);
      const overdue = await overdueVenuesInCell(db, scope, id, asOf);
      const body: GridCellDetailDto = {
        asOf: asOf.toISOString(),
        cell: { ...toProperties(row), geometry: polygonOf(row) },
        patrols: patrols.map((p) => ({
          id: p.id,
          externalId: p.external_id,
          at: p.patrolled_at.toISOString(),
          venue: { id: p.venue_id, externalId: p.venue_external_id, name: p.venue_name },
          worker: { id: p.worker_id, name: p.worker_name },
          result: p.result,
        })),
        overdueVenues: overdue.map((v) => ({
          id: v.id,
          externalId: v.external_id,
          name: v.name,
          riskLevel: v.risk_level,
          lastPatrolAt: v.last_patrol_at?.toISOString() ?? null,
          daysOverdue: v.days_overdue,
        })),
      };
      return c.json(body);
    });
}
