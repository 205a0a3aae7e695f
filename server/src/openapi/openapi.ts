// The OpenAPI 3.1 document, assembled from every feature's RouteDoc list; parameter and body
// schemas are the zod schemas the routes validate with, turned into JSON Schema (2020-12).
import { z } from 'zod';
import { blindSpotsDocs } from '../routes/blind-spots/blind-spots.docs.ts';
import { contextDocs } from '../routes/context/context.docs.ts';
import { eventsDocs } from '../routes/events/events.docs.ts';
import { exportsDocs } from '../routes/exports/exports.docs.ts';
import { gridCellsDocs } from '../routes/grid-cells/grid-cells.docs.ts';
import { hazardsDocs } from '../routes/hazards/hazards.docs.ts';
import { healthDocs } from '../routes/health/health.docs.ts';
import { heatmapDocs } from '../routes/heatmap/heatmap.docs.ts';
import { importsDocs } from '../routes/imports/imports.docs.ts';
import { reboundsDocs } from '../routes/rebounds/rebounds.docs.ts';
import { statsDocs } from '../routes/stats/stats.docs.ts';
import { tilesDocs } from '../routes/tiles/tiles.docs.ts';
import { townshipsDocs } from '../routes/townships/townships.docs.ts';
import { venuesDocs } from '../routes/venues/venues.docs.ts';
import { workflowDocs } from '../routes/workflow/workflow.docs.ts';
import { authDocs } from '../routes/auth/auth.docs.ts';
import { configDocs } from '../routes/config/config.docs.ts';
import { openapiDocs } from './openapi.docs.ts';
import type { RouteDoc } from './route-doc.ts';

export const allRouteDocs: RouteDoc[] = [
  ...healthDocs, ...townshipsDocs, ...gridCellsDocs, ...contextDocs, ...venuesDocs, ...hazardsDocs, ...statsDocs,
  ...exportsDocs, ...importsDocs, ...workflowDocs, ...reboundsDocs, ...blindSpotsDocs, ...heatmapDocs, ...tilesDocs, ...openapiDocs,
  ...authDocs,
  ...eventsDocs,
  ...configDocs,
];

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** What a client sends (io: input), so transforms and defaults describe the accepted text. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const s = jsonSchema(schema);
  return Object.entries(s.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name, in: where, required: where === 'path' || (s.required ?? []).includes(name), schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

function operation(doc: RouteDoc) {
  const responses = Object.fromEntries(Object.entries(doc.responses).map(([status, r]) => [status, {
    description: r.description,
    ...(r.mediaType ? { content: { [r.mediaType]: r.schema ? { schema: jsonSchema(r.schema) } : {} } } : {}),
  }]));
  const problem = { description: 'RFC 9457 problem: `detail` says what is allowed', content: { 'application/problem+json': {} } };
  return {
    operationId: `${doc.method}${doc.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: doc.tags,
    parameters: [...parameters(doc.params, 'path'), ...parameters(doc.query, 'query')],
    ...(doc.body ? {
      requestBody: {
        required: true,
        content: 'schema' in doc.body
          ? { 'application/json': { schema: jsonSchema(doc.body.schema) } }
          : { [doc.body.mediaType]: { schema: { type: 'string', description: doc.body.description } } },
      },
    } : {}),
    responses: { ...responses, ...(responses['400'] ? {} : { 400: problem }) },
  };
}

/** The whole document; built once per process (the docs are static). */
export function openApiDocument(docs: RouteDoc[] = allRouteDocs) {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const doc of docs) (paths[doc.path] ??= {})[doc.method] = operation(doc);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Small-venue safety map API (社会面小场所安全治理)',
      version: '1.0.0',
      description: 'Every time-dependent answer takes `asOf` (default now). Errors are RFC 9457 problems.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
  };
}
