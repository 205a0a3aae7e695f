// The shapes of who is asking and of how sign-in behaves, as plain types, so AppDeps (deps.ts)
// can name the caller resolver and the sign-in settings without kernel/ importing auth/. auth/
// builds and checks them (auth/caller.ts, auth/settings.ts re-export them and hold the logic).
import type { Context } from 'hono';

export type Role = 'city' | 'township' | 'department' | 'grid_worker' | 'planner' | 'admin';

/**
 * The part of the city a caller may read. Queries filter by it in SQL:
 * - `city`: everything (command center, planner, admin);
 * - `township`: venues, cells, hazards, patrols and clusters of one township;
 * - `department`: venues (and their hazards/patrols) whose category is one of the
 *   department's categories, anywhere in the city.
 */
export type Scope =
  { kind: 'city' } | { kind: 'township'; townshipId: number } | { kind: 'department'; departmentId: number };

export interface Caller {
  /** null for a wall display token, which is not a person */
  userId: number | null;
  name: string;
  /** null for a wall display token */
  role: Role | null;
  scope: Scope;
  /** display tokens and planners read only */
  readOnly: boolean;
}

/** Builds the caller of a request, or null when it carries no valid credentials. */
export type ResolveCaller = (c: Context) => Promise<Caller | null>;

export interface AuthSettings {
  /** a person's session lasts this long after its last use */
  sessionHours: number;
  /** a wall display's session (from its token) lasts this long after its last use */
  displaySessionDays: number;
  /** behind a reverse proxy: take the client address from X-Forwarded-For and https from X-Forwarded-Proto */
  trustProxy: boolean;
  /** failed sign-ins counted over this window */
  throttleWindowMinutes: number;
  /** failures per account (username) within the window before 429 */
  maxFailuresPerAccount: number;
  /** failures per client address within the window before 429 */
  maxFailuresPerAddress: number;
}
