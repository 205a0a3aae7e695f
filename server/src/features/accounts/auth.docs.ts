// OpenAPI description of the sign-in routes, the wall display tokens and account administration.
import {
  displaySessionSchema,
  displayTokenCreateSchema,
  displayTokenIdParamSchema,
  loginSchema,
  userCreateSchema,
  userIdParamSchema,
  usersQuerySchema,
  userUpdateSchema,
} from '@svm/contract';
import type { RouteDoc } from '../../kernel/route-doc.ts';

const P = 'application/problem+json';
const J = 'application/json';
const notSignedIn = { 401: { description: 'not signed in', mediaType: P } };
const adminOnly = { ...notSignedIn, 403: { description: 'not an admin account', mediaType: P } };

export const authDocs: RouteDoc[] = [
  {
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in with username and password',
    description:
      'as: cookie (default) sets the `svm_session` cookie (HttpOnly; SameSite=Strict; Path=/; Secure over https); ' +
      'as: token returns the session token to send as `Authorization: Bearer <token>`. Failed sign-ins are throttled ' +
      "(5 per account and 20 per address within 15 minutes by default); a success clears the account's count.",
    tags: ['auth'],
    body: { schema: loginSchema },
    responses: {
      200: {
        description: 'LoginDto: who signed in (MeDto), when the session expires, and the token when asked for',
        mediaType: J,
      },
      400: { description: 'malformed body', mediaType: P },
      401: { description: 'wrong username or password, or an inactive account (one message for all)', mediaType: P },
      429: { description: 'too many failed sign-ins; Retry-After says when to try again', mediaType: P },
    },
  },
  {
    method: 'post',
    path: '/api/auth/logout',
    summary: 'End the current session and clear the cookie',
    tags: ['auth'],
    responses: { 204: { description: 'signed out (also when nobody was signed in)' } },
  },
  {
    method: 'get',
    path: '/api/auth/me',
    summary: 'Who is signed in: user, role, read scope, township or department',
    tags: ['auth'],
    responses: { 200: { description: 'MeDto', mediaType: J }, ...notSignedIn },
  },
  {
    method: 'post',
    path: '/api/auth/display-session',
    summary: 'Exchange a wall display token for a read-only session cookie',
    description:
      'What the /wall?token=… page calls, so a screen is set up by its address alone. Display tokens are also accepted as bearer tokens.',
    tags: ['auth'],
    body: { schema: displaySessionSchema },
    responses: {
      200: { description: 'LoginDto of the display (read-only, bound to its scope)', mediaType: J },
      400: { description: 'malformed body', mediaType: P },
      401: { description: 'unknown or revoked token', mediaType: P },
    },
  },
  {
    method: 'get',
    path: '/api/auth/display-tokens',
    summary: 'List wall display tokens (never their values)',
    tags: ['auth'],
    responses: { 200: { description: 'DisplayTokenDto[]', mediaType: J }, ...adminOnly },
  },
  {
    method: 'post',
    path: '/api/auth/display-tokens',
    summary: 'Create a read-only wall display token for the city or one township',
    tags: ['auth'],
    body: { schema: displayTokenCreateSchema },
    responses: {
      201: { description: 'DisplayTokenCreatedDto: the token (shown only now) and the wall page path', mediaType: J },
      400: { description: 'malformed body', mediaType: P },
      ...adminOnly,
      422: { description: 'unknown township', mediaType: P },
    },
  },
  {
    method: 'delete',
    path: '/api/auth/display-tokens/{id}',
    summary: 'Revoke a display token and end its sessions',
    tags: ['auth'],
    params: displayTokenIdParamSchema,
    responses: {
      200: { description: 'the revoked DisplayTokenDto', mediaType: J },
      ...adminOnly,
      404: { description: 'unknown token', mediaType: P },
    },
  },
  {
    method: 'get',
    path: '/api/auth/users',
    summary: 'List accounts (admin): role, township, department, phone, active, cells; never a password',
    description:
      'Filters: role, townshipId, active, q (part of the username or display name, any case). Paged by id: limit (1-1000, ' +
      'default 100) and the nextCursor of the previous page as cursor. hasPassword says whether the account can sign in with one.',
    tags: ['auth'],
    query: usersQuerySchema,
    responses: {
      200: { description: 'UserAccountPage: { items: UserAccountDto[], nextCursor }', mediaType: J },
      400: { description: 'bad filter or cursor', mediaType: P },
      ...adminOnly,
    },
  },
  {
    method: 'post',
    path: '/api/auth/users',
    summary: 'Create an account (admin)',
    description:
      'township and grid_worker accounts need townshipId, department accounts departmentId; city, planner and admin ' +
      'accounts take neither (422 naming the field otherwise). Without a password the account cannot sign in until an admin sets one. ' +
      'Role and bindings cannot be changed later: they decide what the account reads, so an admin deactivates the account and creates a new one. ' +
      'A grid worker gets cells with PUT /api/grid-cells/{id}/worker. Audited as user.create (never the password).',
    tags: ['auth'],
    body: { schema: userCreateSchema },
    responses: {
      201: { description: 'UserAccountDto', mediaType: J },
      400: { description: 'malformed body', mediaType: P },
      ...adminOnly,
      409: { description: 'the username is taken', mediaType: P },
      422: { description: 'bindings that do not fit the role, or an unknown township or department', mediaType: P },
    },
  },
  {
    method: 'patch',
    path: '/api/auth/users/{id}',
    summary: 'Change an account (admin): password, active, display name, phone',
    description:
      'The seeded grid workers have no password and cannot sign in until an admin sets one here. A new password or a change of ' +
      "active ends the account's sessions; a display name or phone (null clears it) does not. Role, township and department cannot be " +
      'changed: they decide what the account reads, so an admin deactivates it and creates a new account instead.',
    tags: ['auth'],
    params: userIdParamSchema,
    body: { schema: userUpdateSchema },
    responses: {
      200: { description: 'UserAccountDto', mediaType: J },
      400: { description: 'malformed body', mediaType: P },
      ...adminOnly,
      404: { description: 'unknown user', mediaType: P },
      409: { description: 'deactivating the last active admin account', mediaType: P },
    },
  },
];
