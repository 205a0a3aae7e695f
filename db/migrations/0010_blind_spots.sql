-- Blind spots at city scale: which reference points (an imported shop layer) have no venue of the
-- register within the policy's reference_match_m, as of a moment, without probing the venue index
-- for each of ~170,000 points on every request.
--
-- matched_since is a proof kept per point: the registration time of a venue that is still open
-- (closed_at IS NULL) and lies within reference_match_m of the point, so the point is matched at
-- every moment from then on. NULL means "no proof kept": the reader probes the index exactly as
-- before (blind-spots.queries.ts). So the column only ever needs to be safe, never complete:
--   * it is set only from a venue open in the writing transaction itself (its own insert or
--     update, or, for a point being written, under a SHARE lock on venues, which waits for every
--     transaction writing venues to end and keeps new ones out until this one ends);
--   * any change that can void a proof (a venue moved, re-dated, closed or deleted; the match
--     distance changed) clears every proof near the venue's old position, or all of them; a
--     cleared proof may rest on another venue, which costs a probe, never a wrong answer.
-- Concurrent writers serialise on the points' row locks: a clearing UPDATE ends with NULL, and a
-- setting UPDATE re-evaluates least(matched_since, own open venue) on the latest row version.
ALTER TABLE reference_points ADD COLUMN matched_since timestamptz;

-- The earliest registration among open venues within the match distance of a point (NULL: none).
-- The && prefilter uses the GiST index: a degree is at least 90 km at this city's latitude.
CREATE FUNCTION reference_point_proof(p_geom geometry, match_m integer) RETURNS timestamptz
LANGUAGE sql STABLE AS $$
  SELECT min(v.registered_at) FROM venues v
   WHERE v.closed_at IS NULL AND v.geom && ST_Expand(p_geom, match_m / 90000.0)
     AND ST_DWithin(v.geom::geography, p_geom::geography, match_m)
$$;

UPDATE reference_points r SET matched_since = reference_point_proof(r.geom, p.reference_match_m) FROM patrol_policy p;

-- A point written (imported, moved): its proof from the venues as committed, read under a SHARE
-- lock so that no venue can close between the read and this transaction's commit.
CREATE FUNCTION reference_points_prove() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE venues IN SHARE MODE;
  NEW.matched_since := reference_point_proof(NEW.geom, (SELECT reference_match_m FROM patrol_policy LIMIT 1));
  RETURN NEW;
END $$;
CREATE TRIGGER reference_points_prove BEFORE INSERT OR UPDATE OF geom ON reference_points
  FOR EACH ROW EXECUTE FUNCTION reference_points_prove();

-- A venue written: proofs near where it stood are cleared; an open venue proves the points near
-- where it stands now.
CREATE FUNCTION venues_prove_reference_points() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE m integer := (SELECT reference_match_m FROM patrol_policy LIMIT 1);
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE reference_points r SET matched_since = NULL
     WHERE r.matched_since IS NOT NULL AND r.geom && ST_Expand(OLD.geom, m / 90000.0);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.closed_at IS NULL THEN
    UPDATE reference_points r SET matched_since = least(r.matched_since, NEW.registered_at)
     WHERE r.geom && ST_Expand(NEW.geom, m / 90000.0)
       AND ST_DWithin(NEW.geom::geography, r.geom::geography, m)
       AND (r.matched_since IS NULL OR r.matched_since > NEW.registered_at);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER venues_prove_reference_points AFTER INSERT OR UPDATE OF geom, registered_at, closed_at OR DELETE ON venues
  FOR EACH ROW EXECUTE FUNCTION venues_prove_reference_points();

CREATE FUNCTION venues_truncated_reference_points() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reference_points SET matched_since = NULL WHERE matched_since IS NOT NULL;
  RETURN NULL;
END $$;
CREATE TRIGGER venues_truncated_reference_points AFTER TRUNCATE ON venues
  FOR EACH STATEMENT EXECUTE FUNCTION venues_truncated_reference_points();

-- A new match distance: every proof again, from the venues as committed (under the same lock).
CREATE FUNCTION patrol_policy_prove_reference_points() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE venues IN SHARE MODE;
  UPDATE reference_points r SET matched_since = reference_point_proof(r.geom, NEW.reference_match_m);
  RETURN NULL;
END $$;
CREATE TRIGGER patrol_policy_prove_reference_points AFTER UPDATE OF reference_match_m ON patrol_policy
  FOR EACH ROW WHEN (OLD.reference_match_m IS DISTINCT FROM NEW.reference_match_m)
  EXECUTE FUNCTION patrol_policy_prove_reference_points();
