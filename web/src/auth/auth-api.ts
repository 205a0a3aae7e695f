// The sign-in calls: who am I, sign in and out, and a wall display's token exchanged for a
// session cookie. The cookie is HttpOnly: the page never sees the session token.
import { queryOptions } from '@tanstack/react-query';
import type { LoginDto, MeDto } from '@svm/contract';
import { ApiProblem, problemFrom } from '../api/problem.ts';

export const ME_KEY = ['auth', 'me'] as const;

async function send<T>(path: string, init: RequestInit, signal?: AbortSignal): Promise<T | null> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal, credentials: 'same-origin', headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) } });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiProblem({ type: 'about:blank', title: 'Network error', status: 0, detail: `${path}: ${String(err)}` });
  }
  if (!res.ok) throw await problemFrom(res);
  return res.status === 204 ? null : ((await res.json()) as T);
}

/** Who is signed in; null when nobody is (the API answered 401). */
export async function fetchMe(signal?: AbortSignal): Promise<MeDto | null> {
  try {
    return await send<MeDto>('/api/auth/me', { method: 'GET' }, signal);
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) return null;
    throw err;
  }
}

export const meQuery = () => queryOptions({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });

export async function signIn(username: string, password: string): Promise<LoginDto> {
  const body = await send<LoginDto>('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });
  return body!;
}

export async function signOut(): Promise<void> {
  await send('/api/auth/logout', { method: 'POST' });
}

/** A wall display's token (from its address) for a read-only session cookie. */
export async function displaySession(token: string): Promise<LoginDto> {
  const body = await send<LoginDto>('/api/auth/display-session', { method: 'POST', body: JSON.stringify({ token }) });
  return body!;
}
