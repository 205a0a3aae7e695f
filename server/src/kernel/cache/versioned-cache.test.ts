// The versioned cache on its own: hits at the same version, misses at a newer one, one shared
// computation for concurrent askers, least-recently-used eviction by entries and by bytes.
import { describe, expect, it } from 'vitest';
import { VersionedCache } from './versioned-cache.ts';

const counter = () => {
  let calls = 0;
  return {
    compute: (v: string) => async () => {
      calls++;
      return v;
    },
    calls: () => calls,
  };
};

describe('VersionedCache', () => {
  it('answers from memory at the same version and computes again at a newer one', async () => {
    const cache = new VersionedCache<string>({ maxEntries: 10 });
    const c = counter();
    expect(await cache.get('k', 5, c.compute('a'))).toBe('a');
    expect(await cache.get('k', 5, c.compute('b'))).toBe('a');
    expect(await cache.get('k', 6, c.compute('c'))).toBe('c');
    expect(c.calls()).toBe(2);
    expect([cache.hits, cache.misses]).toEqual([1, 2]);
  });

  it('never caches under a null version', async () => {
    const cache = new VersionedCache<string>({ maxEntries: 10 });
    const c = counter();
    await cache.get('k', null, c.compute('a'));
    await cache.get('k', null, c.compute('a'));
    expect(c.calls()).toBe(2);
    expect(cache.size).toBe(0);
  });

  it('shares one computation between concurrent askers of the same key and version', async () => {
    const cache = new VersionedCache<number>({ maxEntries: 10 });
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      calls++;
      await gate;
      return 42;
    };
    const both = Promise.all([cache.get('k', 1, compute), cache.get('k', 1, compute)]);
    release();
    expect(await both).toEqual([42, 42]);
    expect(calls).toBe(1);
  });

  it('does not keep a failed computation', async () => {
    const cache = new VersionedCache<string>({ maxEntries: 10 });
    await expect(
      cache.get('k', 1, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await cache.get('k', 1, async () => 'ok')).toBe('ok');
  });

  it('evicts the least recently used entry past the entry budget', async () => {
    const cache = new VersionedCache<string>({ maxEntries: 2 });
    await cache.get('a', 1, async () => 'a');
    await cache.get('b', 1, async () => 'b');
    await cache.get('a', 1, async () => 'a2'); // a is now the most recent
    await cache.get('c', 1, async () => 'c'); // evicts b
    const c = counter();
    expect(await cache.get('a', 1, c.compute('x'))).toBe('a');
    expect(await cache.get('b', 1, c.compute('b2'))).toBe('b2');
    expect(c.calls()).toBe(1);
  });

  it('keeps within the byte budget and refuses a value larger than all of it', async () => {
    const cache = new VersionedCache<string>({ maxEntries: 100, maxBytes: 10, sizeOf: (v) => v.length });
    await cache.get('a', 1, async () => 'aaaa');
    await cache.get('b', 1, async () => 'bbbb');
    await cache.get('c', 1, async () => 'cccc'); // 12 bytes: a leaves
    expect(cache.size).toBe(2);
    await cache.get('d', 1, async () => 'd'.repeat(11));
    expect(cache.size).toBe(2);
  });
});
