-- Hazards imported already closed from a historic ledger that never recorded how they were
-- rectified (issue 13). Such a row carries only what the source knows: found_at, closed_at and
-- whether it was fixed on the spot. It is marked recorded_closed, and only a marked row may be
-- closed without a responsible person, a deadline or a rectification time; every other row keeps
-- the rules of 0001 (the live workflow never sets the mark, and a closed hazard allows no further
-- step, so no live route can reach a marked row).
--
-- The closing rule is kept for marked rows too: the import records the required parties' passed
-- sign-offs at closed_at ("imported as closed"), so hazards_closed_accepted holds unchanged and a
-- closed hazard always has its sign-offs on record. The figures that need a missing fact (overdue
-- needs the deadline, sign-off delays and the sign-off wait need the rectification time) leave
-- marked rows out and say how many they left out; rebound figures need only found/closed times.
ALTER TABLE hazards ADD COLUMN recorded_closed boolean NOT NULL DEFAULT false;

ALTER TABLE hazards DROP CONSTRAINT hazards_assigned_when_rectifying;
ALTER TABLE hazards ADD CONSTRAINT hazards_assigned_when_rectifying CHECK (
  status = 'open' OR fixed_on_spot OR recorded_closed OR (responsible_person IS NOT NULL AND deadline IS NOT NULL));

ALTER TABLE hazards DROP CONSTRAINT hazards_rectified_has_time;
ALTER TABLE hazards ADD CONSTRAINT hazards_rectified_has_time CHECK (
  status NOT IN ('rectified', 'closed') OR rectified_at IS NOT NULL OR recorded_closed);

-- the mark means "closed, as the source recorded it": never on a hazard that is not closed, and an
-- on-the-spot fix is rectified when it is found, so it never lacks its rectification time
ALTER TABLE hazards ADD CONSTRAINT hazards_recorded_closed_is_closed CHECK (
  NOT recorded_closed OR (status = 'closed' AND NOT fixed_on_spot));

-- 0001 orders closed_at after rectified_at; a marked row has none, so closing is also ordered
-- after finding (true of every row the workflow writes)
ALTER TABLE hazards ADD CONSTRAINT hazards_closed_after_finding CHECK (closed_at IS NULL OR closed_at >= found_at);

-- the figures' skip counts look marked rows up by closing time
CREATE INDEX hazards_recorded_closed ON hazards (closed_at) WHERE recorded_closed;

-- The closing check reads the row back at commit, for every row written: a 38,000-row ledger
-- import paid that for its open hazards too. Only a row written closed can break the rule (closing
-- is terminal, and every change that closes a row or touches a closed one has NEW.status 'closed'),
-- so the same check now runs only for those.
DROP TRIGGER hazards_closed_accepted ON hazards;
CREATE CONSTRAINT TRIGGER hazards_closed_accepted AFTER INSERT OR UPDATE OF status, closed_at, fixed_on_spot ON hazards
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.status = 'closed') EXECUTE FUNCTION hazards_check_closing();
