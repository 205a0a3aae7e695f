// The bad-input suite over the parameters of every read endpoint (see reads.corpus.ts).
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { fuzzFixture } from './fuzz-fixture.ts';
import { describeReport, runCases } from './harness.ts';
import { documentedReads, readCases } from './reads.corpus.ts';

// reads without parameters have nothing to fuzz
const NO_PARAMETERS = [
  '/api/health',
  '/api/policy',
  '/api/grading-rules',
  '/api/openapi.json',
  '/api/auth/me',
  '/api/auth/display-tokens',
  '/api/config',
  '/api/departments',
];

describe('fuzzing the read parameters', () => {
  it('answers every bad query or path parameter of every read with a 4xx problem, and hostile text with no 5xx', async () => {
    const report = await rolledBack(async (tx) => {
      const f = await fuzzFixture(tx);
      const cases = readCases(f);
      const hit = new Set(cases.map((c) => c.path.split('?')[0]!));
      const missed = documentedReads()
        .filter((p) => !NO_PARAMETERS.includes(p))
        .filter(
          (p) =>
            ![...hit].some((h) => new RegExp(`^${p.replace(/\{[a-z]+\}/gi, '[^/]+').replace(/\./g, '\\.')}$`).test(h)),
        );
      expect(missed).toEqual([]);
      return runCases(tx, cases, f.callers);
    });
    console.log(describeReport('read parameters', report));
    expect(report.failures).toEqual([]);
    expect(report.ran).toBeGreaterThan(300);
  }, 360_000); // hundreds of requests: a loaded CI machine needs more than the default 120 s
});
