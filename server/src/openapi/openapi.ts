// The OpenAPI 3.1 document, assembled from every feature's RouteDoc list; parameter and body
// schemas are the zod schemas the routes validate with, turned into JSON Schema (2020-12).
import { z } from 'zod';
import { authDocs } from '../features/accounts/auth.docs.ts';
import { blindSpotsDocs } from '../features/blind-spots/blind-spots.docs.ts';
import { configDocs } from '../features/config/config.docs.ts';
import { contextDocs } from '../features/context/context.docs.ts';
import { eventsDocs } from '../features/events/events.docs.ts';
import { gridCellsDocs } from '../features/grid-cells/grid-cells.docs.ts';
import { hazardExportDocs, hazardsDocs, hazardWritesDocs } from '../features/hazards/hazards.docs.ts';
import { hazardTypesDocs } from '../features/hazard-types/hazard-types.docs.ts';
import { departmentsDocs } from '../features/departments/departments.docs.ts';
import { healthDocs } from '../features/health/health.docs.ts';
import { heatmapDocs } from '../features/heatmap/heatmap.docs.ts';
import { importsDocs } from '../features/imports/imports.docs.ts';
import { patrolsDocs } from '../features/patrols/patrols.docs.ts';
import { policyDocs } from '../features/policy/policy.docs.ts';
import { reboundsDocs } from '../features/rebounds/rebounds.docs.ts';
import { statsDocs } from '../features/stats/stats.docs.ts';
import { tilesDocs } from '../features/tiles/tiles.docs.ts';
import { townshipsDocs } from '../features/townships/townships.docs.ts';
import { venueExportDocs, venuesDocs, venueWritesDocs } from '../features/venues/venues.docs.ts';
import { openapiDocs } from './openapi.docs.ts';
import type { RouteDoc } from '../kernel/route-doc.ts';

export const allRouteDocs: RouteDoc[] = [
  ...healthDocs,
  ...townshipsDocs,
  ...gridCellsDocs,
  ...contextDocs,
  ...venuesDocs,
  ...hazardsDocs,
  ...statsDocs,
  ...hazardExportDocs,
  ...venueExportDocs,
  ...importsDocs,
  ...venueWritesDocs,
  ...patrolsDocs,
  ...hazardWritesDocs,
  ...hazardTypesDocs,
  ...departmentsDocs,
  ...policyDocs,
  ...reboundsDocs,
  ...blindSpotsDocs,
  ...heatmapDocs,
  ...tilesDocs,
  ...openapiDocs,
  ...authDocs,
  ...eventsDocs,
  ...configDocs,
];

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; required?: string[] };

/** What a client sends (io: input), so transforms and defaults describe the accepted text. */
function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType | undefined, where: 'query' | 'path') {
  if (!schema) return [];
  const s = jsonSchema(schema);
  return Object.entries(s.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' || (s.required ?? []).includes(name),
      schema: rest,
      ...(typeof description === 'string' ? { description } : {}),
    };
  });
}

function operation(doc: RouteDoc) {
  const responses = Object.fromEntries(
    Object.entries(doc.responses).map(([status, r]) => [
      status,
      {
        description: r.description,
        ...(r.mediaType ? { content: { [r.mediaType]: r.schema ? { schema: jsonSchema(r.schema) } : {} } } : {}),
      },
    ]),
  );
  const problem = {
    description: 'RFC 9457 problem: `detail` says what is allowed',
    content: { 'application/problem+json': {} },
  };
  return {
    operationId: `${doc.method}${doc.path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    summary: doc.summary,
    ...(doc.description ? { description: doc.description } : {}),
    tags: doc.tags,
    parameters: [...parameters(doc.params, 'path'), ...parameters(doc.query, 'query')],
    ...(doc.body
      ? {
          requestBody: {
            required: true,
            content:
              'schema' in doc.body
                ? { 'application/json': { schema: jsonSchema(doc.body.schema) } }
                : { [doc.body.mediaType]: { schema: { type: 'string', description: doc.body.description } } },
          },
        }
      : {}),
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
      description:
        'Every time-dependent answer takes `asOf` (default now). A bare date (2026-11-30) means local midnight in the ' +
        "city's time zone (GET /api/config `timeZone`), a date-time without an offset a time on its clocks. Errors are " +
        'RFC 9457 problems.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
  };
}
