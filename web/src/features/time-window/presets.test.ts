import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CITY_TIME_ZONE, setCityTimeZone } from '@svm/contract/constants';
import { activePreset, presetWindow, todayInCity } from './presets.ts';

const LA = 'America/Los_Angeles';

afterEach(() => setCityTimeZone(DEFAULT_CITY_TIME_ZONE));

describe("the presets on the city's calendar", () => {
  it('takes today on the city clocks: Los Angeles is still on Sunday when Beijing is on Monday', () => {
    // 2026-11-09T07:30Z: Sun 8 Nov 23:30 PST in Los Angeles, Mon 9 Nov 15:30 in Beijing
    const now = new Date('2026-11-09T07:30:00Z');
    expect(todayInCity(now, LA)).toBe('2026-11-08');
    expect(todayInCity(now, 'Asia/Shanghai')).toBe('2026-11-09');
    // 08:30Z is Mon 9 Nov 00:30 PST
    expect(todayInCity(new Date('2026-11-09T08:30:00Z'), LA)).toBe('2026-11-09');
    // Urumqi (UTC+6): 17:59Z is 23:59 on the 8th, 18:00Z midnight of the 9th
    expect(todayInCity(new Date('2026-11-08T17:59:00Z'), 'Asia/Urumqi')).toBe('2026-11-08');
    expect(todayInCity(new Date('2026-11-08T18:00:00Z'), 'Asia/Urumqi')).toBe('2026-11-09');
  });

  it('gives this week, month and quarter of Los Angeles on a Sunday night there', () => {
    setCityTimeZone(LA);
    const today = todayInCity(new Date('2026-11-09T07:30:00Z'));
    expect(presetWindow('week', today)).toEqual({ from: '2026-11-02', to: '2026-11-09' });
    expect(presetWindow('month', today)).toEqual({ from: '2026-11-01', to: '2026-12-01' });
    expect(presetWindow('quarter', today)).toEqual({ from: '2026-10-01', to: '2027-01-01' });
    expect(activePreset('2026-11-02', '2026-11-09', today)).toBe('week');
    // the week of the spring clock change is a week of days like any other
    expect(presetWindow('week', '2026-03-08')).toEqual({ from: '2026-03-02', to: '2026-03-09' });
  });
});
