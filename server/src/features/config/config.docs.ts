// OpenAPI description of the config route.
import type { RouteDoc } from '../../kernel/route-doc.ts';

export const configDocs: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/config',
    summary: 'The deployment settings the web reads before drawing the map',
    description:
      "`basemapStyleUrl`: the MapLibre style of the deployment's own tile server (BASEMAP_STYLE_URL), drawn under the " +
      "project's layers; null when unset (the built-in offline style). The Content-Security-Policy allows that URL's origin. " +
      "`timeZone`: the city's IANA time zone (CITY_TZ, default Asia/Shanghai): every day, week, month and quarter boundary " +
      'follows it, and a bare date in a query or an import file means that day there.',
    tags: ['config'],
    responses: {
      200: { description: '{ basemapStyleUrl: string | null, timeZone: string }', mediaType: 'application/json' },
    },
  },
];
