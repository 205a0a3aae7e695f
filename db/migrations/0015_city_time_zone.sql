-- The city's time zone (CITY_TZ), kept with the city: every day, week, month and quarter boundary
-- of its figures is a local midnight there, and a bare date in a query or an import file is a day
-- there. The server writes it at start-up when CITY_TZ is set and reads it when not; Asia/Shanghai
-- is the zone of the project's seeded demo city (Ningbo) and of every city before this migration.

ALTER TABLE city_settings ADD COLUMN time_zone text NOT NULL DEFAULT 'Asia/Shanghai';

-- Only a name PostgreSQL knows may be stored: a query turns periods into instants with
-- AT TIME ZONE, and an unknown name would fail every one of them instead of the one write that
-- stored it. A CHECK may not read a catalogue view, so a trigger does; the names are compared
-- exactly (AT TIME ZONE would also take 'asia/shanghai', Intl in the web would answer with
-- another spelling). PGlite carries the same tz database as the server.
CREATE FUNCTION city_settings_known_time_zone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = NEW.time_zone) THEN
    RAISE EXCEPTION 'time zone "%" is not one PostgreSQL knows (see pg_timezone_names)', NEW.time_zone
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER city_settings_known_time_zone BEFORE INSERT OR UPDATE OF time_zone ON city_settings
  FOR EACH ROW EXECUTE FUNCTION city_settings_known_time_zone();
