// A bare date or an offset-less time in an import file is a day or a time on the city's clocks.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../testing/app.ts';
import { callerForUser, addAccounts } from '../../testing/auth.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';

describe('CSV import in the city time zone', () => {
  it('imports a bare date as local midnight in Los Angeles, and a local time on its clocks', async () => {
    await rolledBack(async (tx) => {
      const accounts = await addAccounts(tx, await twoTownships(tx));
      const caller = await callerForUser(tx, accounts.admin);
      const { app } = await testApp(tx, { caller, cityTimeZone: 'America/Los_Angeles' });
      const file =
        'external_id,name,category,risk_level,lon,lat,registered_at\n' +
        'TZ-1,bare day,retail,low,121.01,30.01,2026-11-02\n' +
        'TZ-2,local time,retail,low,121.06,30.02,2026-03-08T03:30\n' +
        'TZ-3,with offset,retail,low,121.07,30.03,2026-11-02T00:00:00+08:00\n';
      const res = await upload(app, 'venues', file);
      expect(res.status).toBe(200);
      const venues = await tx.query<{ external_id: string; at: Date }>(
        `SELECT external_id, registered_at AS at FROM venues WHERE external_id LIKE 'TZ-%' ORDER BY external_id`,
      );
      expect(venues.map((v) => [v.external_id, v.at.toISOString()])).toEqual([
        ['TZ-1', '2026-11-02T08:00:00.000Z'], // 00:00 PST
        ['TZ-2', '2026-03-08T10:30:00.000Z'], // 03:30 PDT, just after the clocks went forward
        ['TZ-3', '2026-11-01T16:00:00.000Z'], // the offset given wins
      ]);
    });
  });
});
