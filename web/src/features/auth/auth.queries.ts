// Who is signed in, and the sign-in calls: sign in and out, and a wall display's token exchanged
// for a session cookie. The cookie is HttpOnly: the page never sees the session token.
import { queryOptions } from '@tanstack/react-query';
import type { LoginDto, MeDto } from '@svm/contract';
import { api } from '../../kit/api/api.ts';
import { ApiProblem } from '../../kit/api/problem.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** Who is signed in; null when nobody is (the API answered 401). */
export async function fetchMe(signal?: AbortSignal): Promise<MeDto | null> {
  try {
    return await api.me(signal);
  } catch (err) {
    if (err instanceof ApiProblem && err.status === 401) return null;
    throw err;
  }
}

export const meQuery = () =>
  queryOptions({ queryKey: ME_KEY, queryFn: ({ signal }) => fetchMe(signal), staleTime: 5 * 60_000 });

export async function signIn(username: string, password: string): Promise<LoginDto> {
  const body = await api.login(username, password);
  return body!;
}

export async function signOut(): Promise<void> {
  await api.logout();
}

/** A wall display's token (from its address) for a read-only session cookie. */
export async function displaySession(token: string): Promise<LoginDto> {
  const body = await api.displaySession(token);
  return body!;
}
