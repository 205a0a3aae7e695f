import { describe, expect, it } from 'vitest';
import { asOfSchema, instantSchema, pageSchema, periodSchema } from './params.ts';

describe('shared query parameters', () => {
  it("reads a bare date as the start of that day in the city's zone and a date-time with its offset", () => {
    // the default city zone, Asia/Shanghai (UTC+8)
    expect(instantSchema.parse('2026-11-30').toISOString()).toBe('2026-11-29T16:00:00.000Z');
    expect(instantSchema.parse('2026-11-30T08:00:00+08:00').toISOString()).toBe('2026-11-30T00:00:00.000Z');
  });

  it('refuses days that do not exist instead of rolling them over', () => {
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '2025-02-29',
      '2026-04-31T10:00:00Z',
      'yesterday',
      '1999-12-31',
      '',
    ]) {
      expect(asOfSchema.safeParse({ asOf: bad }).success, bad).toBe(false);
    }
    expect(asOfSchema.safeParse({ asOf: '2028-02-29' }).success).toBe(true);
  });

  it('requires from before to, and limits between 1 and 1000', () => {
    expect(periodSchema.safeParse({ from: '2026-06-01', to: '2026-05-01' }).success).toBe(false);
    expect(periodSchema.safeParse({ from: '2026-05-01', to: '2026-06-01' }).success).toBe(true);
    expect(pageSchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(pageSchema.safeParse({ limit: '1001' }).success).toBe(false);
    expect(pageSchema.parse({}).limit).toBe(100);
  });
});
