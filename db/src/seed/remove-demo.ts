// Removing the demo city: everything the seed wrote (and the demo sign-ins) in one transaction,
// while the city's own data beside it stays. What is the demo's (0012): townships, accounts,
// display tokens, streets and reference points marked demo; grid cells and venues lying in a demo
// township; patrols, hazards, transitions and sign-offs of those venues. The city's own accounts
// and display tokens bound to a demo township go with it (they could show nothing any more).
// Industry departments stay: they are the city's authorities and nothing else creates them.
import type { Queryable } from '../client.ts';

// The demo's rows as subqueries. They stay true while the removal runs because each set is
// deleted only after every set defined through it (venues before cells, cells before townships).
const TOWNSHIPS = '(SELECT id FROM townships WHERE demo)';
const CELLS = `(SELECT id FROM grid_cells WHERE township_id IN ${TOWNSHIPS})`;
const VENUES = `(SELECT id FROM venues WHERE township_id IN ${TOWNSHIPS} OR grid_cell_id IN ${CELLS})`;
const USERS = `(SELECT id FROM users WHERE demo OR township_id IN ${TOWNSHIPS})`;
const TOKENS = `(SELECT id FROM display_tokens WHERE demo OR township_id IN ${TOWNSHIPS})`;
// the seed's own report, logged once when it wrote the city (ids 1..n of each table are its rows)
const SEED_REPORT = `(SELECT detail FROM audit_log
  WHERE action = 'seed' AND entity = 'city' AND actor_name = 'seed' AND actor_id IS NULL ORDER BY id DESC LIMIT 1)`;

/** What the demo city holds (before a removal) or held (in a removal's report). */
export interface DemoContents {
  townships: number;
  gridCells: number;
  venues: number;
  /** of `venues`, those the seed did not write (registered or imported there since); null: unknown */
  venuesAddedSinceSeed: number | null;
  patrols: number;
  hazards: number;
  hazardTransitions: number;
  acceptances: number;
  streets: number;
  referencePoints: number;
  users: number;
  /** the city's own accounts bound to a demo township (they go with it) */
  boundAccounts: string[];
  displayTokens: number;
  /** the city's own display tokens showing a demo township (they go with it) */
  boundDisplayTokens: number;
  sessions: number;
}

/** What the database holds of the city's own once the demo is gone. */
export interface CityRemains {
  townships: number;
  users: number;
  activeAdmins: number;
  venues: number;
  displayTokens: number;
}

export interface DemoRemovalReport {
  removed: DemoContents & { auditRows: number; loginFailures: number };
  /** rows of the city's that named a demo account or cell and now name none (their names are kept) */
  detached: number;
  remains: CityRemains;
  durationMs: number;
}

/** The removal would break the city's own data; nothing was removed. */
export class DemoRemovalRefused extends Error {
  override readonly name = 'DemoRemovalRefused';
}

/** What removing the demo would take, or null when the database holds nothing of the demo. */
export async function demoContents(db: Queryable): Promise<DemoContents | null> {
  const [row] = await db.query<Omit<DemoContents, 'boundAccounts'> & { bound_accounts: string[] }>(`
    SELECT (SELECT count(*) FROM townships WHERE demo)::int AS townships,
           (SELECT count(*) FROM grid_cells WHERE id IN ${CELLS})::int AS "gridCells",
           (SELECT count(*) FROM venues WHERE id IN ${VENUES})::int AS venues,
           CASE WHEN ${SEED_REPORT} IS NOT NULL THEN
             (SELECT count(*) FROM venues WHERE id IN ${VENUES} AND id > (${SEED_REPORT}->>'venues')::int)::int
           END AS "venuesAddedSinceSeed",
           (SELECT count(*) FROM patrols WHERE venue_id IN ${VENUES})::int AS patrols,
           (SELECT count(*) FROM hazards WHERE venue_id IN ${VENUES})::int AS hazards,
           (SELECT count(*) FROM hazard_transitions t JOIN hazards h ON h.id = t.hazard_id
             WHERE h.venue_id IN ${VENUES})::int AS "hazardTransitions",
           (SELECT count(*) FROM acceptances a JOIN hazards h ON h.id = a.hazard_id
             WHERE h.venue_id IN ${VENUES})::int AS acceptances,
           (SELECT count(*) FROM streets WHERE demo)::int AS streets,
           (SELECT count(*) FROM reference_points WHERE demo)::int AS "referencePoints",
           (SELECT count(*) FROM users WHERE id IN ${USERS})::int AS users,
           (SELECT coalesce(array_agg(username ORDER BY username), '{}') FROM users
             WHERE NOT demo AND township_id IN ${TOWNSHIPS}) AS bound_accounts,
           (SELECT count(*) FROM display_tokens WHERE id IN ${TOKENS})::int AS "displayTokens",
           (SELECT count(*) FROM display_tokens WHERE NOT demo AND township_id IN ${TOWNSHIPS})::int
             AS "boundDisplayTokens",
           (SELECT count(*) FROM sessions WHERE user_id IN ${USERS} OR display_token_id IN ${TOKENS})::int AS sessions`);
  if (!row) throw new Error('counting the demo city returned no row');
  const { bound_accounts: boundAccounts, ...counts } = row;
  const contents: DemoContents = { ...counts, boundAccounts };
  const any =
    contents.townships + contents.users + contents.displayTokens + contents.streets + contents.referencePoints;
  return any > 0 ? contents : null;
}

/** What of the city's own the database holds. */
export async function cityRemains(db: Queryable): Promise<CityRemains> {
  const [row] = await db.query<CityRemains>(`
    SELECT (SELECT count(*) FROM townships)::int AS townships,
           (SELECT count(*) FROM users)::int AS users,
           (SELECT count(*) FROM users WHERE role = 'admin' AND active)::int AS "activeAdmins",
           (SELECT count(*) FROM venues)::int AS venues,
           (SELECT count(*) FROM display_tokens WHERE revoked_at IS NULL)::int AS "displayTokens"`);
  if (!row) throw new Error('counting the city returned no row');
  return row;
}

export interface DemoRemovalOptions {
  /** who removes it, for the audit log (e.g. "demo:remove (command line)") */
  actorName: string;
  /** called after each step with what it did (a thrown error rolls the whole removal back) */
  onProgress?: (step: string, rows: number) => void | Promise<void>;
}

/**
 * Removes the demo city in one transaction (all or nothing) and logs one audit row saying so;
 * null when the database holds nothing of the demo. Refuses (DemoRemovalRefused, nothing
 * removed) when patrols of the city's own venues were recorded by accounts that would go.
 * Needs the role that owns the tables (it indexes four columns for the time of the removal).
 */
export async function removeDemoCity(db: Queryable, options: DemoRemovalOptions): Promise<DemoRemovalReport | null> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  return db.transaction(async (tx) => {
    // no writes meanwhile (reads go on), and two removals run one after the other
    await tx.query(`LOCK TABLE townships, users, display_tokens, grid_cells, venues, patrols, hazards,
                    hazard_transitions, acceptances, streets, reference_points, audit_log IN SHARE ROW EXCLUSIVE MODE`);
    const contents = await demoContents(tx);
    if (!contents) return null;

    // a patrol needs its worker: the city's patrols recorded by an account that would go
    const [blocked] = await tx.query<{ n: number; usernames: string[] | null }>(`
      SELECT count(*)::int AS n, array_agg(DISTINCT u.username ORDER BY u.username) AS usernames
        FROM patrols p JOIN users u ON u.id = p.worker_id
       WHERE p.worker_id IN ${USERS} AND p.venue_id NOT IN ${VENUES}`);
    if (blocked && blocked.n > 0) {
      const names = blocked.usernames ?? [];
      throw new DemoRemovalRefused(
        `${blocked.n} patrols of the city's own venues (outside the demo's townships) were recorded by demo accounts ` +
          `or accounts of the demo's townships (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}); ` +
          'a patrol cannot lose its grid worker, so nothing was removed',
      );
    }

    const step = async (name: string, text: string): Promise<number> => {
      const [row] = await tx.query<{ n: number }>(
        `WITH done AS (${text} RETURNING 1) SELECT count(*)::int AS n FROM done`,
      );
      const n = row?.n ?? 0;
      await progress(name, n);
      return n;
    };
    // Deleting an account checks every column naming it; these have no index of their own, and
    // a scan per account over millions of patrols would take hours. Built for this transaction only.
    // A table cannot be indexed (or its index dropped) while trigger events on it wait for the
    // commit, so the deferred triggers (0001's closing check, 0008's data version) fire at the end
    // of each statement here: the data version is then bumped early, under the locks taken above.
    await tx.query('SET CONSTRAINTS ALL IMMEDIATE');
    await tx.query('CREATE INDEX demo_removal_patrols_worker ON patrols (worker_id)');
    await tx.query('CREATE INDEX demo_removal_transitions_actor ON hazard_transitions (actor_id)');
    await tx.query('CREATE INDEX demo_removal_acceptances_actor ON acceptances (actor_id)');
    await tx.query('CREATE INDEX demo_removal_audit_actor ON audit_log (actor_id)');

    // Audit rows about what goes (a demo venue registered, a demo account's sign-ins) go with it;
    // the seed's own row and the rows about the city's data stay, naming a removed actor by name only.
    const idOf = (entity: string) =>
      `(CASE WHEN a.entity = '${entity}' AND a.entity_id ~ '^[0-9]{1,18}$' THEN a.entity_id::bigint END)`;
    const auditRows = await step(
      'audit rows about the demo',
      `DELETE FROM audit_log a
        WHERE (a.entity = 'venue' AND ${idOf('venue')} IN ${VENUES})
           OR (a.entity = 'patrol' AND EXISTS (SELECT 1 FROM patrols p WHERE p.id = ${idOf('patrol')} AND p.venue_id IN ${VENUES}))
           OR (a.entity = 'hazard' AND EXISTS (SELECT 1 FROM hazards h WHERE h.id = ${idOf('hazard')} AND h.venue_id IN ${VENUES}))
           OR (a.entity = 'grid_cell' AND ${idOf('grid_cell')} IN ${CELLS})
           OR (a.entity = 'user' AND ${idOf('user')} IN ${USERS})
           OR (a.entity = 'display_token' AND ${idOf('display_token')} IN ${TOKENS})
           OR (a.entity = 'session' AND a.actor_id IN ${USERS})`,
    );
    await step('reference points', 'DELETE FROM reference_points WHERE demo');
    // transitions and sign-offs go with their hazards (ON DELETE CASCADE)
    await step('hazards', `DELETE FROM hazards WHERE venue_id IN ${VENUES}`);
    await step('patrols', `DELETE FROM patrols WHERE venue_id IN ${VENUES}`);
    await step('venues', `DELETE FROM venues WHERE id IN ${VENUES}`);

    let detached = 0;
    detached += await step(
      "the city's cells' demo workers",
      `UPDATE grid_cells SET worker_id = NULL WHERE worker_id IN ${USERS} AND id NOT IN ${CELLS}`,
    );
    detached += await step(
      "the city's patrols' demo cells",
      `UPDATE patrols SET grid_cell_id = NULL WHERE grid_cell_id IN ${CELLS}`,
    );
    detached += await step(
      "the city's hazard transitions by demo accounts",
      `UPDATE hazard_transitions SET actor_id = NULL WHERE actor_id IN ${USERS}`,
    );
    detached += await step(
      "the city's sign-offs by demo accounts",
      `UPDATE acceptances SET actor_id = NULL WHERE actor_id IN ${USERS}`,
    );
    detached += await step(
      "the city's display tokens made by demo accounts",
      `UPDATE display_tokens SET created_by = NULL WHERE created_by IN ${USERS} AND id NOT IN ${TOKENS}`,
    );
    detached += await step(
      'audit rows by demo accounts',
      `UPDATE audit_log SET actor_id = NULL WHERE actor_id IN ${USERS}`,
    );
    // their sessions go with them (ON DELETE CASCADE)
    await step('display tokens', `DELETE FROM display_tokens WHERE id IN ${TOKENS}`);
    await step('grid cells', `DELETE FROM grid_cells WHERE id IN ${CELLS}`);
    const loginFailures = await step(
      'failed sign-ins of demo accounts',
      `DELETE FROM login_failures WHERE username IN (SELECT username FROM users WHERE id IN ${USERS})`,
    );
    await step('accounts', `DELETE FROM users WHERE id IN ${USERS}`);
    await step('townships', 'DELETE FROM townships WHERE demo');
    await step('streets', 'DELETE FROM streets WHERE demo');

    await tx.query('DROP INDEX demo_removal_patrols_worker');
    await tx.query('DROP INDEX demo_removal_transitions_actor');
    await tx.query('DROP INDEX demo_removal_acceptances_actor');
    await tx.query('DROP INDEX demo_removal_audit_actor');
    await tx.query('SET CONSTRAINTS ALL DEFERRED');

    const report: DemoRemovalReport = {
      removed: { ...contents, auditRows, loginFailures },
      detached,
      remains: await cityRemains(tx),
      durationMs: Date.now() - started,
    };
    await tx.query(
      `INSERT INTO audit_log (actor_name, action, entity, detail) VALUES ($1, 'demo.remove', 'city', $2::jsonb)`,
      [options.actorName, JSON.stringify(report)],
    );
    return report;
  });
}
