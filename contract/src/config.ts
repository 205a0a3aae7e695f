// GET /api/config: what the web needs to know about this deployment before it draws the map.
export interface ConfigDto {
  /** the MapLibre style of the deployment's own tile server (BASEMAP_STYLE_URL); null: the built-in offline style */
  basemapStyleUrl: string | null;
  /** the city's IANA time zone (CITY_TZ): the web's days, presets and shown times follow it */
  timeZone: string;
}
