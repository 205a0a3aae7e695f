// Reading an import's body: the media type must match (415 otherwise), the size is capped
// (413, see limitBody) and the bytes must be UTF-8 (a leading BOM is allowed and dropped).
import type { Context } from 'hono';
import { Problem } from '../problem.ts';

export { IMPORT_MAX_BYTES } from '../body-limit.ts';

export function requireMediaType(c: Context, allowed: readonly string[]): void {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!allowed.includes(type)) {
    throw Problem.unsupportedMediaType(
      `Content-Type ${type === '' ? '(none)' : `"${type}"`} is not accepted here; send ${allowed.join(' or ')}`,
    );
  }
}

export async function utf8Body(c: Context): Promise<string> {
  const bytes = await c.req.arrayBuffer();
  try {
    // TextDecoder drops a leading BOM by default
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw Problem.badRequest('the body is not valid UTF-8 text', [{ in: 'body', path: '', message: 'must be UTF-8' }]);
  }
}
