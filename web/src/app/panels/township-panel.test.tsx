import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { parseViewState } from '../../kit/state/view-state.ts';
import { citySummary, mockFetch, townshipCells, townships } from '../../testing/panel-fixtures.ts';
import { TownshipPanel } from './township-panel.tsx';

const overdue = {
  asOf: '2026-11-18T00:00:00Z',
  nextCursor: null,
  items: [
    {
      id: 9,
      venue: { id: 41, name: '佳新电池店', address: '钱湖东巷3号' },
      township: { id: 3, name: '东湖街道' },
      type: { code: 'charging_near_stock', name: '充电与货物混放', nameEn: 'Charging next to stock' },
      severity: 'major',
      status: 'rectifying',
      foundAt: '2026-10-01T02:00:00Z',
      deadline: '2026-10-15T02:00:00Z',
      responsiblePerson: '张伟',
      responsiblePhone: null,
      overdue: true,
      reboundOf: null,
    },
  ],
};

beforeEach(() => window.history.replaceState(null, '', '/?view=township&township=3'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function serve() {
  return mockFetch({
    '/api/stats/summary': { ...citySummary, townshipId: 3 },
    '/api/townships': townships,
    '/api/grid-cells': townshipCells,
    '/api/hazards': overdue,
  });
}

describe('the township panel', () => {
  it('lists the unpatrolled cells first, longest unpatrolled first, with the worker responsible', async () => {
    serve();
    render(
      <PanelTestWrapper>
        <TownshipPanel township={3} />
      </PanelTestWrapper>,
    );
    const list = await screen.findByRole('list', { name: '问题网格' });
    const rows = within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(rows[0]).toContain('东湖二网格');
    expect(rows[0]).toContain('本周未巡');
    expect(rows[0]).toContain('李强');
    expect(rows[0]).toContain('12 天前巡查');
    expect(rows[1]).toContain('东湖四网格');
    expect(rows[1]).toContain('陈刚');
    // then the patrolled ones by overdue share
    expect(rows[2]).toContain('东湖一网格');
    expect(rows[2]).not.toContain('本周未巡');
    expect(rows[3]).toContain('东湖三网格');
    expect(screen.getByRole('heading', { name: '东湖街道' })).toBeTruthy();
  });

  it('shows overdue hazards with the responsible person and the party holding closures up', async () => {
    serve();
    render(
      <PanelTestWrapper>
        <TownshipPanel township={3} />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('佳新电池店')).toBeTruthy();
    expect(screen.getByText(/充电与货物混放 · 责任人 张伟/)).toBeTruthy();
    const industry = screen.getByRole('row', { name: /行业主管部门/ });
    expect(industry.textContent).toContain('17');
    expect(within(industry).getByText('17').className).toContain('panel-bad');
  });

  it('selects a cell on click and goes back to the city', async () => {
    serve();
    render(
      <PanelTestWrapper>
        <TownshipPanel township={3} />
      </PanelTestWrapper>,
    );
    fireEvent.click(await screen.findByRole('button', { name: /东湖二网格/ }));
    expect(parseViewState(window.location.search).selection).toEqual({ kind: 'cell', id: 2 });
    fireEvent.click(screen.getByRole('button', { name: /返回全市/ }));
    expect(parseViewState(window.location.search)).toMatchObject({ view: 'city', township: null, selection: null });
  });
});
