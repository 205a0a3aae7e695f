import { rolledBack } from '@svm/db/testing';
import { describe, expect, it } from 'vitest';
import { CityTimeZoneError, settleCityTimeZone, storedCityTimeZone } from './city-time-zone.queries.ts';

describe("the city's time zone at start-up", () => {
  it('keeps the stored zone (Asia/Shanghai at first) when CITY_TZ is unset, and says nothing', async () => {
    await rolledBack(async (tx) => {
      const lines: string[] = [];
      expect(await settleCityTimeZone(tx, undefined, (l) => lines.push(l))).toBe('Asia/Shanghai');
      expect(lines).toEqual([]);
    });
  });

  it('stores CITY_TZ, says what it replaced, and a later start without CITY_TZ keeps it', async () => {
    await rolledBack(async (tx) => {
      const lines: string[] = [];
      expect(await settleCityTimeZone(tx, 'America/Los_Angeles', (l) => lines.push(l))).toBe('America/Los_Angeles');
      expect(lines).toEqual(['City time zone: America/Los_Angeles (CITY_TZ), was Asia/Shanghai']);
      expect(await settleCityTimeZone(tx, undefined, (l) => lines.push(l))).toBe('America/Los_Angeles');
      expect(await settleCityTimeZone(tx, 'America/Los_Angeles', (l) => lines.push(l))).toBe('America/Los_Angeles');
      expect(lines).toHaveLength(1);
      expect(await storedCityTimeZone(tx)).toBe('America/Los_Angeles');
    });
  });

  it('refuses a zone the database does not know, and the table refuses it too', async () => {
    await rolledBack(async (tx) => {
      await expect(settleCityTimeZone(tx, 'Mars/Olympus_Mons', () => {})).rejects.toThrow(CityTimeZoneError);
      expect(await storedCityTimeZone(tx)).toBe('Asia/Shanghai');
      await tx.query('SAVEPOINT refused');
      await expect(tx.query("UPDATE city_settings SET time_zone = 'asia/urumqi' WHERE id = 1")).rejects.toThrow(
        /not one PostgreSQL knows/,
      );
      await tx.query('ROLLBACK TO SAVEPOINT refused');
      await tx.query("UPDATE city_settings SET time_zone = 'Asia/Urumqi' WHERE id = 1");
      expect(await storedCityTimeZone(tx)).toBe('Asia/Urumqi');
    });
  });
});
