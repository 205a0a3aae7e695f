// GET /api/blind-spots?township=&asOf=: the four kinds of blind spot as GeoJSON layers with counts.
import { Hono } from 'hono';
import type { Queryable } from '@svm/db';
import {
  blindSpotsQuerySchema,
  type BlindSpotsDto,
  type MultiPolygon,
  type PointGeometry,
  type Polygon,
  type TownshipId,
} from '@svm/contract';
import { checkTownshipAllowed, readScopeOf, requireTerritorial, type ReadScope } from '../../auth/scope.queries.ts';
import { dataVersion } from '../../kernel/cache/data-version.queries.ts';
import { VersionedCache } from '../../kernel/cache/versioned-cache.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { townshipExists } from '../../domain/townships.queries.ts';
import {
  cellsWithoutWorker,
  coverageGaps,
  misgradedVenues,
  referenceMatchMetres,
  unmatchedReferencePoints,
  unpatrolledCells,
  unregisteredDensity,
  unregisteredVenueCount,
  type GeoRow,
} from './blind-spots.queries.ts';

/** A row as a feature; geometry is the ST_AsGeoJSON text of the layer's known geometry type. */
function feature<G extends Polygon | MultiPolygon | PointGeometry, P>(row: GeoRow, properties: P) {
  return { type: 'Feature' as const, id: row.id, geometry: JSON.parse(row.geometry) as G, properties };
}
const collection = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function blindSpotsRoute({ db }: AppDeps) {
  // Whole answers (their JSON text) of an explicit asOf, filed under the data version: a
  // moment's blind spots change only when data change. Without asOf the answer is as of the
  // request's own millisecond, which no later request asks again: not cached. One cache per app.
  const answers = new VersionedCache<string>({ maxEntries: 32, maxBytes: 64 << 20, sizeOf: (s) => s.length });
  return new Hono().get('/', validate('query', blindSpotsQuerySchema), async (c) => {
    const { township, asOf: asOfParam } = c.req.valid('query');
    const scope = await readScopeOf(c, db);
    requireTerritorial(scope, 'blind spots');
    checkTownshipAllowed(scope, township);
    if (township !== undefined && !(await townshipExists(db, township)))
      throw Problem.notFound(`township ${township} does not exist`);
    const asOf = asOfParam ?? new Date();
    const t = township ?? null;
    const version = asOfParam ? await dataVersion(db) : null;
    const key = JSON.stringify([scope.townshipId, t, asOf.getTime()]);
    // PostgreSQL would JIT-compile these city-wide plans (their cost estimates are high) for
    // seconds to save nothing; SET LOCAL ends with the transaction (or the savepoint's parent)
    const text = await answers.get(key, version, () =>
      db.transaction(async (tx) => {
        await tx.query('SET LOCAL jit = off');
        return JSON.stringify(await blindSpots(tx, scope, asOf, t));
      }),
    );
    return c.body(text, 200, { 'Content-Type': 'application/json' });
  });
}

async function blindSpots(db: Queryable, scope: ReadScope, asOf: Date, t: number | null): Promise<BlindSpotsDto> {
  // one after another: PGlite runs one connection, and the pg pool gains little here
  const gaps = await coverageGaps(db, scope, t);
  const unassigned = await cellsWithoutWorker(db, scope, t);
  const unregistered = await unregisteredDensity(db, scope, asOf, t);
  const unregisteredCount = await unregisteredVenueCount(db, scope, asOf, t);
  const unmatched = await unmatchedReferencePoints(db, scope, asOf, t);
  const unpatrolled = await unpatrolledCells(db, scope, asOf, t);
  const misgraded = await misgradedVenues(db, scope, asOf, t);
  return {
    asOf: asOf.toISOString(),
    referenceMatchMetres: await referenceMatchMetres(db),
    counts: {
      coverageGaps: gaps.length,
      coverageGapAreaM2: round(
        gaps.reduce((sum, g) => sum + g.area_m2, 0),
        1,
      ),
      cellsWithoutWorker: unassigned.length,
      // every one found unregistered, also those in a coverage gap the density layer cannot show
      unregisteredVenues: unregisteredCount,
      unmatchedReferencePoints: unmatched.length,
      unpatrolledCells: unpatrolled.length,
      misgradedVenues: misgraded.length,
    },
    coverageGaps: collection(
      gaps.map((g) =>
        feature<Polygon, BlindSpotsDto['coverageGaps']['features'][number]['properties']>(g, {
          id: g.id,
          townshipId: g.township_id as TownshipId,
          townshipName: g.township_name,
          areaM2: round(g.area_m2, 1),
        }),
      ),
    ),
    cellsWithoutWorker: collection(
      unassigned.map((r) =>
        feature<MultiPolygon, { id: number; code: string; name: string; townshipId: TownshipId }>(r, {
          id: r.id,
          code: r.code,
          name: r.name,
          townshipId: r.township_id as TownshipId,
        }),
      ),
    ),
    unregisteredDensity: collection(
      unregistered.map((r) =>
        feature<MultiPolygon, BlindSpotsDto['unregisteredDensity']['features'][number]['properties']>(r, {
          id: r.id,
          code: r.code,
          townshipId: r.township_id as TownshipId,
          count: r.count,
          areaKm2: round(r.area_km2, 4),
          perKm2: round(r.count / r.area_km2, 4),
        }),
      ),
    ),
    unmatchedReferencePoints: collection(
      unmatched.map((r) =>
        feature<PointGeometry, BlindSpotsDto['unmatchedReferencePoints']['features'][number]['properties']>(r, {
          id: r.id,
          source: r.source,
          externalId: r.external_id,
          name: r.name,
          category: r.category,
          nearestVenueM: r.nearest_m === null ? null : round(r.nearest_m, 1),
        }),
      ),
    ),
    unpatrolledCells: collection(
      unpatrolled.map((r) =>
        feature<MultiPolygon, BlindSpotsDto['unpatrolledCells']['features'][number]['properties']>(r, {
          id: r.id,
          code: r.code,
          townshipId: r.township_id as TownshipId,
          daysSincePatrol: r.days_since_patrol,
          lastPatrolAt: r.last_patrol_at ? r.last_patrol_at.toISOString() : null,
        }),
      ),
    ),
    misgradedVenues: collection(
      misgraded.map((r) =>
        feature<PointGeometry, BlindSpotsDto['misgradedVenues']['features'][number]['properties']>(r, {
          id: r.id,
          externalId: r.external_id,
          name: r.name,
          category: r.category,
          riskLevel: r.risk_level,
          computedLevel: r.computed_level,
          score: r.score,
        }),
      ),
    ),
  };
}
