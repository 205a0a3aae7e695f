// The industry departments (行业主管部门) that sign off hazards of their venue categories:
// GET/POST /api/departments, PATCH /api/departments/{code}. Accounts and imports name them by code.
import { z } from 'zod';
import type { VenueCategory } from './constants.ts';
import { catalogueLabel, venueCategoryList } from './catalogue-fields.ts';

/** A department's code: stable, what accounts (department_code) and files name it by. */
export const DEPARTMENT_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
export const DEPARTMENT_CODE_RULE = '1-40 letters, digits, ".", "-" or "_", starting with a letter or digit';

export const departmentCodeSchema = (name: string) =>
  z
    .string({ error: `${name} must be a department code` })
    .regex(DEPARTMENT_CODE, `${name} must be a department code of ${DEPARTMENT_CODE_RULE} (e.g. market)`);

const label = catalogueLabel;

// a department signs off the hazards of venues of these categories (empty: none yet, so it signs
// off nothing and reads no venue until it is given some)
const categories = venueCategoryList;

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
