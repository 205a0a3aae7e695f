// What the benchmark (test/src/bench) takes from the server, published as `@svm/server/bench`:
// the demo sign-ins and password hashing it seeds with, and the tile route's bare render and
// layer SQL it measures against the HTTP API. Nothing else of the server is reachable that way.
export { createDemoSignIns } from '../auth/demo-accounts.ts';
export { hashPassword } from '../auth/password.ts';
export { CITY_READ_SCOPE } from '../auth/scope.queries.ts';
export { layerSource } from '../features/tiles/tiles.queries.ts';
export { renderTile } from '../features/tiles/tiles.route.ts';
// the hazard CSV import, set-based and one row at a time (test/src/bench/hazard-import.bench.ts)
export { importHazards } from '../features/imports/hazards.import.ts';
