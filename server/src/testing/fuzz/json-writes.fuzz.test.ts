// The bad-input suite over every JSON write (see json-writes.corpus.ts for what it sends).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { fuzzFixture } from './fuzz-fixture.ts';
import { describeReport, runCases } from './harness.ts';
import { documentedWrites, jsonWriteCases } from './json-writes.corpus.ts';

describe('fuzzing the JSON writes', () => {
  it('answers every malformed, mistyped, out-of-range or oversized write with a 4xx problem and writes nothing', async () => {
    const report = await rolledBack(async (tx) => {
      const f = await fuzzFixture(tx);
      const cases = jsonWriteCases(f);
      // every documented write (imports have their own suite) is exercised
      const hit = new Set(cases.map((c) => `${c.method} ${c.path}`));
      const missed = documentedWrites()
        .filter((w) => !w.includes('/api/import/'))
        .filter(
          (w) =>
            ![...hit].some((h) => new RegExp(`^${w.replace(/\{[a-z]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(h)),
        );
      expect(missed).toEqual([]);
      return runCases(tx, cases, f.callers);
    });
    console.log(describeReport('JSON writes', report));
    expect(report.failures).toEqual([]);
    expect(report.ran).toBeGreaterThan(300);
  }, 360_000); // hundreds of requests: a loaded CI machine needs more than the default 120 s
});
