import { describe, expect, it } from 'vitest';
import { parseServerEnv } from './env.ts';

describe('server environment', () => {
  it('applies the defaults and reads SEED_ON_START=false as false', () => {
    const env = parseServerEnv({ SEED_ON_START: 'false', WEB_DIST: 'web-build' });
    expect(env).toMatchObject({
      PORT: 8080,
      HOST: '0.0.0.0',
      SEED_ON_START: false,
      SEED_VENUES: 10_000,
      SEED_YEARS: 1,
      SEED: 20_261_130,
    });
    expect(env.WEB_DIST).toBe(`${process.cwd()}/web-build`);
    expect(env.BASEMAP_STYLE_URL).toBeUndefined();
  });

  it('lists every bad variable in one error', () => {
    expect(() => parseServerEnv({ PORT: 'eighty', SEED_ON_START: 'yes', BASEMAP_STYLE_URL: 'ftp://tiles' })).toThrow(
      /PORT: [^\n]+\n\s+SEED_ON_START: must be true or false\n\s+BASEMAP_STYLE_URL: must be an http\(s\) URL/,
    );
  });

  it('takes CITY_TZ as an IANA zone name, leaves it unset by default, and refuses a name Intl does not know', () => {
    expect(parseServerEnv({}).CITY_TZ).toBeUndefined();
    expect(parseServerEnv({ CITY_TZ: '' }).CITY_TZ).toBeUndefined();
    expect(parseServerEnv({ CITY_TZ: 'America/Los_Angeles' }).CITY_TZ).toBe('America/Los_Angeles');
    expect(() => parseServerEnv({ CITY_TZ: 'Mars/Olympus_Mons' })).toThrow(
      /CITY_TZ: must be an IANA time zone name such as Asia\/Shanghai/,
    );
  });
});
