-- Hazard state as of a moment, for the ledger, the "awaiting sign-off" filter and the KPIs.
-- The hazards row holds only the latest state; the transitions log says what it was at any
-- moment. Hazards without a logged transition fall back to their timestamps.

-- Each hazard found by as_of: its status then, and its latest rectification at or before then
-- (a failed acceptance sends it back to rectifying, and the next rectification restarts the wait).
CREATE FUNCTION hazard_states(as_of timestamptz)
RETURNS TABLE (hazard_id bigint, status hazard_status, rectified_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT h.id,
         coalesce(lt.to_status,
                  CASE WHEN h.closed_at <= as_of THEN 'closed'::hazard_status
                       WHEN h.rectified_at <= as_of THEN 'rectified'::hazard_status
                       WHEN h.status = 'open' THEN 'open'::hazard_status
                       ELSE 'rectifying'::hazard_status END),
         coalesce(lr.at, CASE WHEN h.rectified_at <= as_of THEN h.rectified_at END)
    FROM hazards h
    LEFT JOIN LATERAL (SELECT t.to_status FROM hazard_transitions t
                        WHERE t.hazard_id = h.id AND t.at <= as_of
                        ORDER BY t.at DESC, t.id DESC LIMIT 1) lt ON true
    LEFT JOIN LATERAL (SELECT max(t.at) AS at FROM hazard_transitions t
                        WHERE t.hazard_id = h.id AND t.to_status = 'rectified' AND t.at <= as_of) lr ON true
   WHERE h.found_at <= as_of
$$;

-- Who is holding closures up: hazards rectified (awaiting acceptance) as of as_of, one row per
-- required joint-acceptance party whose latest sign-off by then is missing or failed (the rule
-- hazards_check_closing applies at closing). On-the-spot fixes need no joint acceptance.
CREATE FUNCTION hazards_awaiting(as_of timestamptz)
RETURNS TABLE (hazard_id bigint, township_id integer, party acceptance_party, rectified_at timestamptz)
LANGUAGE sql STABLE AS $$
  SELECT h.id, h.township_id, p.party, s.rectified_at
    FROM hazard_states(as_of) s
    JOIN hazards h ON h.id = s.hazard_id
   CROSS JOIN unnest(ARRAY['territorial', 'industry', 'special']::acceptance_party[]) AS p(party)
   WHERE s.status = 'rectified' AND NOT h.fixed_on_spot
     AND NOT coalesce((SELECT a.passed FROM acceptances a
                        WHERE a.hazard_id = h.id AND a.party = p.party AND a.at <= as_of
                        ORDER BY a.at DESC, a.id DESC LIMIT 1), false)
$$;

CREATE INDEX hazard_transitions_rectified ON hazard_transitions (hazard_id, at) WHERE to_status = 'rectified';
