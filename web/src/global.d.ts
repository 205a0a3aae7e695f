// Flags the app sets on window for browser tests.
interface Window {
  /** true once the map has its data in every source and has drawn it (the map is idle) */
  __mapReady?: boolean;
}
