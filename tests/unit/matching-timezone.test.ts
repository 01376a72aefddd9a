import { describe, expect, it } from 'vitest';
import {
  dayOverlapHours,
  isValidTimeZone,
  overlapWith,
  utcOffsetMinutes,
  workingOverlapHours,
  zonedTimeToInstant,
} from '../../shared/matching/timezone';

const at = (iso: string) => new Date(iso);
// Mid-week reference dates: January (northern winter), July (northern summer).
const JAN = at('2026-01-14T12:00:00Z');
const JUL = at('2026-07-15T12:00:00Z');

describe('UTC offsets from the IANA database', () => {
  it('knows half-hour and 45-minute zones', () => {
    expect(utcOffsetMinutes('Asia/Kolkata', JAN.getTime())).toBe(330);
    expect(utcOffsetMinutes('Asia/Kathmandu', JAN.getTime())).toBe(345);
  });

  it('follows southern-hemisphere DST in Adelaide (+10:30 in January, +9:30 in July)', () => {
    expect(utcOffsetMinutes('Australia/Adelaide', JAN.getTime())).toBe(630);
    expect(utcOffsetMinutes('Australia/Adelaide', JUL.getTime())).toBe(570);
  });

  it('turns a local wall time into the right instant on the day clocks change', () => {
    // Berlin springs forward on 2026-03-29 at 02:00; 09:00 that day is already CEST (UTC+2).
    expect(new Date(zonedTimeToInstant('Europe/Berlin', 2026, 3, 29, 9)).toISOString()).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    expect(new Date(zonedTimeToInstant('Europe/Berlin', 2026, 3, 28, 9)).toISOString()).toBe(
      '2026-03-28T08:00:00.000Z',
    );
  });

  it('tells real zones from made-up ones', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('working-day overlap (09:00–18:00 local, Monday–Friday)', () => {
  it('is the full 9 hours in the same zone', () => {
    expect(workingOverlapHours('Europe/Berlin', 'Europe/Berlin', JAN)).toBe(9);
    expect(workingOverlapHours('Europe/Berlin', 'Europe/Paris', JUL)).toBe(9);
  });

  it('handles Asia/Kolkata (+5:30) against London across UK summer time', () => {
    // January: London 09–18 UTC, Kolkata 03:30–12:30 UTC → 3.5 h.
    expect(workingOverlapHours('Asia/Kolkata', 'Europe/London', JAN)).toBe(3.5);
    // July (BST): London 08–17 UTC → 4.5 h.
    expect(workingOverlapHours('Asia/Kolkata', 'Europe/London', JUL)).toBe(4.5);
  });

  it('handles Australia/Adelaide (+10:30/+9:30) against Kolkata across Adelaide DST', () => {
    // January: Adelaide 22:30–07:30 UTC overlaps Kolkata 03:30–12:30 UTC for 4 h.
    expect(workingOverlapHours('Australia/Adelaide', 'Asia/Kolkata', JAN)).toBe(4);
    // July: Adelaide 23:30–08:30 UTC → 5 h.
    expect(workingOverlapHours('Australia/Adelaide', 'Asia/Kolkata', JUL)).toBe(5);
  });

  it('notices the weeks when the US and Europe change clocks on different dates', () => {
    // Usually 6 h apart (3 h overlap); between 8 and 29 March 2026 only 5 h apart.
    expect(
      workingOverlapHours('America/New_York', 'Europe/Berlin', at('2026-02-18T12:00:00Z')),
    ).toBe(3);
    expect(
      workingOverlapHours('America/New_York', 'Europe/Berlin', at('2026-03-18T12:00:00Z')),
    ).toBe(4);
    expect(
      workingOverlapHours('America/New_York', 'Europe/Berlin', at('2026-04-15T12:00:00Z')),
    ).toBe(3);
  });

  it('counts weekends: Auckland’s Monday is California’s Sunday', () => {
    // NZDT (+13) vs PST (−8): Tue–Fri overlap 6 h each, Monday none → 24 / 5.
    expect(workingOverlapHours('Pacific/Auckland', 'America/Los_Angeles', JAN)).toBeCloseTo(4.8);
    expect(
      dayOverlapHours('Pacific/Auckland', 'America/Los_Angeles', at('2026-01-11T22:00:00Z')),
    ).toBe(0);
    expect(
      dayOverlapHours('Pacific/Auckland', 'America/Los_Angeles', at('2026-01-12T22:00:00Z')),
    ).toBe(6);
  });

  it('is zero when working days never meet', () => {
    expect(workingOverlapHours('America/Los_Angeles', 'Asia/Kolkata', JAN)).toBe(0);
  });

  it('gives the same answers through the per-asker calculator used for ranking', () => {
    const from = overlapWith('Asia/Kolkata', JUL);
    expect(from('Europe/London')).toBe(4.5);
    expect(from('Asia/Kolkata')).toBe(9);
    expect(from('Europe/London')).toBe(4.5); // cached
  });
});
