// Streams an export page by page (keyset by id), so a 500,000-row ledger never becomes one string
// in memory. The first page is read before the response starts, so a failing query is still a
// problem response rather than a truncated file.
export interface PagedExport<T extends { id: number }> {
  fetchPage: (afterId: number | null, limit: number) => Promise<T[]>;
  head: string;
  /** one row's text; `index` counts rows from 0 across pages */
  row: (row: T, index: number) => string;
  tail: string;
}

const PAGE = 1000;

export async function pagedStream<T extends { id: number }>(spec: PagedExport<T>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  let rows = await spec.fetchPage(null, PAGE);
  let index = 0;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      let text = started ? '' : spec.head;
      started = true;
      for (const row of rows) text += spec.row(row, index++);
      const last = rows[rows.length - 1];
      if (rows.length < PAGE || !last) {
        controller.enqueue(encoder.encode(text + spec.tail));
        controller.close();
        done = true;
        return;
      }
      controller.enqueue(encoder.encode(text));
      rows = await spec.fetchPage(last.id, PAGE);
    },
  });
}
