import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { parseViewState } from '../../kit/state/view-state.ts';
import { cell, mockFetch } from '../../testing/panel-fixtures.ts';
import { CellPanel } from './cell-panel.tsx';

const detail = {
  asOf: '2026-11-18T00:00:00Z',
  cell: { ...cell(2, '东湖二网格', '李强', 12, 0.1), geometry: { type: 'Polygon', coordinates: [] } },
  patrols: [
    {
      id: 7,
      at: '2026-11-06T02:30:00Z',
      venue: { id: 41, name: '佳新电池店' },
      worker: { id: 2, name: '李强' },
      result: 'hazards_found',
    },
  ],
  overdueVenues: [
    { id: 42, name: '旺安电瓶车充电站', riskLevel: 'high', lastPatrolAt: '2026-11-01T02:00:00Z', daysOverdue: 10 },
  ],
};

beforeEach(() => window.history.replaceState(null, '', '/?view=township&township=3&sel=cell:2'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the cell panel', () => {
  it('shows the worker, the last patrols with who, when, which venue and the result, and the overdue venues', async () => {
    mockFetch({ '/api/grid-cells/2': detail });
    render(
      <PanelTestWrapper>
        <CellPanel id={2} />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('东湖二网格')).toBeTruthy();
    expect(screen.getByText('12 天前巡查', { exact: false })).toBeTruthy();
    const patrol = screen.getByRole('row');
    expect(patrol.textContent).toContain('11/06 10:30'); // Beijing time
    expect(patrol.textContent).toContain('李强');
    expect(patrol.textContent).toContain('佳新电池店');
    expect(patrol.textContent).toContain('发现隐患');
    expect(screen.getByRole('button', { name: /旺安电瓶车充电站.*逾期 10 天/ })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /关闭/ }));
    expect(parseViewState(window.location.search)).toMatchObject({ view: 'township', township: 3, selection: null });
  });
});
