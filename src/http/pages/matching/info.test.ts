import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchLogRetentionMonths } from '#app/domain/matching/queries.js';
import { defaultWeights, distanceValue, scoreMatch, type MatchCandidate, type MatchVacancy } from '#app/domain/matching/score.js';
import { createTestApp, type TestApp } from '../../../../test/support/app.js';
import { exampleScore, scoreRules } from './info.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => app?.close());

const cellText = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .trim();

/** The rows of the n-th table on the page, each as the text of its cells. */
function tableRows(html: string, index: number): string[][] {
  const table = html.match(/<table[\s\S]*?<\/table>/g)?.[index] ?? '';
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cellText(cell[1]!)),
  );
}

describe('the page "Hoe werkt het matchen?"', () => {
  it('is public, and its table gives the default weights of the score', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/hoe-werkt-het-matchen' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('<h1 class="utrecht-heading-1">Hoe werkt het matchen?</h1>');
    const rows = tableRows(response.body, 0);
    expect(rows.map((row) => [row[0], row[2]])).toEqual([
      ['Beroep', String(defaultWeights.beroep)],
      ['Vaardigheden die nodig zijn', String(defaultWeights.vaardigheden)],
      ['Extra vaardigheden', String(defaultWeights.extraVaardigheden)],
      ['Afstand', String(defaultWeights.afstand)],
      ['Uren', String(defaultWeights.uren)],
      ['Nederlandse taal', String(defaultWeights.taal)],
      ['Beschikbaarheid', String(defaultWeights.beschikbaarheid)],
      ['Hulp op het werk', '0 (telt nooit mee)'],
    ]);
    for (const section of [
      'Wat doet het?',
      'Waarom doen we dit?',
      'Welke gegevens gebruikt het?',
      'Hoe wordt de score berekend?',
      'Menselijke controle',
      'Wat wordt vastgelegd?',
      'Welke rechten heb je?',
    ]) {
      expect(response.body).toContain(`>${section}</h2>`);
    }
    expect(response.body).toContain(`We bewaren dit ${matchLogRetentionMonths} maanden.`);
    for (const never of ['leeftijd', 'geslacht', 'afkomst', 'gezondheid', 'ondersteuningsbehoefte', 'doelgroep'])
      expect(response.body).toContain(never);
    expect(response.body).toContain('artikel 22');
    expect(response.body).toContain('bijlage III, punt 4a');
  });

  it('works the example out to the total the score itself gives', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/hoe-werkt-het-matchen' });
    const score = exampleScore();
    expect(response.body).toContain(`De score van dit voorbeeld is: ${score.total}`);
    expect(response.body).toContain(`Past voor ${score.total} van de 100`);
    const rows = tableRows(response.body, 1);
    expect(rows).toHaveLength(score.parts.length);
    expect(rows[0]).toEqual([
      'Beroep',
      'Dit werk hoort bij het beroep schoonmaker. Dat beroep zoekt de kandidaat.',
      '100 van de 100',
      '30',
      '30',
    ]);
    expect(rows[3]).toEqual([
      'Afstand',
      'De kandidaat woont 6 km van dit werk en wil maximaal 10 km reizen.',
      '70 van de 100',
      '15',
      '10,5',
    ]);
  });

  it('is in English with ?taal=en', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/hoe-werkt-het-matchen?taal=en' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<html lang="en"');
    expect(response.body).toContain('How does matching work?');
    expect(tableRows(response.body, 0)[0]).toEqual(['Occupation', expect.stringContaining('Then 60'), String(defaultWeights.beroep)]);
  });

  it('is linked from the footer of every page', async () => {
    const response = await app.server.inject({ method: 'GET', url: '/' });
    expect(response.body).toMatch(/<footer[\s\S]*href="\/hoe-werkt-het-matchen"[\s\S]*<\/footer>/);
  });
});

describe('what the page says about the rules', () => {
  const nobody: MatchCandidate = {
    wishedOccupations: [],
    wishedIscoGroups: [],
    skills: [],
    hoursPerWeek: null,
    dutchLevel: null,
    travelRadiusKm: null,
    availability: null,
    availabilityExpired: null,
    supportNeeds: null,
  };
  const job: MatchVacancy = {
    occupationUri: 'o',
    iscoGroup: '9112',
    requiredSkills: [],
    niceSkills: [],
    hoursPerWeek: 32,
    requiredDutchLevel: null,
    supportOffered: [],
  };
  const value = (c: Partial<MatchCandidate>, v: Partial<MatchVacancy>, name: string) =>
    scoreMatch({ ...nobody, ...c }, { ...job, ...v }, null).parts.find((part) => part.name === name)?.value;

  it('takes its numbers from the score', () => {
    expect(scoreRules()).toEqual({ isco: 60, threeOfFour: 75, edge: 50, hours: 67, oneBelow: 50, soon: 50 });
  });

  it('holds for the words it does not compute: 100 for an exact fit, 0 at twice the radius, more than one level low, unavailable or expired', () => {
    expect(value({ wishedOccupations: ['o'] }, {}, 'beroep')).toBe(1);
    expect(value({ wishedOccupations: ['x'], wishedIscoGroups: ['1234'] }, {}, 'beroep')).toBe(0);
    expect(distanceValue(0, 10)).toBe(1);
    expect(distanceValue(19.9, 10)).toBeGreaterThan(0);
    expect(distanceValue(20, 10)).toBe(0);
    expect(distanceValue(80, 10)).toBe(0);
    expect(value({ dutchLevel: 'B2' }, { requiredDutchLevel: 'B1' }, 'taal')).toBe(1);
    expect(value({ dutchLevel: 'A1' }, { requiredDutchLevel: 'B1' }, 'taal')).toBe(0);
    expect(value({ availability: 'beschikbaar', availabilityExpired: false }, {}, 'beschikbaarheid')).toBe(1);
    expect(value({ availability: 'niet_beschikbaar', availabilityExpired: false }, {}, 'beschikbaarheid')).toBe(0);
    expect(value({ availability: 'beschikbaar', availabilityExpired: true }, {}, 'beschikbaarheid')).toBe(0);
    expect(value({ supportNeeds: ['jobcoach'] }, { supportOffered: ['jobcoach'] }, 'ondersteuning')).toBeNull();
  });
});
