// GET /api/townships?asOf=&from=&to=: every township's boundary, register size and KPIs.
import type { FeatureCollection, MultiPolygon, Position } from './geojson.ts';
import type { TownshipId } from './ids.ts';
import type { KpiPeriod, Kpis } from './stats.ts';
import type { ScopeDto } from './scope.ts';
import { type TownshipKind } from './constants.ts';

export interface TownshipProperties {
  id: TownshipId;
  code: string;
  name: string;
  nameEn: string;
  kind: TownshipKind;
  /** active venues located in the township (closed venues are not counted) */
  venueCount: number;
  gridCellCount: number;
  /** where its one name label goes: the centre of the largest circle inside the boundary (always inside) */
  labelPoint: Position;
  /** the township KPIs as of asOf over [from, to) (DESIGN.md "Township KPIs") */
  kpis: Kpis;
}

/** The collection also says which moment and period its KPIs describe. */
export type TownshipCollection = FeatureCollection<MultiPolygon, TownshipProperties> & {
  period: KpiPeriod;
  /** whose figures these are (always sent): a township account gets only its own township's feature,
   *  a department every township with counts over its categories' venues */
  scope?: ScopeDto;
};
