-- Read scoping: the one predicate every read query applies to say whether a caller may see a row.
-- A caller's scope arrives as two values (server/src/auth/scope.queries.ts makes them):
--   scope_township   NULL, or the one township a township account (or grid worker) reads;
--   scope_categories NULL, or the venue categories of a department account's industry.
-- City-wide callers pass NULL for both. Both functions are plain SQL expressions, IMMUTABLE and
-- not STRICT, so the planner inlines them: with the scope bound as parameters of a custom plan,
-- "NULL IS NULL OR ..." folds to true and a city-wide query keeps exactly the plan it had
-- (index scans included); a township scope becomes "township_id = $n".

-- A venue (or a hazard or patrol through its venue) is visible when it lies in the scope's
-- township and its category is one of the scope's categories (either constraint may be absent).
CREATE FUNCTION venue_in_scope(scope_township integer, scope_categories venue_category[],
                               venue_township integer, venue_category venue_category)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (scope_township IS NULL OR venue_township = scope_township)
     AND (scope_categories IS NULL OR venue_category = ANY (scope_categories))
$$;

-- A township-bound thing (a township's figures, a grid cell) is visible when no township
-- constrains the scope or it is that township.
CREATE FUNCTION township_in_scope(scope_township integer, township integer)
RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT scope_township IS NULL OR township = scope_township
$$;
