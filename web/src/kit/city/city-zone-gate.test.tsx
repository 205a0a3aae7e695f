import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cityTimeZone, DEFAULT_CITY_TIME_ZONE, setCityTimeZone } from '@svm/contract/constants';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { formatDateTime } from '../format.ts';
import { apiAsOf } from '../state/view-state.ts';
import { CityZoneGate } from './city-zone-gate.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCityTimeZone(DEFAULT_CITY_TIME_ZONE);
});

function Dates() {
  // 2026-11-09T07:30Z is Sun 8 Nov 23:30 in Los Angeles (PST) and Mon 9 Nov 15:30 in Beijing
  return (
    <p>
      {formatDateTime('en', '2026-11-09T07:30:00Z')} | {apiAsOf('2026-11-08')}
    </p>
  );
}

describe('the city zone gate', () => {
  it("draws nothing until the server said the city's zone, then shows times and days on its clocks", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ basemapStyleUrl: null, timeZone: 'America/Los_Angeles' }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          }),
      ),
    );
    render(
      <PanelTestWrapper>
        <CityZoneGate>
          <Dates />
        </CityZoneGate>
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('11/08, 23:30 | 2026-11-08T23:59:59-08:00')).toBeTruthy();
    expect(cityTimeZone()).toBe('America/Los_Angeles');
  });

  it('shows the demo city zone (Asia/Shanghai) before any config says otherwise', () => {
    render(
      <PanelTestWrapper>
        <Dates />
      </PanelTestWrapper>,
    );
    expect(screen.getByText('11/09, 15:30 | 2026-11-08T23:59:59+08:00')).toBeTruthy();
  });
});
