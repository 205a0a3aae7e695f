import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { catalogs } from '../../app/dictionaries.ts';
import { I18nProvider } from '../../kit/i18n/i18n.tsx';
import { parseViewState } from '../../kit/state/view-state.ts';
import { presetWindow } from './presets.ts';
import { TimeWindow } from './time-window.tsx';

// Wednesday 2026-11-18, 10:00 in Beijing
const NOW = new Date('2026-11-18T02:00:00Z');

const state = () => parseViewState(window.location.search);

beforeEach(() => window.history.replaceState(null, '', '/'));
afterEach(cleanup);

describe('the time window', () => {
  it('computes week, month and quarter periods with an exclusive end', () => {
    expect(presetWindow('week', '2026-11-18')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
    expect(presetWindow('week', '2026-11-22')).toEqual({ from: '2026-11-16', to: '2026-11-23' });
    expect(presetWindow('month', '2026-12-31')).toEqual({ from: '2026-12-01', to: '2027-01-01' });
    expect(presetWindow('quarter', '2026-11-18')).toEqual({ from: '2026-10-01', to: '2027-01-01' });
  });

  it('sets from/to in the URL when a preset is clicked on a fixed today', () => {
    render(
      <I18nProvider catalogs={catalogs} initialLang="zh-CN">
        <TimeWindow now={NOW} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '本周' }));
    expect(state()).toMatchObject({ from: '2026-11-16', to: '2026-11-23' });
    expect(screen.getByRole('button', { name: '本周' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '本月' }));
    expect(state()).toMatchObject({ from: '2026-11-01', to: '2026-12-01' });
    fireEvent.click(screen.getByRole('button', { name: '本季度' }));
    expect(state()).toMatchObject({ from: '2026-10-01', to: '2027-01-01' });
  });

  it("takes a typed day only once it is a real day in range, and shows it in the language's form", () => {
    render(
      <I18nProvider catalogs={catalogs} initialLang="zh-CN">
        <TimeWindow now={NOW} />
      </I18nProvider>,
    );
    const asOf = screen.getByRole('textbox', { name: '回看日期' });
    fireEvent.change(asOf, { target: { value: '2026-02-30' } });
    expect(state().asOf).toBeNull();
    expect(asOf.getAttribute('aria-invalid')).toBe('true');
    // after today (2026-11-18 in Beijing) is refused too
    fireEvent.change(asOf, { target: { value: '2026-11-19' } });
    expect(state().asOf).toBeNull();
    fireEvent.change(asOf, { target: { value: '2026-03-04' } });
    expect(state().asOf).toBe('2026-03-04');
    expect(asOf.getAttribute('aria-invalid')).toBe('false');
    expect(screen.getByRole('status').textContent).toContain('2026年3月4日');
    fireEvent.change(screen.getByRole('textbox', { name: '起' }), { target: { value: '2026-01-05' } });
    fireEvent.change(screen.getByRole('textbox', { name: '止' }), { target: { value: '2026-01-31' } });
    expect(state()).toMatchObject({ from: '2026-01-05', to: '2026-02-01' });
  });

  it('takes presets relative to the as-of day and resets to now', () => {
    window.history.replaceState(null, '', '/?asOf=2026-03-04');
    render(
      <I18nProvider catalogs={catalogs} initialLang="en">
        <TimeWindow now={NOW} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'This month' }));
    expect(state()).toMatchObject({ from: '2026-03-01', to: '2026-04-01', asOf: '2026-03-04' });
    fireEvent.click(screen.getByRole('button', { name: 'Back to now' }));
    expect(state().asOf).toBeNull();
    expect(screen.queryByRole('button', { name: 'Back to now' })).toBeNull();
  });
});
