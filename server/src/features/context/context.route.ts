// GET /api/context/streets?bbox=: context layers that make the map read as a city offline. Streets are
// public geography, the same for every jurisdiction: signed-in callers only, but not scoped.
import { Hono } from 'hono';
import { streetsQuerySchema, type LineString, type StreetCollection, type StreetId } from '@svm/contract';
import { callerOf } from '../../auth/caller.ts';
import type { AppDeps } from '../../kernel/deps.ts';
import { validate } from '../../kernel/validate.ts';
import { streetsInBbox } from './streets.queries.ts';

export function contextRoute({ db }: AppDeps) {
  return new Hono().get('/streets', validate('query', streetsQuerySchema), async (c) => {
    callerOf(c);
    const { bbox } = c.req.valid('query');
    const rows = await streetsInBbox(db, bbox);
    const body: StreetCollection = {
      type: 'FeatureCollection',
      features: rows.map((row) => {
        const id = row.id as StreetId;
        // ST_AsGeoJSON of a geometry(LineString) column
        const geometry = JSON.parse(row.geometry) as LineString;
        return { type: 'Feature', id, geometry, properties: { id, name: row.name, class: row.class } };
      }),
    };
    return c.json(body);
  });
}
