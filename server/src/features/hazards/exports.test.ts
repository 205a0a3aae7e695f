// The exports on the hand-built city of kpi-city.fixture.ts (as of 30 Jun 2026 12:00): the same
// filters as the list routes, every matching row, as CSV or GeoJSON attachments.
import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { LedgerRowDto, VenueFeature } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { AS_OF, kpiCity } from '../../testing/kpi-city.fixture.ts';

describe('GET /api/export/*', () => {
  it('exports the filtered ledger as CSV with a BOM, a bilingual header and safe quoting', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/export/hazards.csv?asOf=${AS_OF}&township=${f.t2}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="hazards-20260630.csv"');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
      expect(lines[0]).toMatch(
        /^隐患编号 \(hazard id\),外部编号 \(external id\),场所编号 \(venue id\),场所外部编号 \(venue external id\),场所名称 \(venue\),地址 \(address\),/,
      );
      // h6, h7, h8 and the empty string after the last CRLF
      expect(lines).toHaveLength(5);
      expect(lines[2]).toBe(
        [
          f.hazards.h7,
          '', // entered here, not imported: no external id
          f.venues.ve,
          '',
          '乙杂货铺',
          `"'=HYPERLINK(""x"")"`,
          '乙镇',
          '燃气使用不规范',
          'gas_safety',
          'major',
          'rectified',
          '2026-06-15T00:00:00.000Z',
          '2026-06-25T00:00:00.000Z',
          '店主',
          '13800000000',
          'true',
          f.hazards.h6,
          '121.12',
          '30.05',
        ].join(','),
      );
    });
  });

  it('exports venues as CSV, quoting names with quotes and commas and addresses with line breaks', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/export/venues.csv?asOf=${AS_OF}&misgraded=true&township=${f.t2}`);
      // Response.text() would drop the BOM; keep it to see it is the first character. vf only.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
      expect(text.startsWith('\uFEFF场所编号 (venue id),外部编号 (external id),名称 (name),')).toBe(true);
      expect(text).toContain(
        `${f.venues.vf},,"老王""小炒"", 分店","乙路3号\n二楼",catering,low,medium,30,true,registered,`,
      );
      expect(text.split('\r\n')).toHaveLength(3);
    });
  });

  it('exports GeoJSON with the same filters: misgraded venues and hazards awaiting industry', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      const venues = await app.request(`/api/export/venues.geojson?asOf=${AS_OF}&misgraded=true`);
      expect(venues.headers.get('content-type')).toBe('application/geo+json; charset=utf-8');
      expect(venues.headers.get('content-disposition')).toBe('attachment; filename="venues-20260630.geojson"');
      const vBody = await bodyOf<{ type: string; features: VenueFeature[] }>(venues);
      expect(vBody.type).toBe('FeatureCollection');
      expect(vBody.features.map((x) => x.id)).toEqual([f.venues.vb, f.venues.vf]);
      const hazards = await bodyOf<{ features: { id: number; geometry: unknown; properties: LedgerRowDto }[] }>(
        await app.request(`/api/export/hazards.geojson?asOf=${AS_OF}&party=industry`),
      );
      expect(hazards.features.map((x) => x.id)).toEqual([f.hazards.h2, f.hazards.h7]);
      expect(hazards.features[1]?.geometry).toEqual({ type: 'Point', coordinates: [121.12, 30.05] });
      expect(hazards.features[1]?.properties.reboundOf).toBe(f.hazards.h6);
      // an empty result is still a valid collection
      const none = await bodyOf<{ features: unknown[] }>(
        await app.request(`/api/export/hazards.geojson?asOf=${AS_OF}&party=territorial`),
      );
      expect(none.features).toEqual([]);
    });
  });

  it('streams every row across internal pages of 1,000', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      // 2,345 more active venues in T1's first cell
      await tx.query(`INSERT INTO venues (name, category, risk_level, registered_at, geom)
        SELECT 'bulk ' || i, 'retail', 'low', '2026-06-29', ST_SetSRID(ST_MakePoint(121.001 + i * 0.00001, 30.02), 4326)
          FROM generate_series(1, 2345) AS i`);
      const { app } = await testApp(tx);
      const csv = await (await app.request(`/api/export/venues.csv?asOf=${AS_OF}&township=${f.t1}`)).text();
      // header + va, vb, vc + 2,345 + the empty string after the last CRLF
      const lines = csv.split('\r\n');
      expect(lines).toHaveLength(1 + 3 + 2345 + 1);
      const ids = lines.slice(1, -1).map((line) => Number(line.split(',')[0]));
      expect(new Set(ids).size).toBe(2348);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      const geo = await bodyOf<{ features: unknown[] }>(
        await app.request(`/api/export/venues.geojson?asOf=${AS_OF}&township=${f.t1}`),
      );
      expect(geo.features).toHaveLength(2348);
    });
  });

  it('rejects bad filters with a problem before any file starts, and an unknown township with 404', async () => {
    await rolledBack(async (tx) => {
      const f = await kpiCity(tx);
      const { app } = await testApp(tx);
      for (const [path, status, detail] of [
        ['/api/export/hazards.csv?status=gone', 400, 'status "gone" is not one of'],
        ['/api/export/hazards.geojson?type=volcano', 400, 'type "volcano" is not one of'],
        ['/api/export/venues.csv?risk=extreme', 400, 'risk "extreme" is not one of'],
        ['/api/export/venues.geojson?bbox=a,b,c,d', 400, 'is not 4 comma-separated numbers'],
        [`/api/export/venues.csv?township=${f.t2 + 1000}`, 404, `township ${f.t2 + 1000} does not exist`],
        ['/api/export/hazards.xlsx', 404, 'no API route'],
      ] as const) {
        const res = await app.request(path);
        expect(res.status, path).toBe(status);
        expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
        expect(res.headers.get('content-disposition')).toBeNull();
        expect((await bodyOf<{ detail: string }>(res)).detail).toContain(detail);
      }
    });
  });
});
