// The refusal of an import (HTTP 422): the extension members of its problem, each error's
// machine-readable reason (stable, for the UI's translations) and the full error report's route.
import { z } from 'zod';
import type { ProblemDetails } from './problem.ts';

/** Why a line (CSV) or feature (GeoJSON) was refused. Stable: add new reasons, never rename one. */
export const IMPORT_ERROR_REASONS = [
  // the file as a whole
  'csv_syntax', // a quote not closed, a stray quote
  'unknown_column', // a header name the import does not know
  'duplicate_column', // a header name given twice
  'missing_column', // a required column is not in the header
  'field_count', // a row with more or fewer fields than the header
  'not_a_feature_collection', // GeoJSON: the body is not a FeatureCollection
  'no_features', // GeoJSON: the FeatureCollection is empty
  'not_a_feature', // GeoJSON: an element of `features` is not a Feature
  // one cell or property
  'required', // empty or missing, but required
  'too_long', // text longer than its column allows
  'too_short', // text shorter than its column allows (an empty label)
  'bad_format', // text not in its column's format (an id with spaces, a code with other characters)
  'wrong_type', // GeoJSON: a property of the wrong JSON type (a number where text belongs)
  'not_a_number', // a number column holding something else
  'out_of_range', // a number outside its column's range
  'not_a_boolean', // a yes/no column holding something else
  'bad_time', // not an ISO 8601 date or date-time
  'unknown_value', // not one of the column's values (category, status, hazard type …)
  // the row against the file, the database or itself
  'duplicate_key', // the same key as an earlier line of the file
  'unknown_reference', // names a venue, hazard, patrol, user or township that does not exist
  'reference_mismatch', // names a patrol of another venue
  'time_order', // a time before one it must follow (found before registered, closed before rectified …)
  'in_future', // a patrol time after now
  'status_rule', // a column required or forbidden by the row's status
  'bad_geometry', // GeoJSON: missing, of the wrong type, positions out of range, rings not closed
  'invalid_geometry', // GeoJSON: refused by PostGIS as invalid (a self-intersecting polygon)
  'constraint', // the database refused the row (e.g. a venue outside every township)
  'retired_value', // a retired hazard type given to a new hazard
  'taken', // a key that must be new is already in the database (an account's username)
  'role_rule', // a column required or forbidden by an account's role
  'outside_township', // GeoJSON: a grid cell reaching out of its township past the tolerance (1 % and 500 m²)
] as const;
export type ImportErrorReason = (typeof IMPORT_ERROR_REASONS)[number];

/** One refused line (CSV, header = line 1) or feature (GeoJSON index); neither: the whole file. */
export interface ImportRowError {
  line?: number;
  feature?: number;
  column?: string;
  reason: ImportErrorReason;
  /** one line of at most 240 characters */
  message: string;
}

/** The extension members of an import's 422 problem (type urn:svm:problem:import-refused). */
export interface ImportRefusalMembers {
  /** every error found (a report lists at most 100,000 of them) */
  errorCount: number;
  /** errorCount split by reason */
  countsByReason: Partial<Record<ImportErrorReason, number>>;
  /**
   * the first errors by line: at most 200, fewer when the body would otherwise be larger than the
   * file (a floor of 8 KiB leaves room for the problem's own members) or than 96 KiB
   */
  errors: ImportRowError[];
  /** where the account that sent the file downloads every error as CSV for 24 hours (null: not stored) */
  errorsCsv: string | null;
}

export const IMPORT_REFUSED_PROBLEM_TYPE = 'urn:svm:problem:import-refused';

/** The whole 422 body of a refused import. */
export type ImportRefusalProblem = Omit<ProblemDetails, 'errors'> & ImportRefusalMembers;

/** GET /api/import/reports/{id}.csv: the id from a refusal's `errorsCsv`. */
export const importReportParamsSchema = z.object({
  id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.csv$/,
      'the last part must be {id}.csv with the report id of a refused import (its errorsCsv)',
    )
    .transform((s) => s.slice(0, -4)),
});

// --- import jobs: POST /api/import/{kind} with `Prefer: respond-async` answers 202 and a job ---

/** queued (waiting for the job before it), running, then succeeded or failed; never anything after those. */
export const IMPORT_JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];
/** reading the file, checking its rows (and their references), writing them, linking (e.g. rebounds), done */
export const IMPORT_PHASES = ['reading', 'checking', 'writing', 'linking', 'done'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

/** GET /api/import/jobs/{id} (and the 202 body): where a job is, and its final answer. */
export interface ImportJob {
  id: string;
  /** the import, e.g. "hazards" */
  kind: string;
  state: ImportJobState;
  /** null while queued */
  phase: ImportPhase | null;
  /** CSV lines after the header, or GeoJSON features, read so far */
  rowsRead: number;
  /** rows written so far (inside the job's one transaction: nothing is visible before it succeeds) */
  rowsWritten: number;
  /** the file's rows, once the file has been read; else null */
  totalRows: number | null;
  /** the file's size in bytes */
  bytes: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** succeeded: what the synchronous import answers with 200 ({ inserted, updated, … }); else null */
  result: Record<string, number> | null;
  /**
   * failed: the problem the synchronous import answers (a refusal is the same 422 problem, with its
   * errorsCsv report link; an interrupted job is a 503 problem saying nothing was written); else null
   */
  problem: ImportRefusalProblem | ProblemDetails | null;
}

/** GET /api/import/jobs/{id}: the id from a 202's Location. */
export const importJobParamsSchema = z.object({
  id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      'the last part must be the id of an import job (the Location of its 202 answer)',
    ),
});
