-- One data version for the whole database, bumped once by every committed transaction that
-- changed domain data, so the server can cache answers (tiles, KPIs, clusters, blind spots)
-- and know exactly when they went stale. A reader reads the version BEFORE it computes and files
-- the answer under it: an answer computed from newer data than its version is merely recomputed
-- later, never served stale.
--
-- Why a deferred constraint trigger: the bump runs at commit, as the transaction's last lock, so
-- the single counter row cannot take part in a deadlock with the rows a write locks on its way;
-- and only the first changed row of a transaction updates the counter (a transaction-local
-- setting remembers it), so a bulk import pays one UPDATE, not one per row.
CREATE TABLE data_version (
  id smallint PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL,
  changed_at timestamptz NOT NULL
);
INSERT INTO data_version (id, version, changed_at) VALUES (1, 1, now());

CREATE FUNCTION data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('svm.data_version_bumped', true) IS DISTINCT FROM 'yes' THEN
    UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1;
    PERFORM set_config('svm.data_version_bumped', 'yes', true);
  END IF;
  RETURN NULL;
END $$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['townships', 'industry_departments', 'users', 'grid_cells', 'venues', 'patrols',
                           'hazard_types', 'hazards', 'hazard_transitions', 'acceptances', 'patrol_policy',
                           'grading_rules', 'reference_points', 'streets'] LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION data_version_bump()',
                   t || '_data_version', t);
  END LOOP;
END $$;
