// GET /api/openapi.json: the OpenAPI document of every mounted API route.
import { Hono } from 'hono';
import { openApiDocument } from './openapi.ts';

export function openapiRoute() {
  let document: ReturnType<typeof openApiDocument> | undefined;
  return new Hono().get('/', (c) => {
    document ??= openApiDocument();
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(document);
  });
}
