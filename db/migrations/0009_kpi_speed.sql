-- The city-scale overview (townships, stats summary, grid cells) without per-venue probes of
-- 10 million patrols: each venue's and each grid cell's latest patrol kept current on write, a
-- set-based grading for whole-city counts, and the sign-off wait looked up only for hazards that
-- can be waiting. Every definition keeps its exact answer for any as-of, current or past.

-- The latest patrol ever recorded (at any time, also later than now): a definition asked as of
-- a moment at or after it reads it directly; asked as of an earlier moment it probes the index.
ALTER TABLE venues ADD COLUMN last_patrol_at timestamptz;
ALTER TABLE grid_cells ADD COLUMN last_patrol_at timestamptz;

UPDATE venues v SET last_patrol_at = (SELECT max(p.patrolled_at) FROM patrols p WHERE p.venue_id = v.id);
UPDATE grid_cells c SET last_patrol_at = (SELECT max(p.patrolled_at) FROM patrols p WHERE p.grid_cell_id = c.id);

-- Statement-level with transition tables, so a bulk import (the seed's INSERT ... SELECT FROM
-- unnest) pays one grouped UPDATE per statement rather than one per row. An insert can only
-- raise the value; an update or delete may have removed it, so those recompute from the index.
-- (A delete racing an insert for the same venue could recompute without the concurrent row;
-- patrols are not deleted by the API.)
CREATE FUNCTION patrols_track_last() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE venues v SET last_patrol_at = n.at
      FROM (SELECT venue_id, max(patrolled_at) AS at FROM new_rows GROUP BY venue_id) n
     WHERE v.id = n.venue_id AND (v.last_patrol_at IS NULL OR v.last_patrol_at < n.at);
    UPDATE grid_cells c SET last_patrol_at = n.at
      FROM (SELECT grid_cell_id, max(patrolled_at) AS at FROM new_rows WHERE grid_cell_id IS NOT NULL GROUP BY grid_cell_id) n
     WHERE c.id = n.grid_cell_id AND (c.last_patrol_at IS NULL OR c.last_patrol_at < n.at);
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE venues v SET last_patrol_at = (SELECT max(p.patrolled_at) FROM patrols p WHERE p.venue_id = v.id)
     WHERE v.id IN (SELECT venue_id FROM old_rows UNION SELECT venue_id FROM new_rows);
    UPDATE grid_cells c SET last_patrol_at = (SELECT max(p.patrolled_at) FROM patrols p WHERE p.grid_cell_id = c.id)
     WHERE c.id IN (SELECT grid_cell_id FROM old_rows UNION SELECT grid_cell_id FROM new_rows);
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE venues v SET last_patrol_at = (SELECT max(p.patrolled_at) FROM patrols p WHERE p.venue_id = v.id)
     WHERE v.id IN (SELECT venue_id FROM old_rows);
    UPDATE grid_cells c SET last_patrol_at = (SELECT max(p.patrolled_at) FROM patrols p WHERE p.grid_cell_id = c.id)
     WHERE c.id IN (SELECT grid_cell_id FROM old_rows);
  ELSE -- TRUNCATE
    UPDATE venues SET last_patrol_at = NULL WHERE last_patrol_at IS NOT NULL;
    UPDATE grid_cells SET last_patrol_at = NULL WHERE last_patrol_at IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER patrols_last_insert AFTER INSERT ON patrols
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patrols_track_last();
CREATE TRIGGER patrols_last_update AFTER UPDATE ON patrols
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION patrols_track_last();
CREATE TRIGGER patrols_last_delete AFTER DELETE ON patrols
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION patrols_track_last();
CREATE TRIGGER patrols_last_truncate AFTER TRUNCATE ON patrols
  FOR EACH STATEMENT EXECUTE FUNCTION patrols_track_last();

-- As 0003: the last patrol at or before as_of is the maintained one when that is not later than
-- as_of (none recorded at all: none by as_of either); otherwise the index probe of 0003.
CREATE OR REPLACE FUNCTION venue_patrol_status(as_of timestamptz)
RETURNS TABLE (
  venue_id integer, grid_cell_id integer, township_id integer, risk_level risk_level,
  last_patrol_at timestamptz, due_days integer, overdue boolean
)
LANGUAGE sql STABLE AS $$
  SELECT v.id, v.grid_cell_id, v.township_id, v.risk_level, lp.at, d.days,
         coalesce(lp.at, v.registered_at) < as_of - make_interval(days => d.days)
    FROM venues v
   CROSS JOIN patrol_policy p
   CROSS JOIN LATERAL (SELECT CASE v.risk_level WHEN 'high' THEN p.high_days
                                               WHEN 'medium' THEN p.medium_days
                                               ELSE p.low_days END AS days) d
   CROSS JOIN LATERAL (SELECT CASE WHEN v.last_patrol_at IS NULL OR v.last_patrol_at <= as_of THEN v.last_patrol_at
                                   ELSE (SELECT pt.patrolled_at FROM patrols pt
                                          WHERE pt.venue_id = v.id AND pt.patrolled_at <= as_of
                                          ORDER BY pt.patrolled_at DESC LIMIT 1) END AS at) lp
   WHERE v.registered_at <= as_of AND (v.closed_at IS NULL OR v.closed_at > as_of)
$$;

CREATE OR REPLACE FUNCTION cell_patrol_status(as_of timestamptz)
RETURNS TABLE (
  grid_cell_id integer, township_id integer, worker_id integer, last_patrol_at timestamptz,
  days_since_patrol integer, unpatrolled boolean, venues integer, overdue_venues integer, overdue_share double precision
)
LANGUAGE sql STABLE AS $$
  SELECT c.id, c.township_id, c.worker_id, lp.at,
         floor(extract(epoch FROM as_of - lp.at) / 86400)::integer,
         lp.at IS NULL OR lp.at < as_of - make_interval(days => p.grid_duty_days),
         coalesce(vs.venues, 0)::integer, coalesce(vs.overdue, 0)::integer,
         CASE WHEN coalesce(vs.venues, 0) = 0 THEN 0 ELSE vs.overdue::double precision / vs.venues END
    FROM grid_cells c
   CROSS JOIN patrol_policy p
   CROSS JOIN LATERAL (SELECT CASE WHEN c.last_patrol_at IS NULL OR c.last_patrol_at <= as_of THEN c.last_patrol_at
                                   ELSE (SELECT pt.patrolled_at FROM patrols pt
                                          WHERE pt.grid_cell_id = c.id AND pt.patrolled_at <= as_of
                                          ORDER BY pt.patrolled_at DESC LIMIT 1) END AS at) lp
    LEFT JOIN LATERAL (SELECT count(*) AS venues, count(*) FILTER (WHERE s.overdue) AS overdue
                         FROM venue_patrol_status(as_of) s WHERE s.grid_cell_id = c.id) vs ON true
$$;

-- Each venue's score and computed level as of a moment, as venue_grades (0002) gives them, for
-- whole-city counts without a per-venue lateral over the rules. Every rule tests one subject, so
-- a score is the sum of its subjects' parts: the category's points (joined by category), the
-- facts' points (one sum per fact), and the threshold rules' points summed once per distinct
-- occupancy, open-hazard count and rebound count. Hazards are counted once per venue, only those
-- that can count (open at as_of, or a rebound inside the window). venue_grades stays for views
-- that need fired_rules.
CREATE FUNCTION venue_levels(as_of timestamptz)
RETURNS TABLE (venue_id integer, score integer, computed_level risk_level)
LANGUAGE sql STABLE AS $$
  WITH r AS MATERIALIZED (
    SELECT subject, category, threshold, points FROM grading_rules WHERE enabled
  ), hz AS MATERIALIZED (
    SELECT h.venue_id,
           count(*) FILTER (WHERE h.closed_at IS NULL OR h.closed_at > as_of) AS open_hazards,
           count(*) FILTER (WHERE h.rebound_of IS NOT NULL
                              AND h.found_at > as_of - make_interval(days => p.rebound_window_days)) AS rebounds
      FROM hazards h CROSS JOIN patrol_policy p
     WHERE h.found_at <= as_of
       AND (h.closed_at IS NULL OR h.closed_at > as_of
            OR (h.rebound_of IS NOT NULL AND h.found_at > as_of - make_interval(days => p.rebound_window_days)))
     GROUP BY h.venue_id
  ), cat AS (
    SELECT category, sum(points) AS pts FROM r WHERE subject = 'category' GROUP BY category
  ), fact AS (
    SELECT coalesce(sum(points) FILTER (WHERE subject = 'indoor_ebike_charging'), 0) AS indoor,
           coalesce(sum(points) FILTER (WHERE subject = 'charging_near_stock'), 0) AS stock,
           coalesce(sum(points) FILTER (WHERE subject = 'flammables_stored'), 0) AS flammables,
           coalesce(sum(points) FILTER (WHERE subject = 'people_living_on_site'), 0) AS living
      FROM r
  ), occ AS (
    SELECT o.n, sum(r.points) AS pts
      FROM (SELECT DISTINCT occupancy AS n FROM venues) o
      JOIN r ON r.subject = 'occupancy_at_least' AND o.n >= r.threshold
     GROUP BY o.n
  ), oh AS (
    SELECT o.n, sum(r.points) AS pts
      FROM (SELECT open_hazards AS n FROM hz UNION SELECT 0) o
      JOIN r ON r.subject = 'open_hazards_at_least' AND o.n >= r.threshold
     GROUP BY o.n
  ), rb AS (
    SELECT o.n, sum(r.points) AS pts
      FROM (SELECT rebounds AS n FROM hz UNION SELECT 0) o
      JOIN r ON r.subject = 'rebounds_at_least' AND o.n >= r.threshold
     GROUP BY o.n
  ), scored AS (
    SELECT v.id,
           (coalesce(cat.pts, 0)
            + CASE WHEN v.indoor_ebike_charging THEN f.indoor ELSE 0 END
            + CASE WHEN v.charging_near_stock THEN f.stock ELSE 0 END
            + CASE WHEN v.flammables_stored THEN f.flammables ELSE 0 END
            + CASE WHEN v.people_living_on_site THEN f.living ELSE 0 END
            + coalesce(occ.pts, 0) + coalesce(oh.pts, 0) + coalesce(rb.pts, 0))::integer AS score
      FROM venues v
     CROSS JOIN fact f
      LEFT JOIN hz ON hz.venue_id = v.id
      LEFT JOIN cat ON cat.category = v.category
      LEFT JOIN occ ON occ.n = v.occupancy
      LEFT JOIN oh ON oh.n = coalesce(hz.open_hazards, 0)
      LEFT JOIN rb ON rb.n = coalesce(hz.rebounds, 0)
  )
  SELECT s.id, s.score,
         CASE WHEN s.score >= p.grade_high_score THEN 'high'::risk_level
              WHEN s.score >= p.grade_medium_score THEN 'medium'::risk_level
              ELSE 'low'::risk_level END
    FROM scored s CROSS JOIN patrol_policy p
$$;

-- As 0004, for the hazards that can be awaiting sign-off at as_of only: found by then and not
-- closed by then. Closing is terminal (the workflow refuses every step on a closed hazard and
-- logs the 'closed' transition at closed_at), so a hazard closed by as_of was 'closed' then.
CREATE OR REPLACE FUNCTION hazards_awaiting(as_of timestamptz)
RETURNS TABLE (hazard_id bigint, township_id integer, party acceptance_party, rectified_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT h.id, h.township_id, p.party, coalesce(lr.at, CASE WHEN h.rectified_at <= as_of THEN h.rectified_at END)
    FROM hazards h
    LEFT JOIN LATERAL (SELECT t.to_status FROM hazard_transitions t
                        WHERE t.hazard_id = h.id AND t.at <= as_of
                        ORDER BY t.at DESC, t.id DESC LIMIT 1) lt ON true
    LEFT JOIN LATERAL (SELECT max(t.at) AS at FROM hazard_transitions t
                        WHERE t.hazard_id = h.id AND t.to_status = 'rectified' AND t.at <= as_of) lr ON true
   CROSS JOIN unnest(ARRAY['territorial', 'industry', 'special']::acceptance_party[]) AS p(party)
   WHERE h.found_at <= as_of AND (h.closed_at IS NULL OR h.closed_at > as_of) AND NOT h.fixed_on_spot
     AND coalesce(lt.to_status,
                  CASE WHEN h.closed_at <= as_of THEN 'closed'::hazard_status
                       WHEN h.rectified_at <= as_of THEN 'rectified'::hazard_status
                       WHEN h.status = 'open' THEN 'open'::hazard_status
                       ELSE 'rectifying'::hazard_status END) = 'rectified'
     AND NOT coalesce((SELECT a.passed FROM acceptances a
                        WHERE a.hazard_id = h.id AND a.party = p.party AND a.at <= as_of
                        ORDER BY a.at DESC, a.id DESC LIMIT 1), false)
$$;

-- The KPIs' sign-off delays read the passed sign-offs of a period (a trend week, 90 days): found
-- by time, not by a scan of every sign-off ever given.
CREATE INDEX acceptances_passed_at ON acceptances (at) WHERE passed;
