import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { mockFetch } from '../../testing/panel-fixtures.ts';
import { Ledger } from './ledger.tsx';

const row = (id: number) => ({
  id,
  venue: { id: 100 + id, name: `场所${id}`, address: '' },
  township: { id: 3, name: '东湖街道' },
  type: { code: 'blocked_exit', name: '安全出口堵塞', nameEn: 'Blocked exit' },
  severity: 'general',
  status: 'rectified',
  foundAt: '2026-10-01T02:00:00Z',
  deadline: '2026-10-15T02:00:00Z',
  responsiblePerson: '张伟',
  responsiblePhone: null,
  overdue: false,
  reboundOf: null,
});

beforeEach(() => window.history.replaceState(null, '', '/?view=township&township=3&asOf=2026-11-20'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the hazard ledger', () => {
  it('builds the CSV export link with the same filters as the table', async () => {
    const fetchMock = mockFetch({
      '/api/hazards': { asOf: '2026-11-20T15:59:59Z', items: [row(1)], nextCursor: null },
    });
    render(
      <PanelTestWrapper>
        <Ledger />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('场所1')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('状态'), { target: { value: 'rectified' } });
    fireEvent.change(screen.getByLabelText('待验收方'), { target: { value: 'industry' } });
    fireEvent.click(screen.getByLabelText('仅逾期'));

    const link = screen.getByRole('link', { name: /导出 CSV/ });
    expect(link.hasAttribute('download')).toBe(true);
    const exported = new URL(link.getAttribute('href') ?? '', 'http://localhost');
    expect(exported.pathname).toBe('/api/export/hazards.csv');
    const expected = {
      status: 'rectified',
      party: 'industry',
      overdue: 'true',
      township: '3',
      asOf: '2026-11-20T23:59:59+08:00',
    };
    expect(Object.fromEntries(exported.searchParams)).toEqual(expected);

    await screen.findByText('场所1');
    const last = new URL(String(fetchMock.mock.calls.at(-1)?.[0]), 'http://localhost');
    expect(Object.fromEntries(last.searchParams)).toEqual({ ...expected, limit: '50' });
  });

  it('loads the next page with the cursor', async () => {
    const fetchMock = mockFetch({
      '/api/hazards': (url: URL) => {
        const body =
          url.searchParams.get('cursor') === 'c2'
            ? { asOf: '', items: [row(2)], nextCursor: null }
            : { asOf: '', items: [row(1)], nextCursor: 'c2' };
        return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
      },
    });
    render(
      <PanelTestWrapper>
        <Ledger />
      </PanelTestWrapper>,
    );
    fireEvent.click(await screen.findByRole('button', { name: '加载更多' }));
    expect(await screen.findByText('场所2')).toBeTruthy();
    expect(screen.getByText('场所1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '加载更多' })).toBeNull();
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
