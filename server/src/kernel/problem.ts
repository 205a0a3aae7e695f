// The one throwable API error (RFC 9457) and its rendering, used only by app.onError.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, type ProblemIssue } from '@svm/contract';
import { databaseUnavailability } from './db-errors.ts';

export interface ProblemInit {
  status: ContentfulStatusCode;
  title: string;
  detail: string;
  /** a URI reference naming the kind of problem; about:blank means "see the status" */
  type?: string;
  /** extension members, e.g. `errors` for validation */
  extra?: Record<string, unknown>;
  cause?: unknown;
  /** response headers the problem needs, e.g. Retry-After on a 503 */
  headers?: Record<string, string>;
}

export class Problem extends Error {
  override readonly name = 'Problem';
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail, { cause: init.cause });
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.extra = init.extra ?? {};
    this.headers = init.headers ?? {};
  }

  static badRequest(detail: string, errors: ProblemIssue[]): Problem {
    return new Problem({
      status: 400,
      title: 'Invalid request',
      type: 'urn:svm:problem:invalid-request',
      detail,
      extra: { errors },
    });
  }

  static notFound(detail: string): Problem {
    return new Problem({ status: 404, title: 'Not Found', detail });
  }

  static unauthorized(detail: string): Problem {
    return new Problem({ status: 401, title: 'Unauthorized', detail });
  }

  static forbidden(detail: string): Problem {
    return new Problem({ status: 403, title: 'Forbidden', detail });
  }

  static conflict(detail: string, extra?: Record<string, unknown>): Problem {
    return new Problem({ status: 409, title: 'Conflict', detail, ...(extra ? { extra } : {}) });
  }

  static unprocessable(detail: string, extra?: Record<string, unknown>): Problem {
    return new Problem({ status: 422, title: 'Unprocessable Content', detail, ...(extra ? { extra } : {}) });
  }

  static tooLarge(detail: string): Problem {
    return new Problem({ status: 413, title: 'Content Too Large', detail });
  }

  static unsupportedMediaType(detail: string): Problem {
    return new Problem({ status: 415, title: 'Unsupported Media Type', detail });
  }

  /** The database is unreachable or too busy: try again after `retryAfterSeconds`. */
  static serviceUnavailable(detail: string, retryAfterSeconds: number, cause?: unknown): Problem {
    return new Problem({
      status: 503,
      title: 'Service Unavailable',
      type: 'urn:svm:problem:unavailable',
      detail,
      cause,
      headers: { 'Retry-After': String(retryAfterSeconds) },
    });
  }

  toDetails(instance: string): ProblemDetails {
    const standard = { type: this.type, title: this.title, status: this.status, detail: this.detail, instance };
    // standard members first and never overridden by an extension member of the same name
    return { ...standard, ...this.extra, ...standard };
  }
}

/** Maps anything thrown in a handler to a problem; unknown errors are logged, never shown. */
export function toProblem(err: unknown, log: (message: string, err: unknown) => void): Problem {
  if (err instanceof Problem) return err;
  // hono throws these itself, e.g. for a malformed JSON body
  if (err instanceof HTTPException) {
    return new Problem({
      status: err.status,
      title: err.status >= 500 ? 'Internal Server Error' : 'Bad Request',
      detail: err.message,
    });
  }
  const constraint = constraintProblem(err);
  if (constraint) return constraint;
  const unavailable = unavailableProblem(err);
  if (unavailable) {
    // operators need to see outages and timeouts; the client gets only the 503
    log('database unavailable', err);
    return unavailable;
  }
  log('unhandled error', err);
  return new Problem({
    status: 500,
    title: 'Internal Server Error',
    detail: 'The server failed to answer this request; the error has been logged.',
  });
}

export function renderProblem(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem.toDetails(c.req.path)), problem.status, {
    ...problem.headers,
    'Content-Type': PROBLEM_CONTENT_TYPE,
  });
}

/**
 * A database integrity error (SQLSTATE class 23: unique, foreign key, check, not null, or a
 * trigger raising check_violation) is the client's input colliding with a rule the database
 * keeps; it becomes a 409 (unique, foreign key) or 422 (check, not null), never a 500. Both
 * drivers put the SQLSTATE in `code` and the constraint name in `constraint`.
 */
function constraintProblem(err: unknown): Problem | null {
  if (typeof err !== 'object' || err === null) return null;
  const code: unknown = Reflect.get(err, 'code');
  if (typeof code !== 'string' || !code.startsWith('23')) return null;
  const name: unknown = Reflect.get(err, 'constraint');
  const message: unknown = Reflect.get(err, 'message');
  const detail = `the database refused the change${typeof name === 'string' ? ` (constraint ${name})` : ''}: ${String(message)}`;
  const conflict = code === '23505' || code === '23503' || code === '23P01';
  return new Problem({
    status: conflict ? 409 : 422,
    title: conflict ? 'Conflict' : 'Unprocessable Content',
    type: 'urn:svm:problem:constraint',
    detail,
    extra: { constraint: typeof name === 'string' ? name : null, sqlstate: code },
  });
}

/** A statement timeout or a lost database connection: 503 with Retry-After. */
function unavailableProblem(err: unknown): Problem | null {
  const u = databaseUnavailability(err);
  return u ? Problem.serviceUnavailable(u.detail, u.retryAfterSeconds, err) : null;
}
