-- The full error list of a refused import, kept for 24 hours for the account that sent the file
-- (GET /api/import/reports/{id}.csv). A refused import writes no domain data: its transaction
-- rolls back, and the report is written afterwards in a short transaction of its own. The table
-- is deliberately outside the domain data: it has no data_version trigger (0008), so a report
-- never makes the caches stale, and it is not audited, so it makes no events for the wall.
CREATE TABLE import_error_reports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the report is its sender's; deleting the account deletes its reports
  created_by integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind ~ '^[a-z-]{1,40}$'),
  error_count integer NOT NULL CHECK (error_count > 0),
  csv text NOT NULL
);
-- expiry deletes by age whenever a report is written
CREATE INDEX import_error_reports_created_at ON import_error_reports (created_at);
