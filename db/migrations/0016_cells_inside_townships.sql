-- Grid cells as drawn by real cities, and industry departments a city that starts empty can load.
--
-- 1. grid_cells.geom becomes geometry(MultiPolygon, 4326): a cell split by a river or a railway is
--    one cell of two parts. Existing rows are wrapped with ST_Multi; the validity CHECK stays.
-- 2. A cell lies inside its township, enforced by a trigger so no write path (import, seed, a
--    future route) can skip it. Tolerance: the part of the cell outside its township, measured in
--    square metres in the city's metric projection (city_metric_srid(), 0011), may be at most 1 %
--    of the cell's area AND at most 500 m². Digitising noise along a shared border (a few metres
--    of sliver) passes; a cell drawn across the border, or 1,000 km away, does not.
--    Checked when a cell is written (insert, or a change of its shape or township). Redrawing a
--    township does not re-check its existing cells: a re-districting loads townships then cells,
--    as two files, and the cells are checked when they are loaded.
-- 3. industry_departments gets the checks its rows never had (a code that is a stable key, names
--    of sane length), so the admin can create and rename them; NOT VALID: rows already stored are
--    not re-read, every new or changed row is checked. A department may be created before its
--    categories are known (a file of code, name, name_en): an empty list signs off nothing and
--    reads nothing (venue_in_scope with no category), until the admin gives it its categories.

ALTER TABLE grid_cells ALTER COLUMN geom TYPE geometry(MultiPolygon, 4326) USING ST_Multi(geom);

-- The area of cell outside township, in m², in the city's metric projection (UTM of the city).
-- ST_Difference runs in 4326 (the overlay is exact there) and only the remainder is projected.
CREATE FUNCTION grid_cell_outside_m2(cell geometry, township geometry) RETURNS float8
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce(ST_Area(ST_Transform(ST_Difference(cell, township), (SELECT city_metric_srid()))), 0)
$$;

-- The cell's own area in m², in the same projection (the denominator of the 1 % share).
CREATE FUNCTION grid_cell_area_m2(cell geometry) RETURNS float8
LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT ST_Area(ST_Transform(cell, (SELECT city_metric_srid())))
$$;

CREATE FUNCTION grid_cells_inside_township() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  outside float8;
  total float8;
BEGIN
  SELECT code, geom INTO t FROM townships WHERE id = NEW.township_id;
  IF NOT FOUND THEN
    RETURN NEW; -- the foreign key refuses it
  END IF;
  -- a cell wholly inside (the usual case) costs no overlay
  IF ST_Covers(t.geom, NEW.geom) THEN
    RETURN NEW;
  END IF;
  outside := grid_cell_outside_m2(NEW.geom, t.geom);
  total := grid_cell_area_m2(NEW.geom);
  IF outside > 500 OR outside > 0.01 * total THEN
    RAISE EXCEPTION 'grid cell % lies outside its township %: % m² outside (% %% of the cell; at most 1 %% and 500 m² may be)',
      NEW.code, t.code, round(outside::numeric, 1), round((100 * outside / nullif(total, 0))::numeric, 2)
      USING ERRCODE = 'check_violation', CONSTRAINT = 'grid_cells_inside_township';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER grid_cells_inside_township BEFORE INSERT OR UPDATE OF geom, township_id ON grid_cells
  FOR EACH ROW EXECUTE FUNCTION grid_cells_inside_township();

ALTER TABLE industry_departments DROP CONSTRAINT industry_departments_categories_check;
ALTER TABLE industry_departments ALTER COLUMN categories SET DEFAULT '{}';
ALTER TABLE industry_departments
  ADD CONSTRAINT industry_departments_code_format CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$') NOT VALID,
  ADD CONSTRAINT industry_departments_name_length CHECK (length(name) BETWEEN 1 AND 200) NOT VALID,
  ADD CONSTRAINT industry_departments_name_en_length CHECK (length(name_en) <= 200) NOT VALID;
