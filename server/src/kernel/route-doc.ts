// How a feature describes its routes for the OpenAPI document: each feature folder exports its
// `RouteDoc[]` lists (e.g. `venuesDocs`) from `<feature>.docs.ts`, built from the same zod schemas the
// route validates with, so the document cannot drift from what the server accepts.
import type { z } from 'zod';

export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path with {params}, e.g. /api/venues/{id} */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: z.ZodObject;
  query?: z.ZodType;
  /** request body: a zod schema (JSON) or a media type with a text description (CSV, GeoJSON) */
  body?: { schema: z.ZodType } | { mediaType: string; description: string };
  /** success responses by status: a media type and what it holds */
  responses: Record<number, { description: string; mediaType?: string; schema?: z.ZodType }>;
}

/** The error responses every JSON write documents (the write routes' docs spread them into theirs). */
export const writeErrors = {
  400: { description: 'malformed JSON or a field outside its allowed values', mediaType: 'application/problem+json' },
  401: { description: 'not signed in (session cookie or bearer token)', mediaType: 'application/problem+json' },
  403: {
    description:
      'this account may not make this write (role, township, cell or department), is read-only, or is deactivated',
    mediaType: 'application/problem+json',
  },
  413: { description: 'body larger than 1 MiB', mediaType: 'application/problem+json' },
};
