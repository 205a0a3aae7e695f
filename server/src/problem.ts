// The one throwable API error (RFC 9457) and its rendering, used only by app.onError.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { PROBLEM_CONTENT_TYPE, type ProblemDetails, type ProblemIssue } from './contract/index.ts';

export interface ProblemInit {
  status: ContentfulStatusCode;
  title: string;
  detail: string;
  /** a URI reference naming the kind of problem; about:blank means "see the status" */
  type?: string;
  /** extension members, e.g. `errors` for validation */
  extra?: Record<string, unknown>;
  cause?: unknown;
}

export class Problem extends Error {
  override readonly name = 'Problem';
  readonly status: ContentfulStatusCode;
  readonly title: string;
  readonly detail: string;
  readonly type: string;
  readonly extra: Record<string, unknown>;

  constructor(init: ProblemInit) {
    super(init.detail, { cause: init.cause });
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail;
    this.type = init.type ?? 'about:blank';
    this.extra = init.extra ?? {};
  }

  static badRequest(detail: string, errors: ProblemIssue[]): Problem {
    return new Problem({ status: 400, title: 'Invalid request', type: 'urn:svm:problem:invalid-request', detail, extra: { errors } });
  }

  static notFound(detail: string): Problem {
    return new Problem({ status: 404, title: 'Not Found', detail });
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
    return new Problem({ status: err.status, title: err.status >= 500 ? 'Internal Server Error' : 'Bad Request', detail: err.message });
  }
  log('unhandled error', err);
  return new Problem({ status: 500, title: 'Internal Server Error', detail: 'The server failed to answer this request; the error has been logged.' });
}

export function renderProblem(c: Context, problem: Problem): Response {
  return c.body(JSON.stringify(problem.toDetails(c.req.path)), problem.status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}
