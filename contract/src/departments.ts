// The industry departments (行业主管部门) that sign off hazards of their venue categories:
// GET/POST /api/departments, PATCH /api/departments/{code}. Accounts and imports name them by code.
import { z } from 'zod';
import { oneOf } from './params.ts';
import { VENUE_CATEGORIES, type VenueCategory } from './constants.ts';
import { isStorableText, storableTextRule } from './storable-text.ts';

/** A department's code: stable, what accounts (department_code) and files name it by. */
export const DEPARTMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const DEPARTMENT_CODE_RULE = '1-40 letters, digits, ".", "-" or "_", starting with a letter or digit';

export const departmentCodeSchema = (name: string) =>
  z
    .string({ error: `${name} must be a department code` })
    .regex(DEPARTMENT_CODE, `${name} must be a department code of ${DEPARTMENT_CODE_RULE} (e.g. market)`);

const label = (name: string, min: number) =>
  z
    .string({ error: `${name} must be text of ${min} to 200 characters` })
    .trim()
    .min(min, `${name} must be text of ${min} to 200 characters`)
    .max(200, `${name} must be text of ${min} to 200 characters`)
    .refine(isStorableText, storableTextRule(name));

// a department signs off the hazards of venues of these categories (empty: none yet, so it signs
// off nothing and reads no venue until it is given some)
const categories = z
  .array(oneOf('categories', VENUE_CATEGORIES), { error: 'categories must be a list of venue categories' })
  .max(VENUE_CATEGORIES.length, 'categories must not repeat a category')
  .refine((c) => new Set(c).size === c.length, 'categories must not repeat a category');

export const departmentCreateSchema = z.strictObject({
  code: departmentCodeSchema('code'),
  name: label('name', 1),
  nameEn: label('nameEn', 0).default(''),
  categories: categories.default([]),
});
export type DepartmentCreate = z.infer<typeof departmentCreateSchema>;

/** The code stays: accounts and imported files name the department by it. */
export const departmentUpdateSchema = z
  .strictObject({
    name: label('name', 1).optional(),
    nameEn: label('nameEn', 0).optional(),
    categories: categories.optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'give at least one of name, nameEn, categories');
export type DepartmentUpdate = z.infer<typeof departmentUpdateSchema>;

export const departmentParamSchema = z.object({ code: departmentCodeSchema('code') });

export interface DepartmentDto {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  /** the venue categories whose hazards it signs off as the industry authority (empty: none yet) */
  categories: VenueCategory[];
  /** active department accounts */
  accountCount: number;
}
