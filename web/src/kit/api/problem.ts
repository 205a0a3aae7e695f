// The typed error every failed API call throws, carrying the server's RFC 9457 problem.
// type-only: a value import of the contract would bundle zod into the browser for nothing
import type { ProblemDetails } from '@svm/contract';

const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export class ApiProblem extends Error {
  override readonly name = 'ApiProblem';
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails) {
    super(`${problem.title}: ${problem.detail}`);
    this.problem = problem;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
  }
}

function isProblem(value: unknown): value is ProblemDetails {
  if (typeof value !== 'object' || value === null) return false;
  const v: Record<string, unknown> = { ...value };
  return typeof v.title === 'string' && typeof v.status === 'number' && typeof v.detail === 'string';
}

/** Reads a failed response: its problem body, or a stand-in when a proxy or crash sent something else. */
export async function problemFrom(res: Response): Promise<ApiProblem> {
  const type = res.headers.get('content-type') ?? '';
  if (type.startsWith(PROBLEM_CONTENT_TYPE)) {
    const body: unknown = await res.json().catch(() => null);
    if (isProblem(body))
      return new ApiProblem({ ...body, type: typeof body.type === 'string' ? body.type : 'about:blank' });
  }
  return new ApiProblem({
    type: 'about:blank',
    title: res.statusText || `HTTP ${res.status}`,
    status: res.status,
    detail: `${res.url || 'the server'} answered ${res.status} without problem details`,
  });
}
