// The map's viewport as the data layers need it: a whole zoom and a box snapped outward to that
// zoom's tile grid, so panning inside a tile does not change a query key.
import type { Bbox } from '@svm/contract';

export interface Viewport {
  zoom: number;
  bbox: Bbox;
}

const clampLat = (v: number) => Math.max(-85, Math.min(85, v));

export function snapViewport(zoom: number, [w, s, e, n]: Bbox): Viewport {
  const z = Math.max(0, Math.min(22, Math.floor(zoom)));
  const step = 360 / 2 ** z;
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    zoom: z,
    bbox: [
      round(Math.max(-180, down(w))),
      round(clampLat(down(s))),
      round(Math.min(180, up(e))),
      round(clampLat(up(n))),
    ],
  };
}
