// What the end-to-end tests (test/src/e2e) take from the server's test helpers, published as
// `@svm/server/far-cities`: the far cities' layout and the haversine geometry that checks them.
export * from './far-city-layout.ts';
export { destination, haversine, offset, type LonLat } from './geodesy.ts';
