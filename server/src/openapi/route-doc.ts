// How a feature describes its routes for the OpenAPI document: each feature folder exports
// `<feature>Docs: RouteDoc[]` from `<feature>.docs.ts`, built from the same zod schemas the
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
