import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { parseViewState } from '../../kit/state/view-state.ts';
import { mockFetch } from '../../testing/panel-fixtures.ts';
import { VenueSearch } from './venue-search.tsx';
import { onFlyTo } from '../../kit/map/camera-requests.ts';

const page = {
  type: 'FeatureCollection',
  asOf: '2026-11-18T00:00:00Z',
  nextCursor: null,
  features: [
    {
      type: 'Feature',
      id: 62,
      geometry: { type: 'Point', coordinates: [121.535, 29.856] },
      properties: { id: 62, name: '佳新电池店', address: '钱湖东巷3号', category: 'ebike' },
    },
  ],
};

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  unsubscribe?.();
});
let unsubscribe: (() => void) | undefined;

describe('the venue search', () => {
  it('lists matches after typing and selects the chosen venue, flying the map to it', async () => {
    const fetchMock = mockFetch({ '/api/venues': page });
    const fly = vi.fn();
    unsubscribe = onFlyTo(fly);
    render(
      <PanelTestWrapper>
        <VenueSearch />
      </PanelTestWrapper>,
    );
    fireEvent.change(screen.getByRole('combobox', { name: '搜索场所' }), { target: { value: '电池' } });
    fireEvent.click(await screen.findByRole('button', { name: /佳新电池店/ }));

    expect(parseViewState(window.location.search).selection).toEqual({ kind: 'venue', id: 62 });
    expect(fly).toHaveBeenCalledWith([121.535, 29.856]);
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ q: '电池', limit: '10' });
  });

  it('says so when nothing matches', async () => {
    mockFetch({ '/api/venues': { ...page, features: [] } });
    render(
      <PanelTestWrapper lang="en">
        <VenueSearch />
      </PanelTestWrapper>,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Search venues' }), { target: { value: 'zzz' } });
    expect(await screen.findByText('No venue matches')).toBeTruthy();
  });
});
