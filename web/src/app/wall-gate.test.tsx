import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MeDto } from '@svm/contract';
import { PanelTestWrapper } from '../testing/panel-test-wrapper.tsx';
import { WallGate } from './wall-gate.tsx';

const WALL: MeDto = {
  user: null,
  role: null,
  display: { label: '指挥中心大屏' },
  scope: { kind: 'city' },
  township: null,
  department: null,
  readOnly: true,
};

function stubFetch(exchange: () => Response) {
  const calls: { url: string; body: string | null }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: typeof init?.body === 'string' ? init.body : null });
      if (url === '/api/auth/display-session') return exchange();
      if (url === '/api/auth/me')
        return new Response(JSON.stringify(WALL), { status: 200, headers: { 'Content-Type': 'application/json' } });
      return new Response('{}', { status: 404 });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the wall display’s sign-in', () => {
  it('exchanges the token in its address for a session and shows the wall', async () => {
    window.history.replaceState(null, '', '/wall?token=abc_123&hold=30');
    const calls = stubFetch(
      () =>
        new Response(JSON.stringify({ me: WALL, expiresAt: '2026-12-30T00:00:00Z' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    render(
      <PanelTestWrapper>
        <WallGate>
          <p>wall</p>
        </WallGate>
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('wall')).toBeTruthy();
    expect(JSON.parse(calls.find((c) => c.url === '/api/auth/display-session')!.body!)).toEqual({ token: 'abc_123' });
  });

  it('says so when the token is refused, and shows nothing of the wall', async () => {
    window.history.replaceState(null, '', '/wall?token=revoked');
    stubFetch(
      () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'revoked' }), {
          status: 401,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    render(
      <PanelTestWrapper>
        <WallGate>
          <p>wall</p>
        </WallGate>
      </PanelTestWrapper>,
    );
    expect((await screen.findByRole('alert')).textContent).toContain('大屏令牌无效或已被撤销');
    expect(screen.queryByText('wall')).toBeNull();
  });
});
