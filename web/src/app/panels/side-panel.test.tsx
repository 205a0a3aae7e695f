import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { parseViewState } from '../../kit/state/view-state.ts';
import { citySummary, mockFetch, townshipCells, townships } from '../../testing/panel-fixtures.ts';
import { SidePanel } from './side-panel.tsx';

const ledger = {
  asOf: '2026-11-18T00:00:00Z',
  nextCursor: null,
  items: [
    {
      id: 9,
      venue: { id: 41, name: '佳新电池店', address: '' },
      township: { id: 3, name: '东湖街道' },
      type: { code: 'blocked_exit', name: '安全出口堵塞', nameEn: 'Blocked exit' },
      severity: 'general',
      status: 'open',
      foundAt: '2026-10-01T02:00:00Z',
      deadline: null,
      responsiblePerson: null,
      responsiblePhone: null,
      overdue: false,
      reboundOf: null,
    },
  ],
};

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  mockFetch({
    '/api/stats/summary': citySummary,
    '/api/townships': townships,
    '/api/grid-cells': townshipCells,
    '/api/hazards': ledger,
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the side panel', () => {
  it('drills down from the city into a township chosen in the list and back', async () => {
    render(
      <PanelTestWrapper>
        <SidePanel />
      </PanelTestWrapper>,
    );
    expect(await screen.findByRole('heading', { name: '全市概况' })).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /东湖街道/ }));
    expect(parseViewState(window.location.search)).toMatchObject({ view: 'township', township: 3 });
    expect(await screen.findByRole('heading', { name: '东湖街道' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /返回全市/ }));
    expect(await screen.findByRole('heading', { name: '全市概况' })).toBeTruthy();
  });

  it('opens the ledger tab and leaves it for the venue chosen in it', async () => {
    render(
      <PanelTestWrapper>
        <SidePanel />
      </PanelTestWrapper>,
    );
    fireEvent.click(screen.getByRole('tab', { name: '隐患台账' }));
    fireEvent.click(await screen.findByRole('button', { name: '佳新电池店' }));
    expect(parseViewState(window.location.search).selection).toEqual({ kind: 'venue', id: 41 });
    expect(screen.getByRole('tab', { name: '概览' }).getAttribute('aria-selected')).toBe('true');
  });
});
