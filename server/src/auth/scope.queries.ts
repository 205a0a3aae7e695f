// The one read-scoping layer: turns a caller's Scope into the values the SQL predicates of
// db/migrations/0007_scope.sql take, and hands queries ready-made predicates. Every read query
// takes a ReadScope argument (only readScopeOf/resolveScope make one), so a route cannot forget it.
import { sql, type Queryable, type SQL } from '@svm/db';
import type { Context } from 'hono';
import type { ScopeDto, TownshipId, VenueCategory } from '@svm/contract';
import { Problem } from '../kernel/problem.ts';
import { scopeOf, type Scope } from './caller.ts';

declare const resolved: unique symbol;

/** A scope resolved for SQL: a township to stay inside and/or the categories of a department. */
export interface ReadScope {
  readonly scope: Scope;
  /** null: any township */
  readonly townshipId: number | null;
  /** null: any category; a department's categories otherwise (empty: it sees nothing) */
  readonly categories: readonly VenueCategory[] | null;
  readonly [resolved]: true;
}

const make = (scope: Scope, townshipId: number | null, categories: readonly VenueCategory[] | null) =>
  ({ scope, townshipId, categories }) as ReadScope;

/** The whole city: for start-up and maintenance code that reads on nobody's behalf. */
export const CITY_READ_SCOPE: ReadScope = make({ kind: 'city' }, null, null);

/** Resolves a scope; a department's categories are read from industry_departments. */
export async function resolveScope(db: Queryable, scope: Scope): Promise<ReadScope> {
  switch (scope.kind) {
    case 'city':
      return make(scope, null, null);
    case 'township':
      return make(scope, scope.townshipId, null);
    case 'department': {
      // jsonb: pg returns arrays of an enum type as one unparsed string
      const rows = await db.query<{ categories: VenueCategory[] }>(
        'SELECT to_jsonb(categories) AS categories FROM industry_departments WHERE id = $1',
        [scope.departmentId],
      );
      // a department that no longer exists sees nothing rather than everything
      return make(scope, null, rows[0]?.categories ?? []);
    }
  }
}

/** The signed-in caller's resolved read scope (401 problem when nobody is signed in). */
export function readScopeOf(c: Context, db: Queryable): Promise<ReadScope> {
  return resolveScope(db, scopeOf(c));
}

// a pg array literal: drizzle's sql template would spread a JS array into a parameter list
const categoriesParam = (s: ReadScope) => (s.categories === null ? null : `{${s.categories.join(',')}}`);

// true exactly for a city-wide scope; bound as parameters, the planner folds it to a constant
const unscoped = (s: ReadScope) =>
  sql`(${s.townshipId}::int IS NULL AND ${categoriesParam(s)}::venue_category[] IS NULL)`;

/** The rows of `venues` under `alias` (v by default) the scope may see: its hazards and patrols follow. */
export function venueInScope(s: ReadScope, alias = 'v'): SQL {
  const v = sql.raw(alias);
  return sql`venue_in_scope(${s.townshipId}::int, ${categoriesParam(s)}::venue_category[], ${v}.township_id, ${v}.category)`;
}

/**
 * Rows that name a venue by id (hazards, patrols, the definition functions' outputs) the scope may
 * see. The leading test folds to true for a city scope, and PostgreSQL then drops the subquery.
 */
export function venueIdInScope(s: ReadScope, column: string): SQL {
  return sql`(${unscoped(s)} OR EXISTS (SELECT 1 FROM venues sv WHERE sv.id = ${sql.raw(column)} AND ${venueInScope(s, 'sv')}))`;
}

/** Rows that name a hazard by id (sign-offs, hazards_awaiting) the scope may see, through its venue. */
export function hazardIdInScope(s: ReadScope, column: string): SQL {
  return sql`(${unscoped(s)} OR EXISTS (SELECT 1 FROM hazards sh JOIN venues sv ON sv.id = sh.venue_id
                                        WHERE sh.id = ${sql.raw(column)} AND ${venueInScope(s, 'sv')}))`;
}

/** Township-bound rows (township figures, grid cells) the scope may see, by their township column. */
export function townshipInScope(s: ReadScope, column: string): SQL {
  return sql`township_in_scope(${s.townshipId}::int, ${sql.raw(column)})`;
}

/** Explicitly asking for a township outside a township account's own is refused, not answered empty. */
export function checkTownshipAllowed(s: ReadScope, townshipId: number | undefined | null): void {
  if (townshipId === undefined || townshipId === null || s.townshipId === null || s.townshipId === townshipId) return;
  throw Problem.forbidden(
    `township ${townshipId} is outside your jurisdiction: you may read township ${s.townshipId} only`,
  );
}

/**
 * Grid cells are the territorial patrol organisation (a cell's status counts every venue and patrol
 * in it), so a department account, which answers for an industry, gets 403 for cell-based answers.
 */
export function requireTerritorial(s: ReadScope, what: string): void {
  if (s.scope.kind !== 'department') return;
  throw Problem.forbidden(
    `${what} describe territory (grid cells and their patrols); a department account reads venues, hazards and KPIs of its categories instead`,
  );
}

/** What an answer was computed for, for the response body. */
export function scopeDto(s: ReadScope): ScopeDto {
  switch (s.scope.kind) {
    case 'city':
      return { kind: 'city' };
    case 'township':
      return { kind: 'township', townshipId: s.scope.townshipId as TownshipId };
    case 'department':
      return { kind: 'department', departmentId: s.scope.departmentId, categories: [...(s.categories ?? [])] };
  }
}

/** A short stable key of the scope, for ETags and anything cached per scope. */
export function scopeKey(s: ReadScope): string {
  return `${s.townshipId ?? '*'}/${s.categories === null ? '*' : s.categories.join('+')}`;
}
