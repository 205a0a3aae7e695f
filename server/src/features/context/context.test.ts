import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ProblemDetails, StreetCollection } from '@svm/contract';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';
import { STREET_BBOX, twoTownships } from '../../testing/fixture.ts';

describe('GET /api/context/streets', () => {
  it('returns exactly the streets whose line crosses or lies in the bbox', async () => {
    await rolledBack(async (tx) => {
      const f = await twoTownships(tx);
      const { app } = await testApp(tx);
      const res = await app.request(`/api/context/streets?bbox=${STREET_BBOX}`);
      expect(res.status).toBe(200);
      const body = await bodyOf<StreetCollection>(res);
      expect(body.features.map((feature) => feature.properties)).toEqual([
        { id: f.streets.crossing, name: '中山路', class: 'arterial' },
        { id: f.streets.inside, name: '解放路', class: 'local' },
      ]);
      expect(body.features[1]?.geometry).toEqual({
        type: 'LineString',
        coordinates: [
          [121.03, 30.03],
          [121.04, 30.05],
        ],
      });
    });
  });

  it.each([
    ['inverted longitudes', '121.06,30.02,121.02,30.06', /minLon must be less than maxLon/],
    ['inverted latitudes', '121.02,30.06,121.06,30.02', /minLat must be less than maxLat/],
    ['a longitude out of range', '-181,30,121,31', /longitude -181 is outside -180\.\.180/],
    ['a latitude out of range', '121,30,122,91', /latitude 91 is outside -90\.\.90/],
    ['three numbers', '121,30,122', /is not 4 comma-separated numbers/],
    ['NaN', 'NaN,30,122,31', /is not 4 comma-separated numbers/],
    ['an empty part', ',30,122,31', /is not 4 comma-separated numbers/],
    ['an infinite number', '1e999,30,122,31', /longitudes must be finite numbers/],
  ])('rejects a bbox with %s as a 400 problem saying what is allowed', async (_case, bbox, message) => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request(`/api/context/streets?bbox=${encodeURIComponent(bbox)}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
      const problem = await bodyOf<ProblemDetails>(res);
      expect(problem).toMatchObject({ status: 400, title: 'Invalid request', instance: '/api/context/streets' });
      expect(problem.detail).toMatch(message);
      expect(problem.errors?.[0]?.path).toMatch(/^bbox/);
    });
  });

  it('rejects a request without a bbox', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request('/api/context/streets');
      expect(res.status).toBe(400);
      expect((await bodyOf<ProblemDetails>(res)).detail).toMatch(
        /bbox is required; bbox must be minLon,minLat,maxLon,maxLat/,
      );
    });
  });
});
