import { afterEach, describe, expect, it } from 'vitest';
import { parseInstant } from './constants.ts';
import {
  addDays,
  cityTimeZone,
  dayEndText,
  dayOf,
  dayStart,
  DEFAULT_CITY_TIME_ZONE,
  isoWeekLabel,
  isTimeZone,
  mondayOf,
  monthOf,
  periodStart,
  quarterOf,
  setCityTimeZone,
  zonedInstant,
} from './time-zone.ts';

const LA = 'America/Los_Angeles';
const URUMQI = 'Asia/Urumqi';
const iso = (d: Date) => d.toISOString();
const HOUR = 3_600_000;

afterEach(() => setCityTimeZone(DEFAULT_CITY_TIME_ZONE));

describe('the city calendar', () => {
  it('starts a Los Angeles day at local midnight, with the offset of that night (PST -8, PDT -7)', () => {
    expect(iso(dayStart('2026-03-07', LA))).toBe('2026-03-07T08:00:00.000Z');
    // 8 March 2026: clocks go 02:00 PST -> 03:00 PDT, so that day has 23 hours
    expect(iso(dayStart('2026-03-08', LA))).toBe('2026-03-08T08:00:00.000Z');
    expect(iso(dayStart('2026-03-09', LA))).toBe('2026-03-09T07:00:00.000Z');
    expect(dayStart('2026-03-09', LA).getTime() - dayStart('2026-03-08', LA).getTime()).toBe(23 * HOUR);
    // 1 November 2026: clocks go 02:00 PDT -> 01:00 PST, so that day has 25 hours
    expect(iso(dayStart('2026-11-01', LA))).toBe('2026-11-01T07:00:00.000Z');
    expect(iso(dayStart('2026-11-02', LA))).toBe('2026-11-02T08:00:00.000Z');
    expect(dayStart('2026-11-02', LA).getTime() - dayStart('2026-11-01', LA).getTime()).toBe(25 * HOUR);
  });

  it('starts an Urumqi day at UTC+6 all year and a Shanghai day at UTC+8', () => {
    expect(iso(dayStart('2026-01-15', URUMQI))).toBe('2026-01-14T18:00:00.000Z');
    expect(iso(dayStart('2026-07-15', URUMQI))).toBe('2026-07-14T18:00:00.000Z');
    expect(iso(dayStart('2026-11-30', 'Asia/Shanghai'))).toBe('2026-11-29T16:00:00.000Z');
  });

  it('names the local day of an instant on either side of local midnight', () => {
    expect(dayOf(new Date('2026-11-09T07:59:59Z'), LA)).toBe('2026-11-08');
    expect(dayOf(new Date('2026-11-09T08:00:00Z'), LA)).toBe('2026-11-09');
    expect(dayOf(new Date('2026-03-08T07:59:59Z'), LA)).toBe('2026-03-07');
    expect(dayOf(new Date('2026-03-08T17:59:59Z'), URUMQI)).toBe('2026-03-08');
    expect(dayOf(new Date('2026-03-08T18:00:00Z'), URUMQI)).toBe('2026-03-09');
  });

  it('reads local wall times, the skipped hour read forward and the repeated one as its first time', () => {
    expect(iso(zonedInstant(LA, 2026, 3, 8, 1, 30))).toBe('2026-03-08T09:30:00.000Z');
    expect(iso(zonedInstant(LA, 2026, 3, 8, 2, 30))).toBe('2026-03-08T10:30:00.000Z'); // = 03:30 PDT
    expect(iso(zonedInstant(LA, 2026, 3, 8, 3, 30))).toBe('2026-03-08T10:30:00.000Z');
    expect(iso(zonedInstant(LA, 2026, 11, 1, 1, 30))).toBe('2026-11-01T08:30:00.000Z'); // PDT, the first 01:30
    expect(iso(zonedInstant(LA, 2026, 11, 1, 2, 30))).toBe('2026-11-01T10:30:00.000Z');
  });

  it('starts weeks on local Monday, months and quarters on the local 1st', () => {
    expect(mondayOf('2026-11-08')).toBe('2026-11-02');
    expect(mondayOf('2026-11-09')).toBe('2026-11-09');
    expect(monthOf('2026-11-30')).toBe('2026-11-01');
    expect(monthOf('2026-12-15', 1)).toBe('2027-01-01');
    expect(quarterOf('2026-12-31')).toBe('2026-10-01');
    expect(quarterOf('2026-02-01')).toBe('2026-01-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    // Sunday 8 Nov 2026 23:30 in LA is 07:30 UTC on the 9th, a Monday in UTC
    const sundayNight = new Date('2026-11-09T07:30:00Z');
    expect(iso(periodStart('week', sundayNight, LA))).toBe('2026-11-02T08:00:00.000Z');
    expect(iso(periodStart('month', new Date('2026-11-01T06:30:00Z'), LA))).toBe('2026-10-01T07:00:00.000Z');
    expect(iso(periodStart('quarter', new Date('2026-11-01T07:30:00Z'), LA))).toBe('2026-10-01T07:00:00.000Z');
    expect(iso(periodStart('month', new Date('2026-10-31T18:30:00Z'), URUMQI))).toBe('2026-10-31T18:00:00.000Z');
    expect(isoWeekLabel('2026-11-02')).toBe('2026-W45');
    expect(isoWeekLabel('2026-12-28')).toBe('2026-W53');
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01');
  });

  it('writes the end of a day with the offset the clocks have then', () => {
    expect(dayEndText('2026-11-30', 'Asia/Shanghai')).toBe('2026-11-30T23:59:59+08:00');
    expect(dayEndText('2026-03-07', LA)).toBe('2026-03-07T23:59:59-08:00');
    expect(dayEndText('2026-03-08', LA)).toBe('2026-03-08T23:59:59-07:00');
    expect(dayEndText('2026-11-01', LA)).toBe('2026-11-01T23:59:59-08:00');
    expect(dayEndText('2026-10-31', LA)).toBe('2026-10-31T23:59:59-07:00');
    expect(dayEndText('2026-07-01', URUMQI)).toBe('2026-07-01T23:59:59+06:00');
  });

  it('knows zone names Intl knows and refuses others', () => {
    expect(isTimeZone(LA)).toBe(true);
    expect(isTimeZone(URUMQI)).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isTimeZone('')).toBe(false);
    expect(() => setCityTimeZone('Nowhere/City')).toThrow(/IANA/);
    expect(cityTimeZone()).toBe(DEFAULT_CITY_TIME_ZONE);
  });
});

describe('parseInstant in the city zone', () => {
  it('reads a bare date as local midnight and an offset-less time on local clocks', () => {
    expect(iso(parseInstant('2026-11-02', LA) as Date)).toBe('2026-11-02T08:00:00.000Z');
    expect(iso(parseInstant('2026-11-01', LA) as Date)).toBe('2026-11-01T07:00:00.000Z');
    expect(iso(parseInstant('2026-11-08T23:30', LA) as Date)).toBe('2026-11-09T07:30:00.000Z');
    expect(iso(parseInstant('2026-11-08 23:30:15.5', LA) as Date)).toBe('2026-11-09T07:30:15.500Z');
    expect(iso(parseInstant('2026-11-02', URUMQI) as Date)).toBe('2026-11-01T18:00:00.000Z');
    expect(iso(parseInstant('2026-11-02T00:00:00Z', LA) as Date)).toBe('2026-11-02T00:00:00.000Z');
    expect(iso(parseInstant('2026-11-02T00:00:00+08:00', LA) as Date)).toBe('2026-11-01T16:00:00.000Z');
  });

  it('uses the process zone when none is given', () => {
    expect(iso(parseInstant('2026-11-30') as Date)).toBe('2026-11-29T16:00:00.000Z');
    setCityTimeZone(LA);
    expect(iso(parseInstant('2026-11-30') as Date)).toBe('2026-11-30T08:00:00.000Z');
  });

  it('still refuses days and times that do not exist', () => {
    for (const bad of ['2026-02-30', '2026-11-30T24:00', '2026-11-30T12:60', '1999-12-31', '2101-01-01']) {
      expect(typeof parseInstant(bad, LA), bad).toBe('string');
    }
  });
});
