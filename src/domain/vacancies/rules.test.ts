import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VacancyStatus } from '#app/db/schema.js';
import { cefrLevels, supportNeedOptions } from '../candidates/rules.js';
import { builtinOccupations, builtinSkills } from '../taxonomy/builtin.js';
import {
  canTransition,
  isEditable,
  isPubliclyListed,
  supportOfferedOptions,
  todayIso,
  vacancyFilterSchema,
  vacancySchema,
  vacancyStatuses,
} from './rules.js';

const status = fc.constantFrom(...vacancyStatuses);
const skill = (i: number) => builtinSkills[i]!.uri;
const daysFromToday = (days: number) => todayIso(new Date(Date.now() + days * 24 * 60 * 60 * 1000));

const valid = {
  title: 'Medewerker magazijn',
  description: 'Je pakt dozen in.\n\nJe werkt in een klein team.',
  postcode: '3011 ab',
  hoursPerWeek: '24',
  contractType: 'tijdelijk',
  occupationUri: builtinOccupations[5]!.uri,
  requiredSkills: skill(0),
  niceToHaveSkills: [skill(1), skill(2)],
  supportOffered: ['jobcoach', 'vaste_structuur'],
  suitability: 'open_hiring',
  physicalRequirements: 'Je staat de hele dag. Je tilt dozen tot 15 kilo.',
  publishedUntil: daysFromToday(30),
};

function errorsOf(input: unknown): Record<string, string> {
  const result = vacancySchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

describe('the vacancy state machine', () => {
  it('allows exactly concept → open, open → filled and open → closed', () => {
    const allowed = vacancyStatuses.flatMap((from) => vacancyStatuses.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed).toEqual(['concept→open', 'open→filled', 'open→closed']);
  });

  it('never stays in place, never goes back to concept, and filled and closed are final', () => {
    fc.assert(
      fc.property(status, status, (from: VacancyStatus, to: VacancyStatus) => {
        if (from === to || to === 'concept' || from === 'filled' || from === 'closed') expect(canTransition(from, to)).toBe(false);
      }),
    );
  });

  it('reaches every state from concept along allowed steps, and any walk of allowed steps is at most two long', () => {
    fc.assert(
      fc.property(fc.array(status, { maxLength: 6 }), (steps) => {
        let current: VacancyStatus = 'concept';
        let taken = 0;
        for (const next of steps) {
          if (canTransition(current, next)) {
            current = next;
            taken++;
          }
        }
        expect(taken).toBeLessThanOrEqual(2);
        expect(isEditable(current)).toBe(current === 'concept' || current === 'open');
      }),
    );
  });
});

describe('public listing', () => {
  it('lists only an open vacancy whose closing date is today or later', () => {
    expect(isPubliclyListed({ status: 'open', publishedUntil: '2026-05-01' }, '2026-05-01')).toBe(true);
    expect(isPubliclyListed({ status: 'open', publishedUntil: '2026-04-30' }, '2026-05-01')).toBe(false);
    expect(isPubliclyListed({ status: 'open', publishedUntil: null }, '2026-05-01')).toBe(false);
    fc.assert(
      fc.property(status, fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }), (s, date) => {
        const until = date.toISOString().slice(0, 10);
        expect(isPubliclyListed({ status: s, publishedUntil: until }, '2027-06-15')).toBe(s === 'open' && until >= '2027-06-15');
      }),
    );
  });

  it('takes today in the Netherlands, not in UTC', () => {
    expect(todayIso(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(todayIso(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });
});

describe('the vacancy schema', () => {
  it('accepts form input and normalises it', () => {
    const result = vacancySchema.parse(valid);
    expect(result.postcode).toBe('3011AB');
    expect(result.hoursPerWeek).toBe(24);
    expect(result.requiredSkills).toEqual([skill(0)]);
    expect(result.suitability).toEqual(['open_hiring']);
  });

  it('leaves lists and the occupation empty when they are not sent', () => {
    const { occupationUri: _o, requiredSkills: _r, niceToHaveSkills: _n, supportOffered: _s, suitability: _u, ...rest } = valid;
    const result = vacancySchema.parse(rest);
    expect(result.occupationUri).toBeNull();
    expect(result.requiredSkills).toEqual([]);
    expect(result.supportOffered).toEqual([]);
    expect(result.requiredDutchLevel).toBeNull();
  });

  it('takes a Dutch level from A0 to C2, and empty or null as no requirement', () => {
    for (const level of cefrLevels) expect(vacancySchema.parse({ ...valid, requiredDutchLevel: level }).requiredDutchLevel).toBe(level);
    expect(vacancySchema.parse({ ...valid, requiredDutchLevel: '' }).requiredDutchLevel).toBeNull();
    expect(vacancySchema.parse({ ...valid, requiredDutchLevel: null }).requiredDutchLevel).toBeNull();
  });

  it('shares one vocabulary for support offered and support needed', () => {
    expect(supportOfferedOptions).toEqual(supportNeedOptions);
  });

  it('explains each wrong field in Dutch', () => {
    expect(errorsOf({ ...valid, title: '  ' }).title).toBe('Vul de functienaam in.');
    expect(errorsOf({ ...valid, hoursPerWeek: '41' }).hoursPerWeek).toBe('Vul een aantal uren per week in tussen 1 en 40.');
    expect(errorsOf({ ...valid, hoursPerWeek: 'veel' }).hoursPerWeek).toBe('Vul een aantal uren per week in tussen 1 en 40.');
    expect(errorsOf({ ...valid, hoursPerWeek: '2.5' }).hoursPerWeek).toBe('Vul een aantal uren per week in tussen 1 en 40.');
    expect(errorsOf({ ...valid, postcode: '0123 AB' }).postcode).toBe('Vul een geldige postcode in, bijvoorbeeld 3011 AB.');
    expect(errorsOf({ ...valid, contractType: 'zzp' }).contractType).toBe('Kies het soort contract.');
    for (const level of ['D1', 'b1', 'B3', 3, ['B1']]) {
      expect(errorsOf({ ...valid, requiredDutchLevel: level })).toEqual({ requiredDutchLevel: 'Kies het niveau Nederlands dat nodig is.' });
    }
    expect(errorsOf({ ...valid, occupationUri: 'http://data.europa.eu/esco/occupation/onbekend' }).occupationUri).toBe(
      'Kies een beroep uit de lijst.',
    );
    expect(errorsOf({ ...valid, requiredSkills: ['http://example.org/skill'] })['requiredSkills.0']).toBe(
      'Kies vaardigheden uit de lijst.',
    );
    expect(errorsOf({ ...valid, supportOffered: ['massage'] })['supportOffered.0']).toBe('Kies ondersteuning uit de lijst.');
    expect(errorsOf({ ...valid, publishedUntil: '2026-02-30' }).publishedUntil).toBe('Vul een geldige datum in, bijvoorbeeld 2026-12-31.');
    expect(errorsOf({ ...valid, publishedUntil: daysFromToday(-1) }).publishedUntil).toBe(
      'De einddatum is al voorbij. Kies vandaag of een latere datum.',
    );
    expect(errorsOf({ ...valid, publishedUntil: todayIso() })).toEqual({});
  });

  it('refuses a skill that is both needed and nice to have', () => {
    expect(errorsOf({ ...valid, niceToHaveSkills: [skill(0)] }).niceToHaveSkills).toBe(
      'Een vaardigheid staat bij nodig en bij mooi meegenomen. Kies er één.',
    );
  });

  it('asks for the physical requirements in open-hiring mode, and keeps them optional otherwise', () => {
    const needed =
      'Beschrijf wat het werk van het lichaam vraagt. Bij open hiring lezen kandidaten dit en kiezen zij zelf of zij het werk kunnen doen.';
    expect(vacancySchema.parse(valid).physicalRequirements).toBe('Je staat de hele dag. Je tilt dozen tot 15 kilo.');
    for (const empty of [undefined, null, '', '   ']) {
      expect(errorsOf({ ...valid, physicalRequirements: empty })).toEqual({ physicalRequirements: needed });
      expect(vacancySchema.parse({ ...valid, suitability: [], physicalRequirements: empty }).physicalRequirements).toBeNull();
    }
    expect(vacancySchema.parse({ ...valid, suitability: [], physicalRequirements: ' Veel lopen. ' }).physicalRequirements).toBe(
      'Veel lopen.',
    );
    expect(errorsOf({ ...valid, physicalRequirements: 'x'.repeat(2001) }).physicalRequirements).toBe(
      'De lichamelijke eisen zijn te lang. Gebruik hoogstens 2000 tekens.',
    );
    expect(errorsOf({ ...valid, physicalRequirements: 12 }).physicalRequirements).toBe(
      'Beschrijf in gewone woorden wat het werk van het lichaam vraagt.',
    );
  });

  it('caps the skills at 20 and drops doubles', () => {
    expect(errorsOf({ ...valid, niceToHaveSkills: builtinSkills.slice(1, 22).map((s) => s.uri) }).niceToHaveSkills).toBe(
      'Kies hoogstens 20 vaardigheden.',
    );
    expect(vacancySchema.parse({ ...valid, supportOffered: ['jobcoach', 'jobcoach'] }).supportOffered).toEqual(['jobcoach']);
  });
});

describe('the list filters', () => {
  it('reads query strings, empty ones as "any"', () => {
    const parsed = vacancyFilterSchema.parse({
      text: ' magazijn ',
      hoursMin: '8',
      hoursMax: '',
      openHiring: 'true',
      supportOffered: 'jobcoach,vervoer',
      contractType: '',
    });
    expect(parsed).toEqual({ text: 'magazijn', hoursMin: 8, openHiring: true, supportOffered: ['jobcoach', 'vervoer'] });
  });

  it('refuses a range that runs backwards', () => {
    const result = vacancyFilterSchema.safeParse({ hoursMin: '30', hoursMax: '10' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['hoursMax']);
  });
});
