// pnpm demo:remove: takes the seeded demo city out of the server's database in one transaction
// (@svm/db/seed's removeDemoCity says what is the demo's), after saying what goes and asking.
import { parseArgs } from 'node:util';
import type { Queryable } from '@svm/db';
import { demoContents, DemoRemovalRefused, removeDemoCity, type CityRemains, type DemoContents } from '@svm/db/seed';
import { counted, Interrupted, n, type CliIo } from './terminal.ts';

export const DEMO_REMOVE_USAGE = `Usage: pnpm demo:remove [--yes]

Removes the demo city the server seeded (its townships with their grid cells, venues, patrols,
hazards and sign-offs, its streets and reference points, its accounts with their sessions, its
wall display token) from the server's database (DATABASE_URL, or the embedded one in DATA_DIR,
which only one process may open: stop the server first), in one transaction: all of it or nothing.
The city's own townships, accounts, venues, tokens and imports stay; so do the industry
departments, the patrol policy and the grading rules. Asks first; --yes does not.
Exit status: 0 removed (or nothing to remove), 1 not removed, 2 wrong usage.`;

/** The command line in the audit log's actor_name. */
export const DEMO_REMOVE_ACTOR = 'demo:remove (command line)';

export function describeDemo(c: DemoContents): string[] {
  const lines = [
    `  ${counted(c.townships, 'township')} with ${counted(c.gridCells, 'grid cell')} and ${counted(c.venues, 'venue')}` +
      (c.venuesAddedSinceSeed
        ? ` (${n(c.venuesAddedSinceSeed)} of them registered or imported there since seeding)`
        : ''),
    `  ${counted(c.patrols, 'patrol')}, ${counted(c.hazards, 'hazard')} with ${counted(c.hazardTransitions, 'transition')} and ${counted(c.acceptances, 'sign-off')}`,
    `  ${counted(c.streets, 'street')}, ${counted(c.referencePoints, 'reference point')}`,
    `  ${counted(c.users, 'account')} and ${counted(c.displayTokens, 'display token')}, with ${counted(c.sessions, 'session')}`,
  ];
  if (c.boundAccounts.length > 0) {
    const shown = c.boundAccounts.slice(0, 10).join(', ') + (c.boundAccounts.length > 10 ? ', …' : '');
    lines.push(
      `  among them ${counted(c.boundAccounts.length, 'account')} of the city's own bound to a demo township: ${shown}`,
    );
  }
  if (c.boundDisplayTokens > 0) {
    lines.push(
      `  among them ${counted(c.boundDisplayTokens, 'display token')} of the city's own showing a demo township`,
    );
  }
  return lines;
}

/** What a server started next on this database will do, and what to do first. */
export function nextSteps(r: CityRemains): string[] {
  if (r.townships === 0 && r.users === 0) {
    return [
      'The database holds no townships and no accounts now. A server started with SEED_ON_START=true (the default)',
      'seeds the demo city into it again: start it with SEED_ON_START=false, and create the first admin with',
      '  pnpm admin:create --username <name>',
    ];
  }
  const lines = [
    `The database holds the city's own ${counted(r.townships, 'township')}, ${counted(r.users, 'account')} and ${counted(r.venues, 'venue')};`,
    'a server started on it does not seed the demo again (SEED_ON_START seeds only a database without townships',
    'and accounts).',
  ];
  if (r.activeAdmins === 0) {
    lines.push('No active admin account is left: create one with pnpm admin:create --username <name>');
  }
  return lines;
}

export interface DemoRemoveDeps {
  /** opens the server's database (migrated) */
  open(): Promise<{ db: Queryable; where: string; close(): Promise<void> }>;
}

/** The command: arguments → removal; the exit status (0 removed or nothing to remove, 1 not removed, 2 usage). */
export async function demoRemove(args: string[], io: CliIo, deps: DemoRemoveDeps): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        yes: { type: 'boolean', short: 'y', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${DEMO_REMOVE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(DEMO_REMOVE_USAGE);
    return 0;
  }
  if (!values.yes && !io.interactive) {
    io.err('stdin is not a terminal, so the removal cannot be confirmed: pass --yes to remove without asking');
    return 2;
  }
  const database = await deps.open();
  try {
    const contents = await demoContents(database.db);
    if (!contents) {
      io.out(`No demo city in ${database.where}: nothing of it is left to remove.`);
      return 0;
    }
    io.out(`The demo city in ${database.where}:`);
    for (const line of describeDemo(contents)) io.out(line);
    if (!values.yes) {
      const answer = await io.ask('Remove all of it? This cannot be undone. [y/N] ');
      if (!/^y(es)?$/i.test(answer.trim())) {
        io.out('Nothing removed.');
        return 1;
      }
    }
    const report = await removeDemoCity(database.db, {
      actorName: DEMO_REMOVE_ACTOR,
      onProgress: (step, rows) => {
        if (rows > 0) io.out(`  ${step}: ${n(rows)}`);
      },
    });
    if (!report) {
      io.out('Nothing to remove: the demo city was removed meanwhile.');
      return 0;
    }
    io.out(
      `Removed the demo city in ${(report.durationMs / 1000).toFixed(1)} s` +
        (report.detached > 0 ? `; ${n(report.detached)} rows of the city's own now name no demo account or cell` : '') +
        '. The audit log records the removal (action demo.remove).',
    );
    for (const line of nextSteps(report.remains)) io.out(line);
    return 0;
  } catch (err) {
    if (err instanceof DemoRemovalRefused) {
      io.err(`Not removed: ${err.message}.`);
      return 1;
    }
    if (err instanceof Interrupted) {
      io.err('Nothing removed: cancelled');
      return 1;
    }
    throw err;
  } finally {
    await database.close();
  }
}
