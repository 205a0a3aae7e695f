// Sign-in routes: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, and
// POST /api/auth/display-session (a wall display's token exchanged for a read-only cookie).
import { Hono, type Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { Queryable } from '@svm/db';
import { audit } from '../../auth/audit.ts';
import { callerOf } from '../../auth/caller.ts';
import { verifyPassword } from '../../auth/password.ts';
import { callerFromCredential, presentedToken, SESSION_COOKIE } from '../../auth/resolver.ts';
import { createdSession, deletedSession, deleteExpiredSessions } from '../../auth/sessions.queries.ts';
import { clientAddress, isHttps, type AuthSettings } from '../../auth/settings.ts';
import { assertNotThrottled } from '../../auth/throttle.ts';
import { clearAccountFailures, recordFailure } from '../../auth/throttle.queries.ts';
import { newToken, tokenHash } from '../../auth/tokens.ts';
import { displaySessionSchema, loginSchema, type LoginDto } from '@svm/contract';
import { Problem } from '../../kernel/problem.ts';
import { validate } from '../../kernel/validate.ts';
import { jsonBodyLimit } from '../../kernel/write-body.ts';
import { liveDisplayTokenByHash, userByUsername } from './auth.queries.ts';
import { meOf } from './me.ts';

// one message for every refusal, so a caller cannot tell a wrong username from a wrong password
const REFUSED = 'the username or password is wrong, or the account may not sign in';

function setSessionCookie(c: Context, settings: AuthSettings, token: string, maxAgeSeconds: number) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    secure: isHttps(c, settings),
    maxAge: maxAgeSeconds,
  });
}

export function authRoute(db: Queryable, settings: AuthSettings) {
  const sessionSeconds = settings.sessionHours * 3600;
  const displaySeconds = settings.displaySessionDays * 86_400;
  return new Hono()
    .post('/login', jsonBodyLimit, validate('json', loginSchema), async (c) => {
      const input = c.req.valid('json');
      const username = input.username.trim().toLowerCase();
      const address = clientAddress(c, settings);
      await assertNotThrottled(c, db, username, address, settings);
      const user = await userByUsername(db, username);
      const passwordOk = await verifyPassword(input.password, user?.password_hash ?? null);
      if (!user || !passwordOk || !user.active) {
        await recordFailure(db, username, address);
        throw Problem.unauthorized(REFUSED);
      }
      const token = newToken();
      const { expiresAt } = await db.transaction(async (tx) => {
        await clearAccountFailures(tx, username);
        await deleteExpiredSessions(tx);
        const at = await createdSession(tx, { userId: user.id }, tokenHash(token), sessionSeconds, address);
        await audit(
          tx,
          { id: user.id, name: user.display_name },
          {
            action: 'auth.login',
            entity: 'session',
            entityId: null,
            detail: { as: input.as, address },
          },
        );
        return { expiresAt: at };
      });
      const caller = callerFromCredential({
        user_id: user.id,
        name: user.display_name,
        role: user.role,
        township_id: user.township_id,
        department_id: user.department_id,
      });
      const body: LoginDto = { me: await meOf(db, caller), expiresAt: expiresAt.toISOString() };
      if (input.as === 'token') body.token = token;
      else setSessionCookie(c, settings, token, sessionSeconds);
      return c.json(body);
    })
    .post('/logout', async (c) => {
      const token = presentedToken(c);
      if (token) {
        const ended = await deletedSession(db, tokenHash(token));
        const caller = c.get('caller');
        if (ended && ended.user_id !== null && caller?.userId === ended.user_id) {
          await audit(
            db,
            { id: caller.userId, name: caller.name },
            { action: 'auth.logout', entity: 'session', entityId: null },
          );
        }
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, settings), httpOnly: true, sameSite: 'Strict' });
      return c.body(null, 204);
    })
    .get('/me', async (c) => c.json(await meOf(db, callerOf(c))))
    .post('/display-session', jsonBodyLimit, validate('json', displaySessionSchema), async (c) => {
      const { token } = c.req.valid('json');
      const display = await liveDisplayTokenByHash(db, tokenHash(token));
      if (!display)
        throw Problem.unauthorized(
          'this display token is unknown or has been revoked; ask an administrator for a new wall address',
        );
      const session = newToken();
      const expiresAt = await createdSession(
        db,
        { displayTokenId: display.id },
        tokenHash(session),
        displaySeconds,
        clientAddress(c, settings),
      );
      setSessionCookie(c, settings, session, displaySeconds);
      const caller = callerFromCredential({
        user_id: null,
        name: display.label,
        role: null,
        township_id: display.township_id,
        department_id: null,
      });
      const body: LoginDto = { me: await meOf(db, caller), expiresAt: expiresAt.toISOString() };
      return c.json(body);
    });
}
