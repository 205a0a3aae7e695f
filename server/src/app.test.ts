import type { Queryable } from '@svm/db';
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ProblemDetails } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from './testing/app.ts';

describe('errors as problems', () => {
  it('answers an unknown /api path with a 404 problem', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request('/api/no-such-thing?x=1');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      expect(await res.json()).toEqual({
        type: 'about:blank',
        title: 'Not Found',
        status: 404,
        detail: 'no API route GET /api/no-such-thing',
        instance: '/api/no-such-thing',
      });
    });
  });

  it('answers a failure it did not expect with a generic 500 problem and logs the real error', async () => {
    const broken: Queryable = {
      driver: 'pglite',
      query: () => Promise.reject(new Error('relation "patrols" does not exist')),
      exec: () => Promise.reject(new Error('unused')),
      transaction: () => Promise.reject(new Error('unused')),
    };
    const { app, logged } = await testApp(broken);
    const res = await app.request('/api/health');
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
    const problem = await bodyOf<ProblemDetails>(res);
    expect(problem.title).toBe('Internal Server Error');
    expect(problem.detail).not.toMatch(/patrols/);
    expect(logged).toHaveLength(1);
    expect(String(logged[0])).toMatch(/relation "patrols" does not exist/);
  });
});
