// The source system's ids travel with every imported row: each read and export of venues, patrols,
// hazards and sign-offs carries `externalId`, so the ledger can be reconciled with where it came
// from, and the register and ledger searches find a row by its exact external id.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type {
  GridCellDetailDto,
  LedgerPage,
  LedgerRowDto,
  VenueDetailDto,
  VenueFeature,
  VenuePage,
} from '@svm/contract';
import { bodyOf, testApp } from '../../testing/app.ts';
import { twoTownships } from '../../testing/fixture.ts';
import { addAccounts } from '../../testing/auth.ts';
import { appAs } from '../../testing/workflow-fixture.ts';
import { upload } from '../../testing/imports-fixture.ts';

type Tx = Parameters<Parameters<typeof rolledBack>[0]>[0];
const AS_OF = '2026-11-30T12:00:00Z';

// One venue in A-1 (121.01, 30.01), patrolled by 张三, a blocked exit found then and fixed, and the
// territorial sign-off: each row with the id the source system gave it.
const FILES = [
  [
    'venues',
    'external_id,name,address,category,risk_level,lon,lat,registered_at\r\n' +
      'SRC-V-1,东湖小店,中山路1号,retail,low,121.01,30.01,2026-01-01\r\n',
  ],
  [
    'patrols',
    'external_id,venue_external_id,worker_username,patrolled_at,result\r\n' +
      'SRC-P-1,SRC-V-1,fx_zhang,2026-11-20T08:00:00Z,hazards_found\r\n',
  ],
  [
    'hazards',
    'external_id,venue_external_id,patrol_external_id,type_code,status,found_at,responsible_person,deadline,rectified_at\r\n' +
      'SRC-H-1,SRC-V-1,SRC-P-1,blocked_exit,rectified,2026-11-20T08:00:00Z,店主,2026-11-27T00:00:00Z,2026-11-22T00:00:00Z\r\n',
  ],
  [
    'acceptances',
    'external_id,hazard_external_id,party,passed,at\r\n' + 'SRC-A-1,SRC-H-1,territorial,true,2026-11-23T00:00:00Z\r\n',
  ],
] as const;

async function imported(tx: Tx) {
  const f = await twoTownships(tx);
  const admin = await appAs(tx, (await addAccounts(tx, f)).admin);
  for (const [kind, text] of FILES) {
    const res = await upload(admin, kind, text);
    expect(res.status, `${kind}: ${await res.clone().text()}`).toBe(200);
  }
  const [v] = await tx.query<{ id: number }>(`SELECT id FROM venues WHERE external_id = 'SRC-V-1'`);
  return { ...f, venueId: v!.id, app: (await testApp(tx)).app };
}

describe('external ids in reads and exports', () => {
  it('the register finds the venue by its exact external id and returns it, in the list and its exports', async () => {
    await rolledBack(async (tx) => {
      const { app, venueId } = await imported(tx);
      const page = await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}&q=SRC-V-1`));
      expect(page.features.map((x) => [x.id, x.properties.externalId])).toEqual([[venueId, 'SRC-V-1']]);
      // exact and case-sensitive, as the source system wrote it; part of it is no match
      for (const q of ['src-v-1', 'SRC-V'])
        expect((await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}&q=${q}`))).features).toEqual([]);
      // the fixture's own venues (entered here) carry null
      const all = await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}&q=v1`));
      expect(all.features.map((x) => [x.properties.name, x.properties.externalId])).toEqual([['v1', null]]);
      const csv = await (await app.request(`/api/export/venues.csv?asOf=${AS_OF}&q=SRC-V-1`)).text();
      const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
      expect(header!.split(',').slice(0, 3)).toEqual(['场所编号 (venue id)', '外部编号 (external id)', '名称 (name)']);
      expect(row!.split(',').slice(0, 3)).toEqual([String(venueId), 'SRC-V-1', '东湖小店']);
      const geo = await bodyOf<{ features: VenueFeature[] }>(
        await app.request(`/api/export/venues.geojson?asOf=${AS_OF}&q=SRC-V-1`),
      );
      expect(geo.features.map((x) => x.properties.externalId)).toEqual(['SRC-V-1']);
    });
  });

  it("the venue's detail returns the external ids of the venue, its patrol, its hazard and the sign-off", async () => {
    await rolledBack(async (tx) => {
      const { app, venueId, cells } = await imported(tx);
      const detail = await bodyOf<VenueDetailDto>(await app.request(`/api/venues/${venueId}?asOf=${AS_OF}`));
      expect(detail.venue.externalId).toBe('SRC-V-1');
      expect(detail.patrols.map((p) => p.externalId)).toEqual(['SRC-P-1']);
      expect(detail.hazards.map((h) => [h.externalId, h.acceptances.map((a) => a.externalId)])).toEqual([
        ['SRC-H-1', ['SRC-A-1']],
      ]);
      const cell = await bodyOf<GridCellDetailDto>(await app.request(`/api/grid-cells/${cells.a1}?asOf=${AS_OF}`));
      const patrol = cell.patrols.find((p) => p.venue.id === venueId)!;
      expect([patrol.externalId, patrol.venue.externalId]).toEqual(['SRC-P-1', 'SRC-V-1']);
      // v2 and v3 (entered here, never patrolled): overdue, without an external id; SRC-V-1 was patrolled on 11-20
      expect(cell.overdueVenues.map((v) => [v.name, v.externalId])).toEqual([
        ['v2', null],
        ['v3', null],
      ]);
    });
  });

  it('the ledger finds the hazard by its own or its venue’s external id and returns both, in the page and its exports', async () => {
    await rolledBack(async (tx) => {
      const { app } = await imported(tx);
      for (const q of ['SRC-H-1', 'SRC-V-1', '东湖小店']) {
        const page = await bodyOf<LedgerPage>(
          await app.request(`/api/hazards?asOf=${AS_OF}&q=${encodeURIComponent(q)}`),
        );
        expect(
          page.items.map((h) => [h.externalId, h.venue.externalId]),
          q,
        ).toEqual([['SRC-H-1', 'SRC-V-1']]);
      }
      expect((await bodyOf<LedgerPage>(await app.request(`/api/hazards?asOf=${AS_OF}&q=SRC-P-1`))).items).toEqual([]);
      const csv = await (await app.request(`/api/export/hazards.csv?asOf=${AS_OF}&q=SRC-H-1`)).text();
      const [header, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
      expect(header!.split(',').slice(0, 4)).toEqual([
        '隐患编号 (hazard id)',
        '外部编号 (external id)',
        '场所编号 (venue id)',
        '场所外部编号 (venue external id)',
      ]);
      expect(row!.split(',')[1]).toBe('SRC-H-1');
      expect(row!.split(',')[3]).toBe('SRC-V-1');
      const geo = await bodyOf<{ features: { properties: LedgerRowDto }[] }>(
        await app.request(`/api/export/hazards.geojson?asOf=${AS_OF}&q=SRC-V-1`),
      );
      expect(geo.features.map((x) => [x.properties.externalId, x.properties.venue.externalId])).toEqual([
        ['SRC-H-1', 'SRC-V-1'],
      ]);
    });
  });
});
