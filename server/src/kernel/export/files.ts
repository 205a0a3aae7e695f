// Export files as attachments: every matching row as CSV or as one GeoJSON FeatureCollection,
// streamed page by page (paged-stream.ts), named `<name>-<asOf day>.<ext>`. The export routes of
// the features (the ledger, the register) give the page query, the columns and the feature.
import type { Context } from 'hono';
import { cityTimeZone, dayOf } from '@svm/contract';
import { csvHeader, csvRow, type CsvColumn } from './csv.ts';
import { pagedStream } from './paged-stream.ts';

export const CSV = 'text/csv; charset=utf-8';
export const GEOJSON = 'application/geo+json; charset=utf-8';

export function download(
  c: Context,
  body: ReadableStream<Uint8Array>,
  type: string,
  name: string,
  asOf: Date,
): Response {
  // the as-of day on the city's clocks (a bare asOf=2026-11-30 is its local midnight, not a UTC day)
  const stamp = dayOf(asOf, cityTimeZone()).replaceAll('-', '');
  return c.body(body, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}-${stamp}.${type === CSV ? 'csv' : 'geojson'}"`,
    'Cache-Control': 'no-store',
  });
}

const featureCollectionHead = (asOf: Date) =>
  `{"type":"FeatureCollection","asOf":${JSON.stringify(asOf.toISOString())},"features":[\n`;
const FEATURE_COLLECTION_TAIL = '\n]}\n';
const sep = (index: number) => (index === 0 ? '' : ',\n');

type FetchPage<R> = (after: number | null, limit: number) => Promise<R[]>;

/** Every matching row as CSV (BOM and header from the columns), streamed page by page. */
export function csvFile<R extends { id: number }>(fetchPage: FetchPage<R>, columns: readonly CsvColumn<R>[]) {
  return pagedStream({ fetchPage, head: csvHeader(columns), row: (row) => csvRow(columns, row), tail: '' });
}

/** Every matching row as one GeoJSON FeatureCollection, streamed page by page. */
export function geojsonFile<R extends { id: number }>(
  fetchPage: FetchPage<R>,
  asOf: Date,
  feature: (row: R) => unknown,
) {
  return pagedStream({
    fetchPage,
    head: featureCollectionHead(asOf),
    row: (row, i) => sep(i) + JSON.stringify(feature(row)),
    tail: FEATURE_COLLECTION_TAIL,
  });
}
