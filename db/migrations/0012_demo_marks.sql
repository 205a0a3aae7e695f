-- What the demo city's seed wrote, marked so that it can be removed again (pnpm demo:remove)
-- while the city's own data beside it stays. Marked are the rows that hang from no demo
-- township: townships themselves, accounts, wall display tokens, streets and reference points.
-- Grid cells and venues are the demo's by lying in a demo township, and patrols, hazards,
-- transitions and sign-offs by belonging to such a venue. Industry departments are not marked:
-- they are the city's authorities (nothing else creates them) and stay when the demo goes.

-- Pending migrations run in one transaction, and a table cannot be altered while trigger events
-- on it wait for the commit: an earlier migration's UPDATE of a city's rows (0011 recomputes every
-- reference point) leaves 0008's deferred data-version events behind. They fire now, and those of
-- the marking below at each statement's end, so none is left for a later migration either.
SET CONSTRAINTS ALL IMMEDIATE;

ALTER TABLE townships ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE users ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE display_tokens ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE streets ADD COLUMN demo boolean NOT NULL DEFAULT false;
ALTER TABLE reference_points ADD COLUMN demo boolean NOT NULL DEFAULT false;

-- A database seeded before this migration: the seed wrote every table with ids 1..n in one
-- transaction, set each sequence past them, and logged one audit row ('seed', 'seed', 'city')
-- whose detail is its report with each n. Rows within those counts that also carry the seed's
-- names (township codes T01.., usernames admin, city, planner, special.fire, leader.*, dept.*,
-- worker.*, reference points osm node/*) are its rows; anything added later has a higher id.
-- The demo wall token is the one createDemoSignIns labelled, city-wide, created by no account.
-- Without a seed row nothing is marked: the database never held the demo.
-- (The report is read by each statement: a migration leaves no helper behind.)
UPDATE townships SET demo = true
 WHERE id <= (SELECT (detail->>'townships')::int FROM audit_log
               WHERE action = 'seed' AND entity = 'city' AND actor_name = 'seed' AND actor_id IS NULL
               ORDER BY id DESC LIMIT 1)
   AND code ~ '^T[0-9]{2}$';
UPDATE users SET demo = true
 WHERE id <= (SELECT (detail->>'users')::int FROM audit_log
               WHERE action = 'seed' AND entity = 'city' AND actor_name = 'seed' AND actor_id IS NULL
               ORDER BY id DESC LIMIT 1)
   AND (username IN ('admin', 'city', 'planner', 'special.fire') OR username ~ '^(leader|dept|worker)\.');
UPDATE streets SET demo = true
 WHERE id <= (SELECT (detail->>'streets')::int FROM audit_log
               WHERE action = 'seed' AND entity = 'city' AND actor_name = 'seed' AND actor_id IS NULL
               ORDER BY id DESC LIMIT 1);
UPDATE reference_points SET demo = true
 WHERE id <= (SELECT (detail->>'referencePoints')::int FROM audit_log
               WHERE action = 'seed' AND entity = 'city' AND actor_name = 'seed' AND actor_id IS NULL
               ORDER BY id DESC LIMIT 1)
   AND source = 'osm' AND external_id ~ '^node/[0-9]+$';
UPDATE display_tokens SET demo = true
 WHERE label = '指挥中心大屏 (demo)' AND township_id IS NULL AND created_by IS NULL
   AND EXISTS (SELECT 1 FROM audit_log
                WHERE action = 'seed' AND entity = 'city' AND actor_name = 'seed' AND actor_id IS NULL);

-- back to the declared behaviour (every deferrable trigger here is INITIALLY DEFERRED)
SET CONSTRAINTS ALL DEFERRED;
