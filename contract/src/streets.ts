// GET /api/context/streets?bbox=: the street context layer inside a map view.
import { z } from 'zod';
import type { FeatureCollection, LineString } from './geojson.ts';
import type { StreetId } from './ids.ts';

export const BBOX_RULE =
  'bbox must be minLon,minLat,maxLon,maxLat: 4 finite numbers, longitudes within -180..180, latitudes within -90..90, min < max';

// Number('') is 0 and Number('0x10') is 16, so only plain decimal numbers are accepted.
const decimal = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const lon = z
  .number({ error: `longitudes must be finite numbers; ${BBOX_RULE}` })
  .min(-180, { error: (i) => `longitude ${String(i.input)} is outside -180..180` })
  .max(180, { error: (i) => `longitude ${String(i.input)} is outside -180..180` });
const lat = z
  .number({ error: `latitudes must be finite numbers; ${BBOX_RULE}` })
  .min(-90, { error: (i) => `latitude ${String(i.input)} is outside -90..90` })
  .max(90, { error: (i) => `latitude ${String(i.input)} is outside -90..90` });

/** Parses "minLon,minLat,maxLon,maxLat" into a checked 4-tuple. */
export const bboxSchema = z
  .string({ error: `bbox is required; ${BBOX_RULE}` })
  .transform((text, ctx) => {
    const parts = text.split(',').map((p) => p.trim());
    if (parts.length !== 4 || !parts.every((p) => decimal.test(p))) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text.slice(0, 80)}" is not 4 comma-separated numbers; ${BBOX_RULE}`,
      });
      return z.NEVER;
    }
    return parts.map(Number);
  })
  .pipe(z.tuple([lon, lat, lon, lat]))
  .refine(([minLon, , maxLon]) => minLon < maxLon, `minLon must be less than maxLon; ${BBOX_RULE}`)
  .refine(([, minLat, , maxLat]) => minLat < maxLat, `minLat must be less than maxLat; ${BBOX_RULE}`);

export const streetsQuerySchema = z.object({ bbox: bboxSchema });
export type StreetsQuery = z.infer<typeof streetsQuerySchema>;

export type StreetClass = 'arterial' | 'secondary' | 'local';

export interface StreetProperties {
  id: StreetId;
  name: string;
  class: StreetClass;
}

export type StreetCollection = FeatureCollection<LineString, StreetProperties>;
