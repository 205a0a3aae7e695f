// RFC 9457 problem details: the one error shape every API failure has on the wire.
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** One rejected input: where it was (query, param, json), which field, and what is allowed. */
export interface ProblemIssue {
  in: string;
  path: string;
  message: string;
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  /** present on 400s from input validation */
  errors?: ProblemIssue[];
  [extra: string]: unknown;
}
