import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { Queryable } from '@svm/db';
import type { LoginDto } from '@svm/contract';
import { sessionResolver } from '../auth/resolver.ts';
import { DEFAULT_AUTH_SETTINGS } from '../auth/settings.ts';
import { bodyOf, testApp } from '../testing/app.ts';
import { login } from '../testing/auth-fixture.ts';
import { scriptedIo } from '../testing/cli-io.ts';
import { adminCreate, PASSWORD_RULE, passwordProblem } from './admin-create.command.ts';

const GOOD = 'lantern 灯笼 harbour 9';
const DEMO_PASSWORD = 'svm-demo-2026';

/** The command's dependencies over a test transaction; `opened` counts the database openings. */
function depsOver(tx: Queryable) {
  const deps = {
    opened: 0,
    demoPassword: DEMO_PASSWORD,
    open: async () => {
      deps.opened += 1;
      return { db: tx, where: 'the test database', close: async () => {} };
    },
  };
  return deps;
}

/** Every account and audit row, to show a refusal wrote nothing. */
const written = (tx: Queryable) =>
  tx.query('SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM audit_log)::int AS audit');

describe('pnpm admin:create', () => {
  it('creates an active admin from a piped password, audited as the command line, who then signs in through the app', () =>
    rolledBack(async (tx) => {
      const io = scriptedIo({ interactive: false, stdin: GOOD });
      const code = await adminCreate(
        ['--username', 'chief', '--display-name', '市管理员', '--password-stdin'],
        io,
        depsOver(tx),
      );
      expect(io.errors).toEqual([]);
      expect(code).toBe(0);
      const [user] = await tx.query<{ id: number; role: string; active: boolean; demo: boolean; display_name: string }>(
        `SELECT id, role::text AS role, active, demo, display_name FROM users WHERE username = 'chief'`,
      );
      expect(user).toMatchObject({ role: 'admin', active: true, demo: false, display_name: '市管理员' });
      expect(io.said.join('\n')).toContain(
        `Created the admin account chief (id ${user!.id}, display name 市管理员) in the test database.`,
      );
      expect(await tx.query('SELECT actor_id, actor_name, action, entity, entity_id, detail FROM audit_log')).toEqual([
        {
          actor_id: null,
          actor_name: 'admin:create (command line)',
          action: 'user.create',
          entity: 'user',
          entity_id: String(user!.id),
          detail: { username: 'chief', role: 'admin', passwordSet: true, via: 'command line' },
        },
      ]);

      const { app } = await testApp(tx, { resolveCaller: sessionResolver(tx, DEFAULT_AUTH_SETTINGS) });
      const res = await login(app, { username: 'chief', password: GOOD });
      expect(res.status).toBe(200);
      expect((await bodyOf<LoginDto>(res)).me).toMatchObject({ role: 'admin', user: { username: 'chief' } });
      expect((await login(app, { username: 'chief', password: `${GOOD}!` })).status).toBe(401);
    }));

  it('asks twice without echo on a terminal, and refuses two different answers', () =>
    rolledBack(async (tx) => {
      const io = scriptedIo({ interactive: true, answers: [GOOD, GOOD] });
      expect(await adminCreate(['--username', 'chief'], io, depsOver(tx))).toBe(0);
      expect(io.asked.map((a) => a.hidden)).toEqual([true, true]);
      const [user] = await tx.query(`SELECT display_name FROM users WHERE username = 'chief'`);
      expect(user).toEqual({ display_name: '系统管理员' });

      const differ = scriptedIo({ interactive: true, answers: [GOOD, `${GOOD} `] });
      const deps = depsOver(tx);
      expect(await adminCreate(['--username', 'deputy'], differ, deps)).toBe(1);
      expect(differ.errors).toEqual(['Not created: the two passwords differ; nothing was created']);
      expect(deps.opened).toBe(0);
    }));

  it('refuses a taken username, saying when it is the demo’s, and writes nothing', () =>
    rolledBack(async (tx) => {
      await tx.query(
        `INSERT INTO users (username, display_name, role, demo) VALUES ('admin', '系统管理员', 'admin', true)`,
      );
      await tx.query(
        `INSERT INTO users (username, display_name, role, active) VALUES ('chief', '市管理员', 'city', false)`,
      );
      const before = await written(tx);
      const demo = scriptedIo({ interactive: false, stdin: GOOD });
      expect(await adminCreate(['--username', 'admin', '--password-stdin'], demo, depsOver(tx))).toBe(1);
      expect(demo.errors).toEqual([
        'Not created: username admin is taken (an active admin account of the demo city); choose another name, or remove the demo city first (pnpm demo:remove)',
      ]);
      const own = scriptedIo({ interactive: false, stdin: GOOD });
      expect(await adminCreate(['--username', 'chief', '--password-stdin'], own, depsOver(tx))).toBe(1);
      expect(own.errors).toEqual([
        'Not created: username chief is taken (a deactivated city account); choose another name',
      ]);
      expect(await written(tx)).toEqual(before);
    }));

  it('refuses a weak password, stating the rule, before opening the database', () =>
    rolledBack(async (tx) => {
      const before = await written(tx);
      for (const [password, broke] of [
        ['short pass', 'it has 10 characters'],
        ['aaaaaaaaaaaaaaaa', 'it repeats one character'],
        [DEMO_PASSWORD, 'it is the demo password, which is published'],
        ['Chief.Of.City', 'it is the username'],
      ] as const) {
        const io = scriptedIo({ interactive: false, stdin: password });
        const deps = depsOver(tx);
        expect(await adminCreate(['--username', 'chief.of.city', '--password-stdin'], io, deps), password).toBe(1);
        expect(io.errors).toEqual([`Not created: ${PASSWORD_RULE}: ${broke}`]);
        expect(deps.opened).toBe(0);
      }
      expect(PASSWORD_RULE).toBe(
        'a password must be 12 to 256 characters, not one character repeated, and neither the username nor the demo password (DEMO_PASSWORD)',
      );
      expect(await written(tx)).toEqual(before);
    }));

  it('counts characters, not bytes: twelve Chinese characters are enough', () => {
    expect(passwordProblem('安全生产人人有责守护城市', { username: 'chief', demoPassword: DEMO_PASSWORD })).toBeNull();
    expect(passwordProblem('安全生产人人有责守护', { username: 'chief', demoPassword: DEMO_PASSWORD })).toMatch(
      /it has 10 characters$/,
    );
  });

  it('answers wrong usage with 2 and the usage, and a username the accounts API refuses with 1', () =>
    rolledBack(async (tx) => {
      const none = scriptedIo({ interactive: false });
      expect(await adminCreate([], none, depsOver(tx))).toBe(2);
      expect(none.errors[0]).toMatch(/^--username is required\n\nUsage: pnpm admin:create --username <name>/);
      const unknown = scriptedIo({ interactive: false });
      expect(await adminCreate(['--username', 'chief', '--role', 'city'], unknown, depsOver(tx))).toBe(2);
      expect(unknown.errors[0]).toMatch(/^Unknown option '--role'/);
      const bad = scriptedIo({ interactive: false, stdin: GOOD });
      expect(await adminCreate(['--username', 'Chief Admin', '--password-stdin'], bad, depsOver(tx))).toBe(1);
      expect(bad.errors).toEqual(['Not created: username must be 3 to 64 lowercase letters, digits, ".", "_" or "-"']);
      // a pipe without --password-stdin, and an empty one with it
      const piped = scriptedIo({ interactive: false, stdin: GOOD });
      expect(await adminCreate(['--username', 'chief'], piped, depsOver(tx))).toBe(1);
      expect(piped.errors).toEqual([
        'Not created: stdin is not a terminal, so the password cannot be asked: pipe it in with --password-stdin',
      ]);
      const empty = scriptedIo({ interactive: false, stdin: null });
      expect(await adminCreate(['--username', 'chief', '--password-stdin'], empty, depsOver(tx))).toBe(1);
      expect(empty.errors).toEqual(['Not created: --password-stdin: stdin held no password line']);
      expect(await tx.query('SELECT username FROM users')).toEqual([]);
    }));
});
