import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import type { ConfigDto } from '@svm/contract';
import { contentSecurityPolicy } from '../../kernel/security-headers.ts';
import { bodyOf, PROBLEM_JSON, testApp } from '../../testing/app.ts';

const STYLE = 'https://tiles.city.example:8443/styles/basic/style.json';

describe('GET /api/config', () => {
  it('says there is no basemap when BASEMAP_STYLE_URL is unset, and the CSP lets nothing remote in', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx);
      const res = await app.request('/api/config');
      expect(res.status).toBe(200);
      expect(await bodyOf<ConfigDto>(res)).toEqual({ basemapStyleUrl: null, timeZone: 'Asia/Shanghai' });
      expect(res.headers.get('content-security-policy')).not.toMatch(/https?:/);
    });
  });

  it("tells the web the basemap style URL, and every response's CSP allows fetches and images from its origin only", async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx, { basemapStyleUrl: STYLE });
      expect(await bodyOf<ConfigDto>(await app.request('/api/config'))).toEqual({
        basemapStyleUrl: STYLE,
        timeZone: 'Asia/Shanghai',
      });
      // a problem carries the same policy as an answer (the worker scripts do too: it is set on every response)
      for (const path of ['/api/config', '/api/no-such-thing']) {
        const csp = (await app.request(path)).headers.get('content-security-policy');
        expect(csp).toBe(contentSecurityPolicy(STYLE));
      }
      const directives = new Map(
        contentSecurityPolicy(STYLE)
          .split('; ')
          .map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
      );
      expect(directives.get('connect-src')).toEqual(["'self'", 'https://tiles.city.example:8443']);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https://tiles.city.example:8443']);
      // scripts and workers still come from the app alone
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    });
  });

  it("tells the web the city's time zone (CITY_TZ)", async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx, { cityTimeZone: 'America/Los_Angeles' });
      expect(await bodyOf<ConfigDto>(await app.request('/api/config'))).toEqual({
        basemapStyleUrl: null,
        timeZone: 'America/Los_Angeles',
      });
    });
  });

  it('is refused to an anonymous caller, like every route but sign-in and health', async () => {
    await rolledBack(async (tx) => {
      const { app } = await testApp(tx, { caller: null, basemapStyleUrl: STYLE });
      const res = await app.request('/api/config');
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toBe(PROBLEM_JSON);
    });
  });
});
