// OpenAPI description of an export route (a file attachment), shared by the ledger and register exports.
import type { z } from 'zod';
import type { RouteDoc } from '../route-doc.ts';

/** What an export's CSV is (csv.ts), for its 200 response. */
export const CSV_FILE =
  "UTF-8 CSV with a byte-order mark, a bilingual header row, RFC 4180 quoting and formula-looking text prefixed with '";

export const exportFileDoc = (
  what: string,
  query: z.ZodType,
  path: string,
  mediaType: string,
  description: string,
): RouteDoc => ({
  method: 'get',
  path,
  summary: `Every ${what} matching the filters, as an attachment`,
  tags: ['exports'],
  query,
  responses: {
    200: { description, mediaType },
    403: {
      description: 'a township account naming a township other than its own',
      mediaType: 'application/problem+json',
    },
  },
});
