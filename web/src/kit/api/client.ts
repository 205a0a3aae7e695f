// The one transport to the dashboard API: every call takes the caller's AbortSignal, checks
// res.ok, throws an ApiProblem for a problem answer (or none at all) and reports a 401.
import { notifyUnauthorized } from './session-events.ts';
import { ApiProblem, problemFrom } from './problem.ts';

export type Params = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: 'GET' | 'POST';
  /** the query string's values; undefined ones are left out */
  params?: Params;
  /** sent as JSON */
  body?: unknown;
  signal?: AbortSignal | undefined;
  /**
   * Whether a 401 means the session ended (the default): the sign-in gate is then told. The
   * sign-in calls themselves answer 401 for "nobody", "wrong password" or "token refused".
   */
  session?: boolean;
}

/** The query string of the params that are set (undefined ones are left out). */
export function searchOf(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, String(value));
  return search.size ? `?${search}` : '';
}

/** Calls the API and returns its ok response; throws ApiProblem for a problem response or no answer at all. */
export async function request(path: string, options: RequestOptions = {}): Promise<Response> {
  const { method = 'GET', params = {}, body, signal, session = true } = options;
  let res: Response;
  try {
    res = await fetch(`${path}${searchOf(params)}`, {
      method,
      signal,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    // no answer at all: the server is down or the network is gone
    throw new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, detail: `${path}: ${String(err)}` });
  }
  // the session ended (expired, signed out elsewhere): the sign-in gate asks again
  if (res.status === 401 && session) notifyUnauthorized();
  if (!res.ok) throw await problemFrom(res);
  return res;
}

/** GETs JSON from the API. */
export async function getJson<T>(
  path: string,
  params: Params,
  signal: AbortSignal | undefined,
  options: Pick<RequestOptions, 'session'> = {},
): Promise<T> {
  const res = await request(path, { ...options, params, signal });
  // the server's contract types describe this body; it is not re-validated in the browser
  return (await res.json()) as T;
}

/** POSTs JSON to the API and reads the answer; null for 204 No Content. */
export async function send<T>(
  path: string,
  body: unknown,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<T | null> {
  const res = await request(path, { ...options, method: 'POST', body });
  return res.status === 204 ? null : ((await res.json()) as T);
}
