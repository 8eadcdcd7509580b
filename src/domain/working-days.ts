/**
 * Working days as Dutch law counts them for a deadline (Algemene termijnenwet, art. 3): every day but
 * Saturday, Sunday and the generally recognised public holidays — New Year's Day, Easter Monday,
 * Ascension Day, Whit Monday, King's Day, 5 May, Christmas Day and Boxing Day (decision 028).
 * Days are calendar days in UTC, as the placement and support rules count them.
 */

const dayInMs = 24 * 60 * 60 * 1000;

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher), as yyyy-mm-dd. */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(Date.UTC(year, month - 1, day));
}

/** The public holidays of the Algemene termijnenwet in `year`, as yyyy-mm-dd, in date order. */
export function publicHolidays(year: number): string[] {
  const easter = Date.parse(`${easterSunday(year)}T00:00:00Z`);
  const afterEaster = (days: number) => isoDate(easter + days * dayInMs);
  // King's Day is 27 April, or the 26th when the 27th is a Sunday (Wet vaststelling Koningsdag, since 2014).
  const kingsDay = new Date(Date.UTC(year, 3, 27)).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return [
    `${year}-01-01`,
    afterEaster(1), // Easter Monday
    kingsDay,
    `${year}-05-05`,
    afterEaster(39), // Ascension Day
    afterEaster(50), // Whit Monday
    `${year}-12-25`,
    `${year}-12-26`,
  ].sort();
}

/** Whether `date` (its UTC calendar day) is a working day. */
export function isWorkingDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(date.getUTCFullYear()).includes(isoDate(date.getTime()));
}

/** `date` plus `days` working days, at the same time of day. */
export function addWorkingDays(date: Date, days: number): Date {
  const result = new Date(date);
  let left = days;
  while (left > 0) {
    result.setUTCDate(result.getUTCDate() + 1);
    if (isWorkingDay(result)) left--;
  }
  return result;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
