-- The city's own hazard catalogue (hundreds of types under its inspection system's codes) and a
-- generic township kind for cities whose units are wards or districts.
--
-- Codes: 1-64 letters, digits, '.', '-', '_', starting with a letter or digit (FS-12.3, A.1-b_2).
-- They compare case-sensitively (text equality): FS-1 and fs-1 are two types, each unique.
ALTER TABLE hazard_types DROP CONSTRAINT hazard_types_code_check;
ALTER TABLE hazard_types ADD CONSTRAINT hazard_types_code_check
  CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$');
ALTER TABLE hazard_types
  ADD CONSTRAINT hazard_types_name_length CHECK (length(name) BETWEEN 1 AND 200),
  ADD CONSTRAINT hazard_types_name_en_length CHECK (length(name_en) <= 200),
  -- the venue categories the type applies to; empty: every category
  ADD COLUMN categories venue_category[] NOT NULL DEFAULT '{}',
  -- a retired type is kept for the hazards that have it but takes no new ones
  ADD COLUMN retired_at timestamptz;

-- Runs inside the migration's transaction (PostgreSQL 12+; PGlite is 17): the new value cannot be
-- used by this same transaction, and nothing below uses it.
ALTER TYPE township_kind ADD VALUE IF NOT EXISTS 'district';
