// Copies the map's current frame (MapLibre and the interleaved deck.gl layers share its WebGL
// canvas) inside a render callback, before the drawing buffer is cleared.
import type { Map as MapLibreMap } from 'maplibre-gl';

export function captureMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve) => {
    map.once('render', () => {
      const source = map.getCanvas();
      const copy = document.createElement('canvas');
      copy.width = source.width;
      copy.height = source.height;
      copy.getContext('2d')?.drawImage(source, 0, 0);
      resolve(copy);
    });
    map.triggerRepaint();
  });
}
