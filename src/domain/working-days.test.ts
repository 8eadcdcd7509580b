import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, easterSunday, isWorkingDay, publicHolidays } from './working-days.js';

const day = (iso: string) => new Date(`${iso}T09:30:00Z`);

describe('public holidays (Algemene termijnenwet)', () => {
  it('finds Easter Sunday in known years, the earliest and the latest possible date included', () => {
    const known = {
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, easter] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(easter);
  });

  it('lists the eight days of 2026 and moves King’s Day to Saturday 26 April when the 27th is a Sunday', () => {
    expect(publicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    expect(publicHolidays(2025)).toContain('2025-04-26');
    expect(publicHolidays(2025)).not.toContain('2025-04-27');
  });

  it('puts Easter on a Sunday between 22 March and 25 April, and Ascension and Whit Monday 39 and 50 days after it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2400 }), (year) => {
        const easter = new Date(`${easterSunday(year)}T00:00:00Z`);
        expect(easter.getUTCDay()).toBe(0);
        expect(easterSunday(year) >= `${year}-03-22` && easterSunday(year) <= `${year}-04-25`).toBe(true);
        const holidays = publicHolidays(year);
        expect(holidays).toHaveLength(8);
        expect(holidays).toContain(new Date(easter.getTime() + 39 * 86_400_000).toISOString().slice(0, 10));
        expect(holidays).toContain(new Date(easter.getTime() + 50 * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('working days', () => {
  it('skips weekends and holidays: Christmas, Ascension, and the turn of the year', () => {
    expect(isWorkingDay(day('2026-12-24'))).toBe(true);
    expect(isWorkingDay(day('2026-12-25'))).toBe(false);
    expect(addWorkingDays(day('2026-12-24'), 1).toISOString()).toBe('2026-12-28T09:30:00.000Z');
    expect(addWorkingDays(day('2026-05-13'), 1).toISOString()).toBe('2026-05-15T09:30:00.000Z');
    // Thursday 24 December 2026 plus 5: 28, 29, 30, 31 December and 4 January (1 January is a holiday).
    expect(addWorkingDays(day('2026-12-24'), 5).toISOString()).toBe('2027-01-04T09:30:00.000Z');
    expect(addWorkingDays(day('2026-12-24'), 0).toISOString()).toBe('2026-12-24T09:30:00.000Z');
  });

  it('lands on a working day after exactly that many working days, at the same time of day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 40 }),
        (start, days) => {
          const end = addWorkingDays(start, days);
          expect(isWorkingDay(end)).toBe(true);
          expect((end.getTime() - start.getTime()) % 86_400_000).toBe(0);
          let counted = 0;
          for (let t = start.getTime() + 86_400_000; t <= end.getTime(); t += 86_400_000) if (isWorkingDay(new Date(t))) counted++;
          expect(counted).toBe(days);
        },
      ),
    );
  });
});
