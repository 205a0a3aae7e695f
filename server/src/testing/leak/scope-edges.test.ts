// Edges of read scoping the matrix does not reach: a department that no longer exists, tile
// caching per scope, and labelled figures for a township account.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { StatsSummaryDto, TownshipCollection, VenuePage } from '@svm/contract';
import { tileOf } from '../tiles.ts';
import { bodyOf, testApp } from '../app.ts';
import { AS_OF, cityCaller, departmentCaller, leakCity, townshipCaller } from './leak-fixture.ts';

describe('read scoping at its edges', () => {
  it('shows a department that no longer exists nothing, rather than everything', async () => {
    await rolledBack(async (tx) => {
      await leakCity(tx);
      const { app } = await testApp(tx, { caller: departmentCaller(999_999) });
      const venues = await bodyOf<VenuePage>(await app.request(`/api/venues?asOf=${AS_OF}`));
      expect(venues.features).toEqual([]);
      const summary = await bodyOf<StatsSummaryDto>(await app.request(`/api/stats/summary?asOf=${AS_OF}`));
      expect(summary.kpis.venues.active).toBe(0);
      expect(summary.scope).toEqual({ kind: 'department', departmentId: 999_999, categories: [] });
    });
  });

  it("labels a township account's figures as its own township's, asked with or without its id", async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      const { app } = await testApp(tx, { caller: townshipCaller(f.a.township) });
      const plain = await bodyOf<StatsSummaryDto>(await app.request(`/api/stats/summary?asOf=${AS_OF}`));
      const named = await bodyOf<StatsSummaryDto>(
        await app.request(`/api/stats/summary?asOf=${AS_OF}&township=${f.a.township}`),
      );
      expect(plain.townshipId).toBe(f.a.township);
      expect(plain.scope).toEqual({ kind: 'township', townshipId: f.a.township });
      expect(plain.kpis).toEqual(named.kpis);
      // the city asking for A gets the same figures: A's own, not a share of the city's
      const city = await testApp(tx, { caller: cityCaller() });
      const asked = await bodyOf<StatsSummaryDto>(
        await city.app.request(`/api/stats/summary?asOf=${AS_OF}&township=${f.a.township}`),
      );
      expect(asked.kpis).toEqual(plain.kpis);
      const townships = await bodyOf<TownshipCollection>(await app.request(`/api/townships?asOf=${AS_OF}`));
      expect(townships.features.map((x) => x.id)).toEqual([f.a.township]);
      expect(townships.scope).toEqual({ kind: 'township', townshipId: f.a.township });
    });
  });

  it('sends tiles as private, varying on credentials, with an ETag that differs by scope even for the same bytes', async () => {
    await rolledBack(async (tx) => {
      const f = await leakCity(tx);
      // the tile holding A-电动车 alone (121.02E): the same features for the city and for township A
      const t = tileOf(121.02, 30.02, 14);
      const url = `/api/tiles/venues/${t.z}/${t.x}/${t.y}.mvt?asOf=${AS_OF}`;
      const asCity = await (await testApp(tx, { caller: cityCaller() })).app.request(url);
      const asA = await (await testApp(tx, { caller: townshipCaller(f.a.township) })).app.request(url);
      const cityBytes = new Uint8Array(await asCity.arrayBuffer());
      expect(cityBytes.byteLength).toBeGreaterThan(0);
      expect(new Uint8Array(await asA.arrayBuffer())).toEqual(cityBytes);
      expect(asA.headers.get('cache-control')).toMatch(/^private/);
      expect(asA.headers.get('vary')).toMatch(/Cookie/);
      expect(asA.headers.get('vary')).toMatch(/Authorization/);
      expect(asA.headers.get('etag')).not.toBe(asCity.headers.get('etag'));
    });
  });
});
