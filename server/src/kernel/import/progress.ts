// How far an import has got, reported by the shared steps every importer goes through (csvRows
// and checkedFeatures count rows read, writeRows counts rows written) rather than by each
// importer: the job running the import puts its ImportProgress in an async context, and those
// steps find it there. Outside a job there is none and they report nothing.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ImportPhase } from '@svm/contract';

/** Thrown at the next step once the job is cancelled (the server is shutting down). */
export class ImportInterrupted extends Error {
  override readonly name = 'ImportInterrupted';
}

export class ImportProgress {
  phase: ImportPhase = 'reading';
  rowsRead = 0;
  rowsWritten = 0;
  /** the rows (CSV lines after the header, or GeoJSON features) of the file, once known */
  total: number | null = null;

  private breathed = Date.now();

  constructor(private readonly signal?: AbortSignal) {}

  /**
   * Lets the process answer other requests (the job's status) every 50 ms of import. The embedded
   * database runs in this thread and its statements resolve as promises only, so an import there
   * would otherwise hold the event loop from the first statement to the last.
   */
  async breathe(): Promise<void> {
    if (Date.now() - this.breathed < 50) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.breathed = Date.now();
  }

  enter(phase: ImportPhase): void {
    this.checkpoint();
    this.phase = phase;
  }

  read(rows: number): void {
    this.rowsRead += rows;
  }

  wrote(rows: number): void {
    this.rowsWritten += rows;
    this.checkpoint();
  }

  /** Throws once the job has been cancelled, so its transaction rolls back. */
  checkpoint(): void {
    if (this.signal?.aborted) throw new ImportInterrupted('the import was cancelled: the server is shutting down');
  }
}

const current = new AsyncLocalStorage<ImportProgress>();

/** Runs `fn` (the whole import) with `progress` as the one the shared steps report to. */
export function withProgress<T>(progress: ImportProgress, fn: () => Promise<T>): Promise<T> {
  return current.run(progress, fn);
}

/** The running job's progress, or undefined outside a job. */
export function importProgress(): ImportProgress | undefined {
  return current.getStore();
}
