// How a message names the values something may take: a short list in full, a long one summarised,
// so that a message repeated on every bad row of a big file never carries a whole catalogue.

/** Lists longer than this are summarised. */
export const LISTED_IN_FULL = 10;

/**
 * "a, b, c" for up to 10 values; a longer list as its first five, how many there are and, when
 * given, where the whole list is (e.g. "GET /api/openapi.json").
 */
export function listOf(values: readonly string[], where?: string): string {
  if (values.length <= LISTED_IN_FULL) return values.join(', ');
  return `${values.slice(0, 5).join(', ')}, … (${values.length} in all${where ? `: ${where}` : ''})`;
}
