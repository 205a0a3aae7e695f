// Branded ids so a grid cell id cannot be passed where a township id is expected.
import { type z } from 'zod';
import { idParam } from './params.ts';

export const townshipIdSchema = idParam('must be a township id (a positive integer)').brand<'TownshipId'>();
export type TownshipId = z.infer<typeof townshipIdSchema>;

export type GridCellId = number & z.$brand<'GridCellId'>;
export type StreetId = number & z.$brand<'StreetId'>;
