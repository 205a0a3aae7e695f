// OpenAPI description of the config route.
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const configDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/config',
    summary: 'The deployment settings the web reads before drawing the map',
    description:
      "`basemapStyleUrl`: the MapLibre style of the deployment's own tile server (BASEMAP_STYLE_URL), drawn under the " +
      "project's layers; null when unset (the built-in offline style). The Content-Security-Policy allows that URL's origin.",
    tags: ['config'],
    responses: { 200: { description: '{ basemapStyleUrl: string | null }', mediaType: 'application/json' } },
  },
];
