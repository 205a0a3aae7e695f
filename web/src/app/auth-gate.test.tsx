import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MeDto } from '@svm/contract';
import { PanelTestWrapper } from '../testing/panel-test-wrapper.tsx';
import { AuthGate } from './auth-gate.tsx';
import { SignedInBadge } from '../features/auth/signed-in-badge.tsx';

const LEADER: MeDto = {
  user: { id: 5, username: 'leader.t03', displayName: '东湖街道负责人 王芳' },
  role: 'township',
  display: null,
  scope: { kind: 'township', townshipId: 3 },
  township: { id: 3, name: '东湖街道', nameEn: 'East Lake Subdistrict' },
  department: null,
  readOnly: false,
};

const problem = (status: number, detail: string, extra: Record<string, unknown> = {}) =>
  new Response(JSON.stringify({ type: 'about:blank', title: 'x', status, detail, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

/** fetch answering /api/auth/me with `me` (null: 401) and /api/auth/login with `login`. */
function stubFetch(me: MeDto | null, login: () => Response) {
  const calls: { url: string; body: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: typeof init?.body === 'string' ? init.body : null });
      if (url === '/api/auth/me') return me ? json(me) : problem(401, 'sign in first');
      if (url === '/api/auth/login') return login();
      if (url === '/api/auth/logout') return new Response(null, { status: 204 });
      return problem(404, 'unexpected');
    }),
  );
  return calls;
}

const signInWith = (username: string, password: string) => {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: '登录' }));
};

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the sign-in gate', () => {
  it('shows the sign-in page when nobody is signed in, then the dashboard opened on the leader’s own township', async () => {
    const calls = stubFetch(null, () => json({ me: LEADER, expiresAt: '2026-12-01T00:00:00Z' }));
    render(
      <PanelTestWrapper>
        <AuthGate>
          <p>dashboard</p>
          <SignedInBadge />
        </AuthGate>
      </PanelTestWrapper>,
    );
    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    expect(screen.queryByText('dashboard')).toBeNull();
    signInWith(' leader.t03 ', 'secret-1');
    expect(await screen.findByText('dashboard')).toBeTruthy();
    expect(JSON.parse(calls.find((c) => c.url === '/api/auth/login')!.body!)).toEqual({
      username: 'leader.t03',
      password: 'secret-1',
    });
    expect(new URLSearchParams(window.location.search).get('view')).toBe('township');
    expect(new URLSearchParams(window.location.search).get('township')).toBe('3');
    expect(screen.getByLabelText('当前账号').textContent).toContain('镇街 · 东湖街道');
    // signing out goes back to the sign-in page
    fireEvent.click(screen.getByRole('button', { name: '退出登录' }));
    expect(await screen.findByRole('heading', { name: '登录' })).toBeTruthy();
    expect(calls.some((c) => c.url === '/api/auth/logout')).toBe(true);
  });

  it('keeps a shared link’s view for a township account already signed in', async () => {
    window.history.replaceState(null, '', '/?view=planner');
    stubFetch(LEADER, () => problem(500, 'unused'));
    render(
      <PanelTestWrapper>
        <AuthGate>
          <p>dashboard</p>
        </AuthGate>
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('dashboard')).toBeTruthy();
    expect(window.location.search).toBe('?view=planner');
  });

  it('says the same thing for any refused sign-in, and how long to wait when throttled', async () => {
    let answer = () => problem(401, 'the username or password is wrong, or the account may not sign in');
    stubFetch(null, () => answer());
    render(
      <PanelTestWrapper>
        <AuthGate>
          <p>dashboard</p>
        </AuthGate>
      </PanelTestWrapper>,
    );
    await screen.findByRole('heading', { name: '登录' });
    signInWith('city', 'wrong');
    expect((await screen.findByRole('alert')).textContent).toBe('用户名或密码错误，或该账号不可登录');
    answer = () => problem(429, 'too many', { retryAfter: 840 });
    signInWith('city', 'wrong again');
    expect(await screen.findByText('登录失败次数过多，请稍后再试（840 秒后可重试）')).toBeTruthy();
    expect(screen.queryByText('dashboard')).toBeNull();
  });
});
