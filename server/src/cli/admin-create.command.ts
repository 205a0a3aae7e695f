// pnpm admin:create: the first admin account of a city that started empty (or another admin
// when every admin is locked out), made on the server's machine instead of through the API,
// which needs an admin to be signed in already.
import { parseArgs } from 'node:util';
import type { Queryable } from '@svm/db';
import { userCreateSchema } from '@svm/contract';
import { audit } from '../auth/audit.ts';
import { hashPassword } from '../auth/password.ts';
import { insertedUser } from '../domain/accounts.queries.ts';
import { Interrupted, type CliIo } from './terminal.ts';

export const ADMIN_CREATE_USAGE = `Usage: pnpm admin:create --username <name> [--display-name <text>] [--password-stdin]

Creates an active admin account in the server's database (DATABASE_URL, or the embedded one in
DATA_DIR, which only one process may open: stop the server first). The password is asked twice on
the terminal without echo; --password-stdin reads it from the first line of stdin instead, e.g.
  printf '%s\\n' "$ADMIN_PASSWORD" | pnpm admin:create --username chief --password-stdin
Exit status: 0 created, 1 refused (nothing written), 2 wrong usage.`;

const MIN_LENGTH = 12;
const MAX_LENGTH = 256;
export const PASSWORD_RULE =
  `a password must be ${MIN_LENGTH} to ${MAX_LENGTH} characters, not one character repeated, ` +
  'and neither the username nor the demo password (DEMO_PASSWORD)';

/** Why a password is refused (the rule, with what broke it), or null when it is acceptable. */
export function passwordProblem(password: string, context: { username: string; demoPassword: string }): string | null {
  const length = [...password.normalize('NFC')].length;
  const broke =
    length < MIN_LENGTH
      ? `it has ${length} characters`
      : length > MAX_LENGTH
        ? `it has ${length} characters`
        : new Set(password).size === 1
          ? 'it repeats one character'
          : password.toLowerCase() === context.username.toLowerCase()
            ? 'it is the username'
            : password === context.demoPassword
              ? 'it is the demo password, which is published'
              : null;
  return broke === null ? null : `${PASSWORD_RULE}: ${broke}`;
}

export interface NewAdmin {
  username: string;
  displayName: string;
  password: string;
}

/** The account could not be created; nothing was written. */
export class AdminCreateRefused extends Error {
  override readonly name = 'AdminCreateRefused';
}

/** Who the audit log says created it: no account, the command line. */
export const COMMAND_LINE_ACTOR = { id: null, name: 'admin:create (command line)' } as const;

/** Creates an active admin account with the password hashed as every account's, and audits it. */
export async function createAdminAccount(
  db: Queryable,
  admin: NewAdmin,
  context: { demoPassword: string },
): Promise<{ id: number }> {
  const displayName = checkedNames(admin);
  const weak = passwordProblem(admin.password, { username: admin.username, demoPassword: context.demoPassword });
  if (weak) throw new AdminCreateRefused(weak);
  const passwordHash = await hashPassword(admin.password);
  try {
    return await db.transaction(async (tx) => {
      const [taken] = await tx.query<{ role: string; active: boolean; demo: boolean }>(
        'SELECT role::text AS role, active, demo FROM users WHERE username = $1',
        [admin.username],
      );
      if (taken) throw new AdminCreateRefused(takenMessage(admin.username, taken));
      const id = await insertedUser(tx, {
        username: admin.username,
        displayName,
        role: 'admin',
        townshipId: null,
        departmentId: null,
        phone: null,
        passwordHash,
      });
      await audit(tx, COMMAND_LINE_ACTOR, {
        action: 'user.create',
        entity: 'user',
        entityId: id,
        detail: { username: admin.username, role: 'admin', passwordSet: true, via: 'command line' },
      });
      return { id };
    });
  } catch (err) {
    // the same name created at the same moment by someone else: the unique index said so
    if ((err as { code?: string }).code === '23505') {
      throw new AdminCreateRefused(`username ${admin.username} is taken; choose another`);
    }
    throw err;
  }
}

/** The names as the accounts API takes them (its rules and messages); the display name to store. */
function checkedNames(admin: { username: string; displayName: string }): string {
  const names = { username: admin.username, displayName: admin.displayName };
  const input = userCreateSchema.pick({ username: true, displayName: true }).safeParse(names);
  if (!input.success) throw new AdminCreateRefused(input.error.issues.map((i) => i.message).join('; '));
  return input.data.displayName;
}

function takenMessage(username: string, taken: { role: string; active: boolean; demo: boolean }): string {
  const what = `${taken.active ? 'an active' : 'a deactivated'} ${taken.role} account${taken.demo ? ' of the demo city' : ''}`;
  const hint = taken.demo
    ? 'choose another name, or remove the demo city first (pnpm demo:remove)'
    : 'choose another name';
  return `username ${username} is taken (${what}); ${hint}`;
}

/** Reads the password as asked: twice on a terminal, or one line of a pipe. */
async function readPassword(io: CliIo, username: string, fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const line = await io.readLine();
    if (line === null || line === '') throw new AdminCreateRefused('--password-stdin: stdin held no password line');
    return line;
  }
  if (!io.interactive) {
    throw new AdminCreateRefused(
      'stdin is not a terminal, so the password cannot be asked: pipe it in with --password-stdin',
    );
  }
  const first = await io.ask(`Password for ${username} (${MIN_LENGTH} or more characters, not shown): `, {
    hidden: true,
  });
  const again = await io.ask('The same password again: ', { hidden: true });
  if (first !== again) throw new AdminCreateRefused('the two passwords differ; nothing was created');
  return first;
}

export interface AdminCreateDeps {
  /** opens the server's database (migrated); called only once the arguments are right */
  open(): Promise<{ db: Queryable; where: string; close(): Promise<void> }>;
  demoPassword: string;
}

/** The command: arguments → account; the exit status (0 created, 1 refused, 2 wrong usage). */
export async function adminCreate(args: string[], io: CliIo, deps: AdminCreateDeps): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        username: { type: 'string' },
        'display-name': { type: 'string', default: '系统管理员' },
        'password-stdin': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    io.err(`${(err as Error).message}\n\n${ADMIN_CREATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(ADMIN_CREATE_USAGE);
    return 0;
  }
  const username = values.username;
  if (username === undefined) {
    io.err(`--username is required\n\n${ADMIN_CREATE_USAGE}`);
    return 2;
  }
  try {
    checkedNames({ username, displayName: values['display-name'] });
    const password = await readPassword(io, username, values['password-stdin']);
    const weak = passwordProblem(password, { username, demoPassword: deps.demoPassword });
    if (weak) throw new AdminCreateRefused(weak);
    const database = await deps.open();
    try {
      const admin = { username, displayName: values['display-name'], password };
      const { id } = await createAdminAccount(database.db, admin, { demoPassword: deps.demoPassword });
      io.out(
        `Created the admin account ${username} (id ${id}, display name ${admin.displayName}) in ${database.where}.\n` +
          'Sign in with it on the dashboard; it may create the other accounts, the display tokens and imports.',
      );
      return 0;
    } finally {
      await database.close();
    }
  } catch (err) {
    if (err instanceof AdminCreateRefused) {
      io.err(`Not created: ${err.message}`);
      return 1;
    }
    if (err instanceof Interrupted) {
      io.err('Not created: cancelled');
      return 1;
    }
    throw err;
  }
}
