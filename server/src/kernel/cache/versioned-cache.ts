// A bounded in-memory cache of answers filed under the data version they were computed at
// (data-version.queries.ts). An entry of an older version is a miss; concurrent askers of
// the same missing key share one computation; the least recently used entries leave first once
// the entry or byte budget is exceeded.

export interface VersionedCacheOptions<V> {
  maxEntries: number;
  /** optional byte budget, with the size of one value */
  maxBytes?: number;
  sizeOf?: (value: V) => number;
}

interface Entry<V> {
  version: number;
  value: V;
  bytes: number;
}

export class VersionedCache<V> {
  // a Map iterates in insertion order: re-inserting on a hit keeps the least recent first
  private readonly entries = new Map<string, Entry<V>>();
  private readonly pending = new Map<string, { version: number; promise: Promise<V> }>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly options: VersionedCacheOptions<V>) {}

  /** The value of `key` at `version`, computed by `compute` when absent; `version` null: never cached. */
  async get(key: string, version: number | null, compute: () => Promise<V>): Promise<V> {
    if (version === null) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const inFlight = this.pending.get(key);
    if (inFlight && inFlight.version === version) return inFlight.promise;
    this.misses++;
    const promise = compute()
      .then((value) => {
        this.store(key, version, value);
        return value;
      })
      .finally(() => {
        if (this.pending.get(key)?.promise === promise) this.pending.delete(key);
      });
    this.pending.set(key, { version, promise });
    return promise;
  }

  /** Whether some version of `key` is held (a caller may then read the version to ask for it). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private store(key: string, version: number, value: V): void {
    const old = this.entries.get(key);
    // an answer of an older version than the one already held is dropped
    if (old && old.version > version) return;
    if (old) this.remove(key, old);
    const bytes = this.options.sizeOf?.(value) ?? 0;
    if (this.options.maxBytes !== undefined && bytes > this.options.maxBytes) return;
    this.entries.set(key, { version, value, bytes });
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      const over =
        this.entries.size > this.options.maxEntries ||
        (this.options.maxBytes !== undefined && this.bytes > this.options.maxBytes);
      if (!over) break;
      this.remove(k, e);
    }
  }

  private remove(key: string, entry: Entry<V>): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}
