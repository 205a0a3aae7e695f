import { describe, expect, it } from 'vitest';
import { DEFAULT_CITY_TIME_ZONE, setCityTimeZone } from '@svm/contract/constants';
import { apiAsOf, DEFAULT_LAYERS, formatViewState, parseViewState } from './view-state.ts';

describe('the view state in the URL', () => {
  it('round-trips a township drill-down with layers, window, as-of day and selection', () => {
    const search =
      '?view=township&township=7&layers=venues,rebounds&from=2026-09-01&to=2026-12-01&asOf=2026-11-15&sel=cell:42';
    const state = parseViewState(search);
    expect(state).toEqual({
      view: 'township',
      township: 7,
      layers: ['venues', 'rebounds'],
      from: '2026-09-01',
      to: '2026-12-01',
      asOf: '2026-11-15',
      selection: { kind: 'cell', id: 42 },
      tab: 'overview',
      ledger: {},
    });
    expect(parseViewState(formatViewState(state))).toEqual(state);
  });

  it('falls back to defaults for anything malformed, and leaves defaults out of links', () => {
    const state = parseViewState('?view=hacker&township=-3&layers=venues,nope&asOf=yesterday&sel=venue:abc');
    expect(state).toEqual({
      view: 'city',
      township: null,
      layers: ['venues'],
      from: null,
      to: null,
      asOf: null,
      selection: null,
      tab: 'overview',
      ledger: {},
    });
    expect(formatViewState({ ...state, layers: DEFAULT_LAYERS.city })).toBe('');
  });

  it('round-trips the ledger tab and its filters, dropping malformed ones', () => {
    const state = parseViewState('?tab=ledger&hstatus=rectifying&party=industry&overdue=1&rebound=1&htype=FIRE_EXIT');
    expect(state.tab).toBe('ledger');
    expect(state.ledger).toEqual({
      status: 'rectifying',
      party: 'industry',
      overdue: true,
      rebound: true,
      type: 'FIRE_EXIT',
    });
    expect(parseViewState(formatViewState(state))).toEqual(state);
    const bad = parseViewState('?tab=admin&hstatus=gone&party=mayor&overdue=yes&htype=a%20b');
    expect([bad.tab, bad.ledger]).toEqual(['overview', {}]);
  });

  it('asks the API for the end of the chosen day in Beijing time', () => {
    expect(apiAsOf('2026-11-15')).toBe('2026-11-15T23:59:59+08:00');
    expect(apiAsOf(null)).toBeUndefined();
  });

  it("asks for the end of the chosen day on the city's clocks, with that day's offset", () => {
    // Los Angeles: PDT (-7) until 1 Nov 2026, PST (-8) after; clocks forward on 8 Mar 2026
    const LA = 'America/Los_Angeles';
    expect(apiAsOf('2026-03-07', LA)).toBe('2026-03-07T23:59:59-08:00');
    expect(apiAsOf('2026-03-08', LA)).toBe('2026-03-08T23:59:59-07:00');
    expect(apiAsOf('2026-10-31', LA)).toBe('2026-10-31T23:59:59-07:00');
    expect(apiAsOf('2026-11-01', LA)).toBe('2026-11-01T23:59:59-08:00');
    expect(apiAsOf('2026-07-01', 'Asia/Urumqi')).toBe('2026-07-01T23:59:59+06:00');
    // the page's city zone, once the server has said it
    setCityTimeZone(LA);
    try {
      expect(apiAsOf('2026-11-15')).toBe('2026-11-15T23:59:59-08:00');
    } finally {
      setCityTimeZone(DEFAULT_CITY_TIME_ZONE);
    }
  });
});
