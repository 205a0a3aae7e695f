// The server's vector tile sources as the map's style names them: source ids, source layers and
// tile URL templates (the venue points and the street heatmap both draw from the venue tiles).
export const VENUES_SOURCE = 'venues';
export const VENUES_SOURCE_LAYER = 'venues';
export const HAZARDS_SOURCE = 'hazards';
export const HAZARDS_SOURCE_LAYER = 'hazards';

/** A tile URL template: absolute (MapLibre's worker cannot resolve a relative one), with asOf when replaying. */
const tilesUrl = (origin: string, layer: string, asOf: string | undefined) =>
  `${origin}/api/tiles/${layer}/{z}/{x}/{y}.mvt${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`;

export const venueTilesUrl = (origin: string, asOf: string | undefined) => tilesUrl(origin, 'venues', asOf);
export const hazardTilesUrl = (origin: string, asOf: string | undefined) => tilesUrl(origin, 'hazards', asOf);
