// Runs around every node test file (vitest setupFiles). Node test files share their worker's
// modules (isolate: false), and the city's zone is one per process (time-zone.ts): a file that
// reads in Los Angeles or Urumqi must not leave the next file reading its bare dates there.
import { afterAll, beforeAll } from 'vitest';
import { DEFAULT_CITY_TIME_ZONE, setCityTimeZone } from './time-zone.ts';

beforeAll(() => setCityTimeZone(DEFAULT_CITY_TIME_ZONE));
afterAll(() => setCityTimeZone(DEFAULT_CITY_TIME_ZONE));
