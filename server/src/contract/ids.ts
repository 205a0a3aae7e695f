// Branded ids so a grid cell id cannot be passed where a township id is expected.
import { z } from 'zod';

export const townshipIdSchema = z.coerce
  .number({ error: 'must be a township id (a positive integer)' })
  .int('must be a township id (a positive integer)')
  .positive('must be a township id (a positive integer)')
  .brand<'TownshipId'>();
export type TownshipId = z.infer<typeof townshipIdSchema>;

export type GridCellId = number & z.$brand<'GridCellId'>;
export type StreetId = number & z.$brand<'StreetId'>;
