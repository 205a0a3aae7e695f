// The bad-input suite over every import (see imports.corpus.ts for what it sends).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { fuzzFixture } from './fuzz-fixture.ts';
import { describeReport, runCases } from './harness.ts';
import { importCases } from './imports.corpus.ts';
import { documentedWrites } from './json-writes.corpus.ts';

describe('fuzzing the imports', () => {
  it('answers every broken CSV or GeoJSON file with a 4xx problem and writes nothing', async () => {
    const report = await rolledBack(async (tx) => {
      const f = await fuzzFixture(tx);
      const cases = importCases(f);
      const hit = new Set(cases.map((c) => `${c.method} ${c.path}`));
      expect(documentedWrites().filter((w) => w.includes('/api/import/') && !hit.has(w))).toEqual([]);
      return runCases(tx, cases, f.callers);
    });
    console.log(describeReport('imports', report));
    expect(report.failures).toEqual([]);
    expect(report.ran).toBeGreaterThan(300);
  }, 360_000); // hundreds of requests: a loaded CI machine needs more than the default 120 s
});
