// What the routes need from the process: the database (or a test's transaction) and facts
// gathered once at start-up.
import type { DatabaseInfo, Queryable } from '@svm/db';
import type { BackgroundWork } from './background-work.ts';
import type { AuthSettings, ResolveCaller } from './identity.ts';

export interface AppDeps {
  db: Queryable;
  info: DatabaseInfo;
  /** folder of the built web app; null or missing: no static files are served */
  webDist?: string | null;
  /** where unexpected errors go (default console.error) */
  logError?: (message: string, err: unknown) => void;
  /** who is asking (default: the session resolver, auth/resolver.ts: cookie, bearer session or display token) */
  resolveCaller?: ResolveCaller;
  /** sign-in behaviour (session lifetimes, proxy trust, login throttle); defaults in auth/settings.ts */
  auth?: Partial<AuthSettings>;
  /** a MapLibre style of the deployment's own tile server (BASEMAP_STYLE_URL); null: the built-in offline style */
  basemapStyleUrl?: string | null;
  /**
   * the city's IANA time zone (CITY_TZ, kept in city_settings): its days, weeks, months and quarters
   * bound every period, and a bare date means a day there; default Asia/Shanghai (the demo city)
   */
  cityTimeZone?: string;
  /** aborted when the process starts to shut down: long-lived streams (SSE) end themselves on it */
  shutdown?: AbortSignal;
  /** work outside requests (import jobs) that shutdown waits for before closing the database */
  background?: BackgroundWork;
}
