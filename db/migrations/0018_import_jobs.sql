-- Imports run as jobs (POST /api/import/{kind} with Prefer: respond-async answers 202 and
-- GET /api/import/jobs/{id}). The job's progress is kept in memory by the process running it and
-- mirrored here when it starts, when it ends and (PostgreSQL) every few seconds as a heartbeat, so
-- a job id never vanishes: a process that stops while a job is queued or running leaves its row
-- behind, and a later read finds it stale and records it as failed (interrupted, nothing written:
-- the import's one transaction died with the process).
-- Like import_error_reports (0013) the table is outside the domain data: no data_version trigger,
-- not audited; finished jobs are deleted 24 hours after they finish when the next job is written.
CREATE TABLE import_jobs (
  id uuid PRIMARY KEY,
  -- the sender; deleting the account deletes its jobs
  created_by integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind ~ '^[a-z-]{1,40}$'),
  bytes integer NOT NULL CHECK (bytes >= 0),
  state text NOT NULL CHECK (state IN ('queued', 'running', 'succeeded', 'failed')),
  phase text CHECK (phase IN ('reading', 'checking', 'writing', 'linking', 'done')),
  rows_read integer NOT NULL DEFAULT 0 CHECK (rows_read >= 0),
  rows_written integer NOT NULL DEFAULT 0 CHECK (rows_written >= 0),
  total_rows integer CHECK (total_rows >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- the last sign of life of the process holding a queued or running job
  heartbeat_at timestamptz NOT NULL DEFAULT now(),
  -- succeeded: the counts the synchronous import answers; failed: its problem (RFC 9457 body)
  result jsonb,
  problem jsonb,
  CHECK ((state IN ('succeeded', 'failed')) = (finished_at IS NOT NULL)),
  CHECK (state <> 'succeeded' OR result IS NOT NULL),
  CHECK (state <> 'failed' OR problem IS NOT NULL)
);
-- expiry deletes finished jobs by age
CREATE INDEX import_jobs_finished_at ON import_jobs (finished_at);
