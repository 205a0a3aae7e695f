import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { citySummary, mockFetch, problem } from '../../testing/panel-fixtures.ts';
import { AcceptanceDelays } from './acceptance-delays.tsx';
import { CityOverview } from './city-overview.tsx';

const tile = (label: string) => {
  const tiles = screen.getAllByTestId('kpi-tile');
  const found = tiles.find((el) => el.textContent?.startsWith(label));
  if (!found) throw new Error(`no tile ${label}`);
  return within(found);
};

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the city KPI tiles', () => {
  it('show the figures and the week-on-week arrows of a known summary', async () => {
    const fetchMock = mockFetch({ '/api/stats/summary': citySummary });
    render(
      <PanelTestWrapper>
        <CityOverview />
      </PanelTestWrapper>,
    );

    await screen.findAllByTestId('kpi-tile');
    const compliance = tile('巡查达标率');
    expect(compliance.getByText('92%')).toBeTruthy();
    // 90 % → 92 %: up, and good news
    expect(compliance.getByText(/▲ 2%/).className).toContain('panel-trend-good');

    const cells = tile('未巡网格');
    expect(cells.getByText('7 / 100')).toBeTruthy();
    expect(cells.getByText(/▼ 2/).className).toContain('panel-trend-good');

    const open = tile('未销号隐患');
    expect(open.getByText('150')).toBeTruthy();
    expect(open.getByText(/▲ 10/).className).toContain('panel-trend-bad');

    expect(tile('逾期隐患').getByText(/持平/)).toBeTruthy();
    const rebound = tile('隐患反弹率');
    expect(rebound.getByText('4%')).toBeTruthy();
    expect(rebound.getByText('暂定')).toBeTruthy();
    expect(tile('定级偏低场所').getByText('12')).toBeTruthy();
    expect(tile('巡查新发现未登记').getByText(/▲ 2/).className).toContain('panel-trend-bad');

    expect(String(fetchMock.mock.calls[0]?.[0])).toBe('/api/stats/summary?trendWeeks=2');
  });

  it('passes the window and as-of day of the URL to the API', async () => {
    window.history.replaceState(null, '', '/?from=2026-11-01&to=2026-12-01&asOf=2026-11-20');
    const fetchMock = mockFetch({ '/api/stats/summary': citySummary });
    render(
      <PanelTestWrapper lang="en">
        <CityOverview />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('Patrol compliance')).toBeTruthy();
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      from: '2026-11-01',
      to: '2026-12-01',
      asOf: '2026-11-20T23:59:59+08:00',
      trendWeeks: '2',
    });
  });

  it('notes how many hazards imported closed the overdue figure left out, only when there are some', async () => {
    const skipped = { overdue: 3, waiting: 2, signOffs: 9 };
    mockFetch({ '/api/stats/summary': { ...citySummary, kpis: { ...citySummary.kpis, skipped } } });
    render(
      <PanelTestWrapper>
        <CityOverview />
      </PanelTestWrapper>,
    );
    await screen.findAllByTestId('kpi-tile');
    const overdue = tile('逾期隐患');
    expect(overdue.getByText('3 条未计').getAttribute('title')).toContain('没有整改期限');
    cleanup();
    mockFetch({ '/api/stats/summary': citySummary });
    render(
      <PanelTestWrapper lang="en">
        <CityOverview />
      </PanelTestWrapper>,
    );
    await screen.findAllByTestId('kpi-tile');
    expect(screen.queryByText(/not counted/)).toBeNull();
  });

  it('notes in English what the acceptance holdups leave out', () => {
    render(
      <PanelTestWrapper lang="en">
        <AcceptanceDelays
          delays={citySummary.kpis.acceptanceDelays}
          skipped={{ overdue: 0, waiting: 2, signOffs: 9 }}
        />
      </PanelTestWrapper>,
    );
    expect(screen.getByTestId('delays-skipped-waiting').textContent).toBe(
      'Not counted as waiting: 2 hazards imported closed from a historic ledger without a rectification time',
    );
    expect(screen.getByTestId('delays-skipped-signoffs').textContent).toContain('9 sign-offs');
    cleanup();
    render(
      <PanelTestWrapper lang="en">
        <AcceptanceDelays delays={citySummary.kpis.acceptanceDelays} skipped={citySummary.kpis.skipped} />
      </PanelTestWrapper>,
    );
    expect(screen.queryByTestId('delays-skipped-waiting')).toBeNull();
    expect(screen.queryByTestId('delays-skipped-signoffs')).toBeNull();
  });

  it('shows the detail of a problem the server answers with', async () => {
    mockFetch({
      '/api/stats/summary': () => problem(400, 'Bad Request', 'the period from..to may be at most 371 days long'),
    });
    render(
      <PanelTestWrapper>
        <CityOverview />
      </PanelTestWrapper>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('the period from..to may be at most 371 days long');
    expect(alert.textContent).toContain('Bad Request (400)');
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy();
  });
});
