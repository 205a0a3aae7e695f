// The city's time zone at start-up: CITY_TZ when set (stored with the city), else the stored one.
import { isTimeZone } from '@svm/contract';
import { sql, type Queryable } from '@svm/db';

/** CITY_TZ names a zone Intl knows but the database does not: start-up stops and says so. */
export class CityTimeZoneError extends Error {}

/** The zone stored with the city (0015; Asia/Shanghai until one is set). */
export async function storedCityTimeZone(db: Queryable): Promise<string> {
  const rows = await db.query<{ zone: string }>(sql`SELECT time_zone AS zone FROM city_settings WHERE id = 1`);
  const zone = rows[0]?.zone;
  if (zone === undefined) throw new Error('city_settings has no row: the migrations did not run');
  return zone;
}

/**
 * Settles the zone the server runs in: `configured` (CITY_TZ) is stored when it differs from the
 * stored one, and said in `log`; unset, the stored zone stands. A name the database does not
 * know is refused with a CityTimeZoneError saying so (Intl and PostgreSQL carry their own tz databases).
 */
export async function settleCityTimeZone(
  db: Queryable,
  configured: string | undefined,
  log: (line: string) => void,
): Promise<string> {
  const stored = await storedCityTimeZone(db);
  if (configured === undefined || configured === stored) {
    // the database checked the name when it was stored; this Node's Intl may still not know it
    if (!isTimeZone(stored))
      throw new CityTimeZoneError(`the stored city time zone "${stored}" is unknown here: set CITY_TZ`);
    return stored;
  }
  const known = await db.query(sql`SELECT 1 FROM pg_timezone_names WHERE name = ${configured}`);
  if (known.length === 0) {
    throw new CityTimeZoneError(`CITY_TZ "${configured}" is not a time zone the database knows (pg_timezone_names)`);
  }
  await db.query(sql`UPDATE city_settings SET time_zone = ${configured} WHERE id = 1`);
  log(`City time zone: ${configured} (CITY_TZ), was ${stored}`);
  return configured;
}
