import { describe, expect, it } from 'vitest';
import type { Candidate } from '#app/db/schema.js';
import { profileSectionNames, profileSections } from '#app/domain/candidates/profile.js';
import { defaultVisibility } from '#app/domain/candidates/rules.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { isSearchRequest, sectionErrors, sectionFormValues, sectionInputFromBody, sectionValuesFromBody } from './section-forms.js';
import { profileCompleteness } from './summary.js';
import { visibilityFormValues, visibilityInputFromBody } from './visibility-page.js';

const cleaner = builtinOccupations[0]!.uri;
const warehouse = builtinOccupations[5]!.uri;
const teamwork = builtinSkills[0]!.uri;

const candidate: Candidate = {
  id: '00000000-0000-4000-8000-000000000001',
  instantie_id: 'rotterdam',
  user_id: 'u1',
  consultant_user_id: 'c1',
  pseudonym: 'Kandidaat ABC234',
  first_name: 'Fatima',
  last_name: 'Bakker',
  email: 'fatima@voorbeeld.nl',
  phone: '06 12345678',
  postcode: '3012CD',
  travel_radius_km: 10,
  travel_modes: ['fiets', 'ov'],
  hours_per_week: 24,
  days: ['ma', 'di'],
  wished_occupations: [cleaner, warehouse],
  skills: [teamwork],
  work_experience: [
    { title: 'Schoonmaker', employer: 'Schoon BV', years: 2 },
    { title: 'Vrijwilliger buurthuis', employer: '', years: 0.5 },
  ],
  education_level: 'vmbo',
  languages: [{ language: 'Arabisch', level: 'C2' }],
  dutch_level: 'B1',
  support_needs: ['jobcoach'],
  participation_step: null,
  regie_level: 'samen',
  target_groups: ['doelgroepregister'],
  about: 'Ik werk graag buiten.',
  availability: 'beschikbaar',
  availability_confirmed_at: new Date('2025-01-01T00:00:00Z'),
  availability_expires_at: new Date('2025-03-01T00:00:00Z'),
  visibility: { ...defaultVisibility },
  anonymous: true,
  consent_given: true,
  created_at: new Date('2025-01-01T00:00:00Z'),
  updated_at: new Date('2025-01-01T00:00:00Z'),
};

describe('turning a posted form into the input of the section schema', () => {
  it('makes lists of check boxes, whether none, one or several were ticked, without doubles', () => {
    expect(sectionInputFromBody('werk', { hoursPerWeek: '24' })).toMatchObject({ wishedOccupations: [], days: [] });
    expect(sectionInputFromBody('werk', { days: 'ma', wishedOccupations: cleaner })).toMatchObject({
      days: ['ma'],
      wishedOccupations: [cleaner],
    });
    expect(sectionInputFromBody('werk', { days: ['ma', 'wo', 'ma'] })).toMatchObject({ days: ['ma', 'wo'] });
  });

  it('keeps only the fields of the section, never the search term, the button or a candidate id', () => {
    const input = sectionInputFromBody('werk', {
      hoursPerWeek: '20',
      zoekterm: 'schoon',
      actie: 'zoeken',
      _csrf: 'x',
      id: 'someone-else',
      candidateId: 'x',
    });
    expect(Object.keys(input).sort()).toEqual(['days', 'hoursPerWeek', 'wishedOccupations']);
  });

  it('reads repeated rows in order, drops empty ones and renumbers the rest', () => {
    const body = {
      'workExperience.0.title': '',
      'workExperience.0.employer': ' ',
      'workExperience.0.years': '',
      'workExperience.1.title': 'Magazijn',
      'workExperience.1.employer': 'Opslag BV',
      'workExperience.1.years': '1,5',
      'workExperience.10.title': 'Kok',
      'workExperience.2.title': 'Schoonmaak',
      'workExperience.2.years': '',
      'workExperience.3.evil': 'x',
      educationLevel: 'mbo_2',
    };
    const input = sectionInputFromBody('ervaring', body);
    expect(input.workExperience).toEqual([
      { title: 'Magazijn', employer: 'Opslag BV', years: '1.5' },
      { title: 'Schoonmaak', employer: undefined, years: undefined },
      { title: 'Kok', employer: undefined, years: undefined },
    ]);
    const parsed = profileSections.ervaring.parse(input);
    expect(parsed.workExperience).toEqual([
      { title: 'Magazijn', employer: 'Opslag BV', years: 1.5 },
      { title: 'Schoonmaak', employer: '', years: 0 },
      { title: 'Kok', employer: '', years: 0 },
    ]);
    // The form values use the same numbering, so an error on row 0 is shown on row 0.
    const values = sectionValuesFromBody('ervaring', body);
    expect(values['workExperience.0.title']).toBe('Magazijn');
    expect(values['workExperience.2.title']).toBe('Kok');
    expect(values['workExperience.3.title']).toBeUndefined();
  });

  it('keeps a half-filled row so the schema can say what is missing', () => {
    const input = sectionInputFromBody('talen', { dutchLevel: 'A2', 'languages.0.language': '', 'languages.0.level': 'B1' });
    expect(input.languages).toEqual([{ language: undefined, level: 'B1' }]);
    const result = profileSections.talen.safeParse(input);
    expect(result.success).toBe(false);
    const errors = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(sectionErrors(errors)).toEqual({ 'languages.0.language': 'Vul de taal in.' });
  });

  it('turns an open choice into "not chosen" so the schema gives its Dutch message', () => {
    const result = profileSections.ervaring.safeParse(sectionInputFromBody('ervaring', { educationLevel: '' }));
    expect(result.error?.issues[0]?.message).toBe('Kies je hoogste opleiding.');
    expect(
      profileSections.ondersteuning.parse(sectionInputFromBody('ondersteuning', { regieLevel: 'zelf', participationStep: 'onbekend' }))
        .participationStep,
    ).toBeUndefined();
    expect(
      profileSections.ondersteuning.parse(sectionInputFromBody('ondersteuning', { regieLevel: 'zelf', participationStep: '4' }))
        .participationStep,
    ).toBe(4);
  });

  it('takes the first value when a single field is sent twice', () => {
    expect(sectionInputFromBody('contact', { firstName: ['Fatima', 'Piet'], lastName: 'Bakker' })).toMatchObject({ firstName: 'Fatima' });
  });

  it('gives back a stored profile unchanged: row → form values → posted form → schema', () => {
    for (const section of profileSectionNames) {
      const roundTrip = profileSections[section].parse(sectionInputFromBody(section, sectionFormValues(section, candidate)));
      const direct = profileSections[section].parse(
        {
          contact: { firstName: 'Fatima', lastName: 'Bakker', email: 'fatima@voorbeeld.nl', phone: '06 12345678' },
          werk: { wishedOccupations: [cleaner, warehouse], hoursPerWeek: 24, days: ['ma', 'di'] },
          ervaring: {
            skills: [teamwork],
            educationLevel: 'vmbo',
            workExperience: candidate.work_experience,
            about: 'Ik werk graag buiten.',
          },
          talen: { dutchLevel: 'B1', languages: [{ language: 'Arabisch', level: 'C2' }] },
          reizen: { postcode: '3012CD', travelRadiusKm: 10, travelModes: ['fiets', 'ov'] },
          ondersteuning: { supportNeeds: ['jobcoach'], regieLevel: 'samen' },
          beschikbaarheid: { availability: 'beschikbaar' },
          doelgroep: { targetGroups: ['doelgroepregister'] },
        }[section],
      );
      expect(roundTrip, section).toEqual(direct);
    }
  });
});

describe('search for occupations and skills', () => {
  it('is a search only with the search button and a word to look for', () => {
    expect(isSearchRequest({ actie: 'zoeken', zoekterm: 'schoon' })).toBe(true);
    expect(isSearchRequest({ actie: 'zoeken', zoekterm: '  ' })).toBe(false);
    expect(isSearchRequest({ zoekterm: 'schoon' })).toBe(false);
    expect(isSearchRequest(undefined)).toBe(false);
  });
});

describe('errors as the form shows them', () => {
  it('puts an error in a list item on the list and keeps Dutch messages of the schema', () => {
    expect(
      sectionErrors({
        'days.1': 'Kies een dag uit de lijst.',
        'days.3': 'Kies een dag uit de lijst.',
        hoursPerWeek: 'Vul een aantal uren in tussen 1 en 40.',
      }),
    ).toEqual({
      days: 'Kies een dag uit de lijst.',
      hoursPerWeek: 'Vul een aantal uren in tussen 1 en 40.',
    });
    const parsed = profileSections.ervaring.safeParse({
      educationLevel: 'vmbo',
      workExperience: [
        { title: '', employer: '', years: 1 },
        { title: 'Schoonmaker', employer: '', years: 'veel' },
      ],
    });
    const errors = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(sectionErrors(errors)).toEqual({
      'workExperience.0.title': 'Vul de functie in.',
      'workExperience.1.years': 'Vul een aantal jaren in tussen 0 en 60.',
    });
  });
});

describe('visibility form', () => {
  it('reads one level per field group and an explicit anonymous choice', () => {
    const values = visibilityFormValues(candidate);
    expect(values['visibility.identiteit']).toBe('consulent');
    expect(values.anonymous).toBe('ja');
    expect(visibilityInputFromBody(values)).toEqual({ visibility: defaultVisibility, anonymous: 'ja' });
    const missing = visibilityInputFromBody({ 'visibility.identiteit': 'alle', anonymous: 'misschien' });
    expect(missing.anonymous).toBeUndefined();
    expect(missing.visibility.identiteit).toBe('alle');
    expect(missing.visibility.werkwensen).toBeUndefined();
  });
});

describe('profile completeness', () => {
  it('counts the sections that make a profile findable', () => {
    expect(profileCompleteness(candidate)).toEqual({ percent: 100, missing: [] });
    const empty = { ...candidate, email: null, phone: null, education_level: null, postcode: null };
    expect(profileCompleteness(empty)).toEqual({ percent: 40, missing: ['contact', 'ervaring', 'reizen'] });
  });
});
