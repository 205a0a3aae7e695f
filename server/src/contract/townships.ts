// GET /api/townships: every township's boundary with its register size.
import type { FeatureCollection, MultiPolygon } from './geojson.ts';
import type { TownshipId } from './ids.ts';

export type TownshipKind = 'subdistrict' | 'town' | 'development_zone';

export interface TownshipProperties {
  id: TownshipId;
  code: string;
  name: string;
  nameEn: string;
  kind: TownshipKind;
  /** active venues located in the township (closed venues are not counted) */
  venueCount: number;
  gridCellCount: number;
}

export type TownshipCollection = FeatureCollection<MultiPolygon, TownshipProperties>;
