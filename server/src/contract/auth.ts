// Sign-in: log in and out, who am I, and the wall displays' read-only tokens.
import { z } from 'zod';
import { idParam, type VenueCategory } from './params.ts';

const text = (name: string, min: number, max: number) =>
  z.string({ error: `${name} must be text of ${min} to ${max} characters` })
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
  townshipId: z.number({ error: 'townshipId must be a township id (a positive integer) or null' })
    .int('townshipId must be a township id (a positive integer) or null')
    .min(1, 'townshipId must be a township id (a positive integer) or null')
    .max(2_147_483_647, 'townshipId must be a township id (a positive integer) or null')
    .nullable().default(null),
});

export const displayTokenIdParamSchema = z.strictObject({
  id: idParam('id must be a positive integer'),
});

export type MeScopeDto =
  | { kind: 'city' }
  | { kind: 'township'; townshipId: number }
  | { kind: 'department'; departmentId: number };

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

/** PATCH /api/auth/users/:id (admin): set a password (seeded grid workers have none) or (de)activate an account. */
export const userUpdateSchema = z.strictObject({
  password: text('password', 10, 256).optional(),
  active: z.boolean({ error: 'active must be true or false' }).optional(),
}).refine((v) => v.password !== undefined || v.active !== undefined, { error: 'give password or active (or both)' });

export const userIdParamSchema = displayTokenIdParamSchema;

export interface UserAccountDto {
  id: number;
  username: string;
  displayName: string;
  role: RoleDto;
  townshipId: number | null;
  departmentId: number | null;
  active: boolean;
  /** whether the account can sign in with a password at all */
  hasPassword: boolean;
}
