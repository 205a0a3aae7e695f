// Signing browser pages and Node-side requests in as the seeded demo accounts (see the README's
// demo accounts table): the server seeds them with DEMO_PASSWORD, which the spawned server
// inherits from this process's environment, so both sides agree on it.
import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || 'svm-demo-2026';
export const DEMO_WALL_TOKEN = process.env.DEMO_WALL_TOKEN || 'demo-wall-city';

/**
 * Signs the page's browser context in as `username` (default the city command center): the
 * session cookie then goes with every page and request of that context.
 */
export async function signIn(page: Page, baseUrl: string, username = 'city', password = DEMO_PASSWORD): Promise<void> {
  const res = await page.request.post(`${baseUrl}/api/auth/login`, { data: { username, password } });
  if (!res.ok()) throw new Error(`signing in as ${username} failed: ${res.status()} ${await res.text()}`);
}

const tokens = new Map<string, Promise<string>>();

async function bearer(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password, as: 'token' }),
  });
  if (!res.ok) throw new Error(`signing in as ${username} failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return token;
}

/** Headers that sign a Node-side fetch in as `username` (a bearer session token, made once per server and account). */
export async function authHeaders(
  baseUrl: string,
  username = 'city',
  password = DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const key = `${baseUrl} ${username}`;
  if (!tokens.has(key))
    tokens.set(
      key,
      bearer(baseUrl, username, password).catch((err: unknown) => {
        tokens.delete(key);
        throw err;
      }),
    );
  return { Authorization: `Bearer ${await tokens.get(key)!}` };
}

/** The seeded city wall display's address (its token exchanged for a read-only cookie by the page). */
export function wallUrl(baseUrl: string, search = ''): string {
  const p = new URLSearchParams(search);
  p.set('token', DEMO_WALL_TOKEN);
  return `${baseUrl}/wall?${p}`;
}

/**
 * Headers that sign a Node-side fetch in as the grid worker with this user id. Seeded workers
 * have no password, so the admin sets one first (PATCH /api/auth/users/:id); made once per worker.
 */
export async function workerHeaders(baseUrl: string, workerId: number): Promise<Record<string, string>> {
  const key = `${baseUrl} worker#${workerId}`;
  if (!tokens.has(key)) {
    const made = (async () => {
      const password = `${DEMO_PASSWORD}-worker-${workerId}`;
      const res = await fetch(`${baseUrl}/api/auth/users/${workerId}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', ...(await authHeaders(baseUrl, 'admin')) },
        body: JSON.stringify({ password }),
      });
      if (!res.ok) throw new Error(`setting worker ${workerId}'s password failed: ${res.status} ${await res.text()}`);
      const { username } = (await res.json()) as { username: string };
      return bearer(baseUrl, username, password);
    })();
    tokens.set(
      key,
      made.catch((err: unknown) => {
        tokens.delete(key);
        throw err;
      }),
    );
  }
  return { Authorization: `Bearer ${await tokens.get(key)!}` };
}
