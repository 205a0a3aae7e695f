// The city's hazard catalogue: GET/POST /api/hazard-types, PATCH/DELETE /api/hazard-types/{code}.
import { z } from 'zod';
import { booleanParam, oneOf } from './params.ts';
import {
  HAZARD_SEVERITIES,
  HAZARD_TYPE_CODE,
  HAZARD_TYPE_CODE_RULE,
  type HazardSeverity,
  type VenueCategory,
} from './constants.ts';
import { catalogueLabel, venueCategoryList } from './catalogue-fields.ts';
import { isStorableText, storableTextRule } from './storable-text.ts';

export const hazardTypeCodeSchema = (name: string) =>
  z
    .string({ error: `${name} must be a hazard type code` })
    .regex(HAZARD_TYPE_CODE, `${name} must be a hazard type code of ${HAZARD_TYPE_CODE_RULE} (e.g. FS-12.3)`);

const label = catalogueLabel;

const categories = venueCategoryList;

export const hazardTypeCreateSchema = z.strictObject({
  code: hazardTypeCodeSchema('code'),
  name: label('name', 1),
  nameEn: label('nameEn', 0).default(''),
  defaultSeverity: oneOf('defaultSeverity', HAZARD_SEVERITIES),
  /** empty or absent: the type applies to every category */
  categories: categories.default([]),
});
export type HazardTypeCreate = z.infer<typeof hazardTypeCreateSchema>;

export const hazardTypeUpdateSchema = z
  .strictObject({
    /** a new code; refused (409) while hazards have the type */
    code: hazardTypeCodeSchema('code').optional(),
    name: label('name', 1).optional(),
    nameEn: label('nameEn', 0).optional(),
    defaultSeverity: oneOf('defaultSeverity', HAZARD_SEVERITIES).optional(),
    categories: categories.optional(),
    /** true retires the type (no new hazards), false brings it back */
    retired: z.boolean({ error: 'retired must be true or false' }).optional(),
  })
  .refine((u) => Object.keys(u).length > 0, 'give at least one hazard type field');
export type HazardTypeUpdate = z.infer<typeof hazardTypeUpdateSchema>;

export const hazardTypeParamSchema = z.object({ code: hazardTypeCodeSchema('code') });

export const hazardTypeQuerySchema = z.object({
  /** part of the code, Chinese or English name, case-insensitive */
  q: z.string().max(100, 'q must be at most 100 characters').refine(isStorableText, storableTextRule('q')).optional(),
  /** true: only retired types; false: only types in use for new hazards; absent: all */
  retired: booleanParam('retired').optional(),
});

export interface HazardTypeDto {
  code: string;
  name: string;
  nameEn: string;
  defaultSeverity: HazardSeverity;
  /** empty: every category */
  categories: VenueCategory[];
  retired: boolean;
  retiredAt: string | null;
  /** hazards recorded with the type */
  hazardCount: number;
}
