-- The programme's definitions (DESIGN.md "Definitions") as SQL functions of an explicit
-- as-of moment, so every route, KPI and test asks the same question the same way.
-- All are inlinable SQL functions: filters on their output columns are pushed down.

-- Active venues as of a moment, with their patrol cadence and whether they are overdue:
-- the last patrol at or before as_of (or, never patrolled, the registration) is older than
-- the venue's risk level's interval.
CREATE FUNCTION venue_patrol_status(as_of timestamptz)
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
    LEFT JOIN LATERAL (SELECT pt.patrolled_at AS at FROM patrols pt
                        WHERE pt.venue_id = v.id AND pt.patrolled_at <= as_of
                        ORDER BY pt.patrolled_at DESC LIMIT 1) lp ON true
   WHERE v.registered_at <= as_of AND (v.closed_at IS NULL OR v.closed_at > as_of)
$$;

-- Every grid cell as of a moment: its last patrol, whole days since, whether it is
-- unpatrolled (no patrol for more than the weekly grid duty), and its active and overdue venues.
CREATE FUNCTION cell_patrol_status(as_of timestamptz)
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
    LEFT JOIN LATERAL (SELECT pt.patrolled_at AS at FROM patrols pt
                        WHERE pt.grid_cell_id = c.id AND pt.patrolled_at <= as_of
                        ORDER BY pt.patrolled_at DESC LIMIT 1) lp ON true
    LEFT JOIN LATERAL (SELECT count(*) AS venues, count(*) FILTER (WHERE s.overdue) AS overdue
                         FROM venue_patrol_status(as_of) s WHERE s.grid_cell_id = c.id) vs ON true
$$;

-- Hazards as they stood at a moment: found by then; open = not closed by then;
-- overdue = open with its deadline passed.
CREATE FUNCTION hazards_as_of(as_of timestamptz)
RETURNS TABLE (hazard_id bigint, venue_id integer, township_id integer, type_code text, found_at timestamptz,
               is_open boolean, overdue boolean, closed_at timestamptz, rebound_of bigint)
LANGUAGE sql STABLE AS $$
  SELECT h.id, h.venue_id, h.township_id, h.type_code, h.found_at,
         h.closed_at IS NULL OR h.closed_at > as_of,
         (h.closed_at IS NULL OR h.closed_at > as_of) AND h.deadline < as_of,
         CASE WHEN h.closed_at <= as_of THEN h.closed_at END,
         h.rebound_of
    FROM hazards h
   WHERE h.found_at <= as_of
$$;

-- The rebound cohort of a period (by closing date): hazards closed in [p_from, p_to) and
-- whether a rebound of each was found by as_of. The period is provisional while it ends
-- less than one rebound window before as_of (a rebound may still come).
CREATE FUNCTION rebound_cohort(p_from timestamptz, p_to timestamptz, as_of timestamptz)
RETURNS TABLE (hazard_id bigint, venue_id integer, township_id integer, type_code text, closed_at timestamptz,
               rebounded boolean, provisional boolean)
LANGUAGE sql STABLE AS $$
  SELECT h.id, h.venue_id, h.township_id, h.type_code, h.closed_at,
         EXISTS (SELECT 1 FROM hazards r WHERE r.rebound_of = h.id AND r.found_at <= as_of),
         p_to > as_of - make_interval(days => p.rebound_window_days)
    FROM hazards h
   CROSS JOIN patrol_policy p
   WHERE h.closed_at >= p_from AND h.closed_at < p_to AND h.closed_at <= as_of
$$;
