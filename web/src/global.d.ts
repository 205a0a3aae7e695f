// Flags the app sets on window for browser tests.
interface Window {
  /** true once the map and every visible data layer have their data and have drawn it */
  __mapReady?: boolean;
  /** the MapLibre map, so tests can project coordinates to pixels */
  __map?: import('maplibre-gl').Map;
  /** the current view as a PNG data URL (the export-png feature) */
  __exportPng?: () => Promise<string>;
}
