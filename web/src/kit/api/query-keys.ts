// Query-key inputs written one way: an unset input is null, never undefined, so two callers
// (or the map and a panel) that mean the same request share one cache entry.
export type KeyInputs<T> = { [K in keyof T]-?: Exclude<T[K], undefined> | null };

/** Each input as it goes into a query key; list every input, set or not. */
export function keyInputs<T extends object>(inputs: T): KeyInputs<T> {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v ?? null])) as KeyInputs<T>;
}
