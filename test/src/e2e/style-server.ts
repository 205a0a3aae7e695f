// A second local HTTP server standing in for a deployment's own tile server: serves a tiny
// MapLibre style (a background colour, a GeoJSON lake, a glyphs URL it cannot answer) with CORS,
// and records what was asked of it. No internet involved.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const BASEMAP_BACKGROUND: [number, number, number] = [60, 141, 90];
export const LAKE_COLOUR: [number, number, number] = [30, 80, 200];

export interface StyleServer {
  styleUrl: string;
  /** paths asked, in order */
  requests: string[];
  /** answers the style with this status from now on (200: the style) */
  setStyleStatus: (status: number) => void;
  /** where the lake is: [west, south, east, north] (the city is only known once its server is up) */
  setLake: (bbox: [number, number, number, number]) => void;
  close: () => Promise<void>;
}

export async function startStyleServer(): Promise<StyleServer> {
  const requests: string[] = [];
  let styleStatus = 200;
  let lake: [number, number, number, number] = [0, 0, 0.01, 0.01];
  const hex = (rgb: number[]) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  const style = {
    version: 8,
    name: 'e2e basemap',
    // relative URLs, as tile servers write them: the web resolves them against the style's URL
    glyphs: 'fonts/{fontstack}/{range}.pbf',
    sources: { lakes: { type: 'geojson', data: 'lakes.geojson' } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': hex(BASEMAP_BACKGROUND) } },
      { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': hex(LAKE_COLOUR) } },
    ],
  };
  const lakes = ([w, s, e, n]: number[]) => ({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
  });
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    res.setHeader('Access-Control-Allow-Origin', '*');
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (path === '/style.json') json(styleStatus, styleStatus === 200 ? style : { error: 'down for the test' });
    else if (path === '/lakes.geojson') json(200, lakes(lake));
    else json(404, { error: `nothing at ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    styleUrl: `http://127.0.0.1:${port}/style.json`,
    requests,
    setStyleStatus: (status) => {
      styleStatus = status;
    },
    setLake: (bbox) => {
      lake = bbox;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
