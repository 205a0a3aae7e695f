import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelTestWrapper } from '../../testing/panel-test-wrapper.tsx';
import { mockFetch } from '../../testing/panel-fixtures.ts';
import { VenuePanel } from './venue-panel.tsx';

const at = (d: string) => `2026-${d}:00Z`;
const detail = {
  asOf: at('11-18T00:00'),
  venue: {
    id: 62,
    name: '佳新电池店',
    address: '钱湖东巷3号',
    category: 'ebike',
    riskLevel: 'low',
    computedLevel: 'high',
    score: 75,
    misgraded: true,
    registration: 'registered',
    townshipId: 3,
    gridCellId: 2,
    registeredAt: at('01-01T00:00'),
    lastPatrolAt: at('11-10T02:00'),
    overdue: false,
    occupancy: 4,
    floorAreaM2: 60,
    indoorEbikeCharging: true,
    chargingNearStock: true,
    flammablesStored: false,
    peopleLivingOnSite: false,
    geometry: { type: 'Point', coordinates: [121.5, 29.8] },
    status: 'active',
    closedAt: null,
  },
  grade: {
    assigned: 'low',
    computed: 'high',
    score: 75,
    misgraded: true,
    rules: [{ code: 'charging_near_stock', name: '充电与货物混放', nameEn: 'Charging next to stock', points: 40 }],
  },
  patrols: [{ id: 1, at: at('11-10T02:00'), worker: { id: 2, name: '李强' }, result: 'hazards_found', note: '' }],
  hazards: [
    {
      id: 9,
      type: { code: 'charging_near_stock', name: '充电与货物混放', nameEn: 'Charging next to stock' },
      severity: 'major',
      status: 'closed',
      foundAt: at('11-10T02:00'),
      deadline: at('11-17T02:00'),
      rectifiedAt: at('11-12T02:00'),
      closedAt: at('11-15T02:00'),
      fixedOnSpot: false,
      responsiblePerson: '张伟',
      responsiblePhone: null,
      overdue: false,
      reboundOf: 3,
      transitions: [
        { from: null, to: 'open', at: at('11-10T02:00'), actor: '李强', note: '' },
        { from: 'rectified', to: 'closed', at: at('11-15T02:00'), actor: '王主任', note: '' },
      ],
      acceptances: [
        { party: 'industry', passed: false, at: at('11-13T02:00'), actor: '市场监管局', note: '' },
        { party: 'industry', passed: true, at: at('11-15T02:00'), actor: '市场监管局', note: '' },
      ],
    },
  ],
};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the venue panel', () => {
  it('shows the assigned and computed grade with the rules that fired, and the hazard with its sign-offs in order', async () => {
    mockFetch({ '/api/venues/62': detail });
    render(
      <PanelTestWrapper lang="en">
        <VenuePanel id={62} />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('佳新电池店')).toBeTruthy();
    expect(screen.getByText('misgraded')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Rules that fired' }).textContent).toContain('Charging next to stock +40');
    expect(screen.getByText('rebound ← #3')).toBeTruthy();
    const steps = screen.getAllByText(/sign-off|→|^.*open · /).map((el) => el.textContent ?? '');
    const failed = steps.findIndex((s) => s.includes('failed'));
    const passed = steps.findIndex((s) => s.includes('passed'));
    const closed = steps.findIndex((s) => s.includes('→ closed'));
    expect(failed).toBeGreaterThanOrEqual(0);
    expect(failed).toBeLessThan(passed);
    expect(passed).toBeLessThan(closed);
  });

  it("shows the source system's id of an imported venue, and no such row for one entered here", async () => {
    mockFetch({ '/api/venues/62': { ...detail, venue: { ...detail.venue, externalId: 'SEA-00417' } } });
    render(
      <PanelTestWrapper lang="zh-CN">
        <VenuePanel id={62} />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('SEA-00417')).toBeTruthy();
    expect(screen.getByText('外部编号')).toBeTruthy();
    cleanup();
    mockFetch({ '/api/venues/62': { ...detail, venue: { ...detail.venue, externalId: null } } });
    render(
      <PanelTestWrapper lang="zh-CN">
        <VenuePanel id={62} />
      </PanelTestWrapper>,
    );
    expect(await screen.findByText('佳新电池店')).toBeTruthy();
    expect(screen.queryByText('外部编号')).toBeNull();
  });
});
