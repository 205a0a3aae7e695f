// The server's public contract: request schemas and response DTOs shared with the web.
// Import only this module from the web; it must stay free of Node and database imports.
export * from './constants.ts';
export * from './geojson.ts';
export type * from './config.ts';
export * from './problem.ts';
export * from './ids.ts';
export type * from './health.ts';
export * from './townships.ts';
export * from './grid-cells.ts';
export * from './streets.ts';
export * from './params.ts';
export * from './workflow.ts';
export * from './stats.ts';
export * from './tiles.ts';
export * from './venues.ts';
export * from './hazards.ts';
export * from './hazard-types.ts';
export * from './departments.ts';
export * from './rebounds.ts';
export * from './blind-spots.ts';
export * from './heatmap.ts';
export * from './events.ts';
export * from './auth.ts';
export * from './scope.ts';
export * from './listing.ts';
export * from './imports.ts';
