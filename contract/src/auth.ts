// Sign-in: log in and out, who am I, the wall displays' read-only tokens, and account
// administration (accounts and the grid worker of each cell).
import { z } from 'zod';
import { booleanParam, idParam, oneOf, pageSchema, type Page } from './params.ts';
import { isStorableText, storableTextRule } from './storable-text.ts';
import { type VenueCategory, USER_ROLES } from './constants.ts';

const text = (name: string, min: number, max: number) =>
  z
    .string({ error: `${name} must be text of ${min} to ${max} characters` })
    .min(min, `${name} must be text of ${min} to ${max} characters`)
    .max(max, `${name} must be text of ${min} to ${max} characters`);

export const loginSchema = z.strictObject({
  username: text('username', 1, 64),
  password: text('password', 1, 256),
  /** cookie (default): an HttpOnly session cookie for the web; token: the session token in the body, for API clients */
  as: z.enum(['cookie', 'token'], { error: 'as must be cookie or token' }).default('cookie'),
});
export type LoginInput = z.input<typeof loginSchema>;

export const displaySessionSchema = z.strictObject({
  token: text('token', 1, 200),
});

export const displayTokenCreateSchema = z.strictObject({
  label: text('label', 1, 100),
  /** the township the display shows; null or absent: the whole city */
  townshipId: z
    .number({ error: 'townshipId must be a township id (a positive integer) or null' })
    .int('townshipId must be a township id (a positive integer) or null')
    .min(1, 'townshipId must be a township id (a positive integer) or null')
    .max(2_147_483_647, 'townshipId must be a township id (a positive integer) or null')
    .nullable()
    .default(null),
});

export const displayTokenIdParamSchema = z.strictObject({
  id: idParam('id must be a positive integer'),
});

export type MeScopeDto =
  { kind: 'city' } | { kind: 'township'; townshipId: number } | { kind: 'department'; departmentId: number };

export type RoleDto = 'city' | 'township' | 'department' | 'grid_worker' | 'planner' | 'admin';

/** GET /api/auth/me: who is signed in and what they may see. */
export interface MeDto {
  /** null for a wall display */
  user: { id: number; username: string; displayName: string } | null;
  role: RoleDto | null;
  /** a wall display (its label), null for a person */
  display: { label: string } | null;
  scope: MeScopeDto;
  township: { id: number; name: string; nameEn: string } | null;
  department: { id: number; name: string; nameEn: string; categories: VenueCategory[] } | null;
  readOnly: boolean;
}

export interface LoginDto {
  me: MeDto;
  expiresAt: string;
  /** only when logging in with as: token; send it as `Authorization: Bearer <token>` */
  token?: string;
}

export interface DisplayTokenDto {
  id: number;
  label: string;
  scope: { kind: 'city' } | { kind: 'township'; townshipId: number };
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The token is shown once, when created; only its hash is kept. */
export interface DisplayTokenCreatedDto extends DisplayTokenDto {
  token: string;
  /** the wall page's address with the token, relative to the dashboard */
  wallPath: string;
}

// ---- account administration (admin only) ----

const storable = (name: string, min: number, max: number) =>
  text(name, min, max).refine(isStorableText, storableTextRule(name));
/**
 * An account's fields under the name a caller gives them (JSON displayName, CSV display_name):
 * POST /api/auth/users and the accounts CSV import check the same rules.
 */
export const accountFieldSchemas = (names: { displayName: string; phone: string; password: string }) => {
  const phoneRule = `${names.phone} must be 3 to 32 digits, spaces, "+", "-" or parentheses`;
  return {
    username: z.string({ error: USERNAME_RULE }).regex(/^[a-z0-9_.-]{3,64}$/, USERNAME_RULE),
    displayName: storable(names.displayName, 1, 100).refine(
      (s) => s.trim().length > 0,
      `${names.displayName} must not be blank`,
    ),
    phone: z.string({ error: phoneRule }).regex(/^[0-9+\- ()]{3,32}$/, phoneRule),
    password: text(names.password, 10, 256),
  };
};
const USERNAME_RULE = 'username must be 3 to 64 lowercase letters, digits, ".", "_" or "-"';
const { displayName, phone, username, password } = accountFieldSchemas({
  displayName: 'displayName',
  phone: 'phone',
  password: 'password',
});
const newId = (name: string) => {
  const rule = `${name} must be an id (a positive integer)`;
  return z.number({ error: rule }).int(rule).min(1, rule).max(2_147_483_647, rule);
};

/**
 * POST /api/auth/users (admin): a new account. Its role decides its bindings: a township or
 * grid_worker account belongs to one township, a department account to one department, the
 * others to neither (the route refuses a mismatch with 422 naming the field). Without a password
 * the account cannot sign in until an admin sets one.
 */
export const userCreateSchema = z.strictObject({
  username,
  displayName,
  role: oneOf('role', USER_ROLES),
  townshipId: newId('townshipId').optional(),
  departmentId: newId('departmentId').optional(),
  phone: phone.optional(),
  password: password.optional(),
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

/**
 * PATCH /api/auth/users/:id (admin): a password (seeded grid workers have none), (de)activation,
 * display name, phone (null clears it). Role and bindings stay fixed: they decide what the
 * account reads, so an admin deactivates it and creates a new one instead.
 */
export const userUpdateSchema = z
  .strictObject({
    password: password.optional(),
    active: z.boolean({ error: 'active must be true or false' }).optional(),
    displayName: displayName.optional(),
    phone: phone.nullable().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), {
    error: 'give password, active, displayName or phone (any of them)',
  });

export const userIdParamSchema = displayTokenIdParamSchema;

const Q_RULE = 'q must be 1 to 100 characters (spaces around it do not count)';

/** GET /api/auth/users (admin): accounts filtered by role, township, active and text, paged by id. */
export const usersQuerySchema = pageSchema.extend({
  role: oneOf('role', USER_ROLES).optional(),
  townshipId: idParam('townshipId must be a township id (a positive integer)').optional(),
  active: booleanParam('active').optional(),
  /** part of the username or display name, any case (trimmed) */
  q: z
    .string({ error: Q_RULE })
    .trim()
    .min(1, Q_RULE)
    .max(100, Q_RULE)
    .refine(isStorableText, storableTextRule('q'))
    .optional(),
});

export interface UserAccountDto {
  id: number;
  username: string;
  displayName: string;
  role: RoleDto;
  townshipId: number | null;
  township: { id: number; name: string; nameEn: string } | null;
  departmentId: number | null;
  department: { id: number; name: string; nameEn: string } | null;
  phone: string | null;
  active: boolean;
  /** whether the account can sign in with a password at all (the hash is never sent) */
  hasPassword: boolean;
  createdAt: string;
  /** codes of the grid cells the account walks (grid workers; empty for the others) */
  cellCodes: string[];
}

export type UserAccountPage = Page<UserAccountDto>;

/** PUT /api/grid-cells/:id/worker (admin): the grid worker who walks the cell; null leaves it without one. */
export const gridCellWorkerSchema = z.strictObject({
  workerId: newId('workerId').nullable(),
});

export interface GridCellWorkerDto {
  id: number;
  code: string;
  name: string;
  townshipId: number;
  worker: { id: number; name: string; username: string } | null;
}
