-- Figures in true metres wherever the city is. Until now metric work (rebound clusters, township
-- label points, heatmap bins) ran in UTM zone 51N (EPSG:32651), right only between 120°E and 126°E,
-- and within-distance searches grew their index box by match_m / 90000 degrees, which holds only
-- where a degree of longitude is at least 90 km (south of about 36°).
--
-- 1. The city's metric projection, chosen once from its own extent and kept with the city: the
--    UTM zone of the centre of the townships' extent. Queries read it with city_metric_srid().
-- 2. expand_metres(g, m): a box in degrees that holds every point within m metres of g at any
--    latitude, for the GiST && prefilter in front of an exact ST_DWithin on the spheroid.
-- 3. The 0010 reference-point proof functions re-created with it (shipped migrations are never
--    edited: they are checksummed), and every proof recomputed once.

-- The EPSG code of the WGS 84 / UTM zone holding (lon, lat): 326zz north (the equator included),
-- 327zz south, zone = floor((lon + 180) / 6) + 1, with 180°E in zone 60. The Norway (32V) and
-- Svalbard (31X-37X) exceptions are ignored: they widen zones for map sheets, not for accuracy, and
-- the regular zone keeps its point within 3° of the central meridian as everywhere else.
CREATE FUNCTION utm_srid(lon float8, lat float8) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN lat < 0 THEN 32700 ELSE 32600 END + least(greatest(floor((lon + 180) / 6)::int + 1, 1), 60)
$$;

-- One row: the metric SRID and when it was last computed. The CHECK keeps it a UTM zone, which
-- spatial_ref_sys holds on both drivers (all 120 codes are in the embedded PostGIS too).
CREATE TABLE city_settings (
  id smallint PRIMARY KEY CHECK (id = 1),
  metric_srid integer NOT NULL
    CHECK (metric_srid BETWEEN 32601 AND 32660 OR metric_srid BETWEEN 32701 AND 32760),
  computed_at timestamptz NOT NULL
);

-- The zone of the centre of the townships' bounding box (a city spans far less than a zone, so
-- the centre of its box serves as well as its centroid and costs one pass over 20 rows). With no
-- township loaded there is no city to measure: 32651 is the zone the project has always used
-- (its seeded demo city, Ningbo, ~121.5°E), so an empty database answers as it did before 0011,
-- and the first township loaded replaces it. A city across the antimeridian is not handled.
CREATE FUNCTION city_metric_srid_from_townships() RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(utm_srid((ST_XMin(e) + ST_XMax(e)) / 2, (ST_YMin(e) + ST_YMax(e)) / 2), 32651)
    FROM (SELECT ST_Extent(geom) AS e FROM townships) x
$$;

INSERT INTO city_settings (id, metric_srid, computed_at) VALUES (1, city_metric_srid_from_townships(), now());

-- What queries transform into. Written as a scalar subquery, (SELECT city_metric_srid()), it is
-- an InitPlan: read once per statement, not once per row.
CREATE FUNCTION city_metric_srid() RETURNS integer
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT metric_srid FROM city_settings WHERE id = 1
$$;

-- Recomputed by every statement that can change the townships' extent. The row is locked first
-- and the SRID computed by the next statement: under READ COMMITTED that statement's snapshot
-- sees the townships of any transaction that held the lock before, so two concurrent loads of
-- townships cannot leave a zone computed without the other's rows.
CREATE FUNCTION townships_city_projection() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM city_settings WHERE id = 1 FOR UPDATE;
  UPDATE city_settings SET metric_srid = city_metric_srid_from_townships(), computed_at = now() WHERE id = 1;
  RETURN NULL;
END $$;
CREATE TRIGGER townships_city_projection AFTER INSERT OR UPDATE OF geom OR DELETE OR TRUNCATE ON townships
  FOR EACH STATEMENT EXECUTE FUNCTION townships_city_projection();

-- The bounding box of g grown by m metres on every side, in degrees, so that every point within
-- m metres of g on the spheroid lies inside it (for a GiST && prefilter; the exact test follows).
-- A degree of latitude is at least 110574 m (at the equator) and the shortest way between two
-- parallels runs along a meridian; a degree of longitude at latitude φ is at least 111320·cos φ,
-- taken at the latitude farthest from the equator the box reaches. 1 % is added for safety; within
-- 1° of a pole every longitude is taken. SQL with one expression, so the planner inlines it.
CREATE FUNCTION expand_metres(g geometry, m float8) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ST_Expand(g,
           CASE WHEN greatest(abs(ST_YMin(g)), abs(ST_YMax(g))) + m * 1.01 / 110574 >= 89 THEN 360
                ELSE m * 1.01 / (111320 * cos(radians(greatest(abs(ST_YMin(g)), abs(ST_YMax(g))) + m * 1.01 / 110574)))
           END,
           m * 1.01 / 110574)
$$;

-- 0010's functions with the latitude-true box (the triggers call them by name and stay).
CREATE OR REPLACE FUNCTION reference_point_proof(p_geom geometry, match_m integer) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT min(v.registered_at) FROM venues v
   WHERE v.closed_at IS NULL AND v.geom && expand_metres(p_geom, match_m)
     AND ST_DWithin(v.geom::geography, p_geom::geography, match_m)
$$;

CREATE OR REPLACE FUNCTION venues_prove_reference_points() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE m integer := (SELECT reference_match_m FROM patrol_policy LIMIT 1);
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE reference_points r SET matched_since = NULL
     WHERE r.matched_since IS NOT NULL AND r.geom && expand_metres(OLD.geom, m);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.closed_at IS NULL THEN
    UPDATE reference_points r SET matched_since = least(r.matched_since, NEW.registered_at)
     WHERE r.geom && expand_metres(NEW.geom, m)
       AND ST_DWithin(NEW.geom::geography, r.geom::geography, m)
       AND (r.matched_since IS NULL OR r.matched_since > NEW.registered_at);
  END IF;
  RETURN NULL;
END $$;

-- Every proof once more, as 0010 first set them: the old box was too narrow north of about 36°
-- (a venue 28 m east of a point proved nothing), which cost a probe rather than a wrong answer,
-- since a proof was only ever set after the exact test and cleared with the same box.
UPDATE reference_points r SET matched_since = reference_point_proof(r.geom, p.reference_match_m) FROM patrol_policy p;
