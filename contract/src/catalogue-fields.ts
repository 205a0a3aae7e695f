// Fields the city's own catalogues share (hazard types, industry departments): a display name
// and the venue categories an entry applies to.
import { z } from 'zod';
import { oneOf } from './params.ts';
import { VENUE_CATEGORIES } from './constants.ts';
import { isStorableText, storableTextRule } from './storable-text.ts';

/** A catalogue entry's name: trimmed, `min` to 200 characters, storable text. */
export const catalogueLabel = (name: string, min: number) =>
  z
    .string({ error: `${name} must be text of ${min} to 200 characters` })
    .trim()
    .min(min, `${name} must be text of ${min} to 200 characters`)
    .max(200, `${name} must be text of ${min} to 200 characters`)
    .refine(isStorableText, storableTextRule(name));

/** The venue categories an entry applies to, each at most once. */
export const venueCategoryList = z
  .array(oneOf('categories', VENUE_CATEGORIES), { error: 'categories must be a list of venue categories' })
  .max(VENUE_CATEGORIES.length, 'categories must not repeat a category')
  .refine((c) => new Set(c).size === c.length, 'categories must not repeat a category');
