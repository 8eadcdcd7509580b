import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fieldGroupNames } from '#app/domain/candidates/rules.js';
import { maskToGroups } from '#app/domain/matching/queries.js';
import {
  partNames,
  scoreMatch,
  type MatchCandidate,
  type MatchVacancy,
  type PartName,
  type Score,
  type ScorePart,
} from '#app/domain/matching/score.js';
import { LocaleContext, translator, type Locale } from '#app/ui/i18n.js';
import { explainPart, ScoreExplanation, type Voice } from './explain.js';
import { matchingText } from './messages.js';

const nl = translator(matchingText, 'nl');
const en = translator(matchingText, 'en');
const labels = new Map([
  ['occ:schoonmaker', 'schoonmaker'],
  ['skill:vloeren', 'vloeren schoonmaken'],
  ['skill:afval', 'afval scheiden'],
  ['skill:ramen', 'ramen wassen'],
  ['skill:machine', 'schoonmaakmachines bedienen'],
]);
const part = (name: PartName, facts: ScorePart['facts'], value: number | null = 1): ScorePart => ({ name, value, weight: 10, facts });
const say = (p: ScorePart, voice: Voice, t = nl) => explainPart(p, voice, t, labels);

describe('explainPart: occupation', () => {
  it('tells an exact fit, a fit in the same ISCO group, and no fit, in both voices', () => {
    const exact = part('beroep', { fit: 'exact', occupation: 'occ:schoonmaker' });
    expect(say(exact, 'kandidaat')).toBe('Dit werk hoort bij het beroep schoonmaker. Dat beroep zoek je.');
    expect(say(exact, 'werkgever')).toBe('Dit werk hoort bij het beroep schoonmaker. Dat beroep zoekt de kandidaat.');
    const group = part('beroep', { fit: 'iscoGroup', occupation: 'occ:schoonmaker' }, 0.6);
    expect(say(group, 'kandidaat')).toBe('Dit werk hoort bij het beroep schoonmaker. Dat lijkt op een beroep dat je zoekt.');
    expect(say(group, 'werkgever')).toBe('Dit werk hoort bij het beroep schoonmaker. Dat lijkt op een beroep dat de kandidaat zoekt.');
    const none = part('beroep', { fit: 'none', occupation: 'occ:schoonmaker' }, 0);
    expect(say(none, 'kandidaat')).toBe('Dit werk hoort bij het beroep schoonmaker. Dat beroep staat niet bij je wensen.');
    expect(say(none, 'werkgever')).toBe('Dit werk hoort bij het beroep schoonmaker. Dat beroep staat niet bij de wensen van de kandidaat.');
  });

  it('names an occupation without a label by its code rather than leaving a gap', () => {
    expect(say(part('beroep', { fit: 'exact', occupation: 'occ:onbekend' }), 'kandidaat')).toContain('het beroep occ:onbekend.');
  });
});

describe('explainPart: skills', () => {
  const some = part('vaardigheden', { covered: 2, wanted: 4, missing: ['skill:ramen', 'skill:machine'] }, 0.5);

  it('counts the required skills and names the missing ones', () => {
    expect(say(some, 'kandidaat')).toBe(
      'Je hebt 2 van de 4 vaardigheden die nodig zijn. Nog niet: ramen wassen en schoonmaakmachines bedienen.',
    );
    expect(say(some, 'werkgever')).toBe(
      'De kandidaat heeft 2 van de 4 vaardigheden die nodig zijn. Nog niet: ramen wassen en schoonmaakmachines bedienen.',
    );
    const three = part('vaardigheden', { covered: 1, wanted: 4, missing: ['skill:vloeren', 'skill:ramen', 'skill:machine'] }, 0.25);
    expect(say(three, 'kandidaat')).toContain('Nog niet: vloeren schoonmaken, ramen wassen en schoonmaakmachines bedienen.');
  });

  it('says so when all, the one, or not the one skill is there', () => {
    expect(say(part('vaardigheden', { covered: 3, wanted: 3, missing: [] }), 'kandidaat')).toBe(
      'Je hebt alle 3 vaardigheden die nodig zijn.',
    );
    expect(say(part('vaardigheden', { covered: 3, wanted: 3, missing: [] }), 'werkgever')).toBe(
      'De kandidaat heeft alle 3 vaardigheden die nodig zijn.',
    );
    expect(say(part('vaardigheden', { covered: 1, wanted: 1, missing: [] }), 'kandidaat')).toBe('Je hebt de vaardigheid die nodig is.');
    expect(say(part('vaardigheden', { covered: 1, wanted: 1, missing: [] }), 'werkgever')).toBe(
      'De kandidaat heeft de vaardigheid die nodig is.',
    );
    const notYet = part('vaardigheden', { covered: 0, wanted: 1, missing: ['skill:afval'] }, 0);
    expect(say(notYet, 'kandidaat')).toBe('Voor dit werk is 1 vaardigheid nodig. Die heb je nog niet: afval scheiden.');
    expect(say(notYet, 'werkgever')).toBe('Voor dit werk is 1 vaardigheid nodig. Die heeft de kandidaat nog niet: afval scheiden.');
  });

  it('tells the extra skills as a bonus, not a must', () => {
    const extra = part('extraVaardigheden', { covered: 1, wanted: 2, missing: ['skill:ramen'] }, 0.5);
    expect(say(extra, 'kandidaat')).toBe(
      'Je hebt 1 van de 2 extra vaardigheden. Nog niet: ramen wassen. Die zijn mooi meegenomen, maar niet nodig.',
    );
    expect(say(extra, 'werkgever')).toBe(
      'De kandidaat heeft 1 van de 2 extra vaardigheden. Nog niet: ramen wassen. Die zijn mooi meegenomen, maar niet nodig.',
    );
    expect(say(part('extraVaardigheden', { covered: 2, wanted: 2, missing: [] }), 'kandidaat')).toBe(
      'Je hebt alle 2 extra vaardigheden. Die zijn mooi meegenomen, maar niet nodig.',
    );
    expect(say(part('extraVaardigheden', { covered: 0, wanted: 1, missing: ['skill:ramen'] }, 0), 'werkgever')).toBe(
      'De kandidaat heeft de extra vaardigheid nog niet: ramen wassen. Die is mooi meegenomen, maar niet nodig.',
    );
  });
});

describe('explainPart: distance, hours, language', () => {
  it('gives the distance against the travel radius, and says when it is too far', () => {
    const near = part('afstand', { km: 6, radiusKm: 10, within: true }, 0.7);
    expect(say(near, 'kandidaat')).toBe('Je woont 6 km van dit werk. Je wilt maximaal 10 km reizen.');
    expect(say(near, 'werkgever')).toBe('De kandidaat woont 6 km van dit werk en wil maximaal 10 km reizen.');
    const far = part('afstand', { km: 14, radiusKm: 10, within: false }, 0.3);
    expect(say(far, 'kandidaat')).toBe('Je woont 14 km van dit werk. Je wilt maximaal 10 km reizen. Dat is verder dan je wilt.');
    expect(say(far, 'werkgever')).toBe(
      'De kandidaat woont 14 km van dit werk en wil maximaal 10 km reizen. Dat is verder dan de kandidaat wil.',
    );
    expect(say(part('afstand', { km: 0, radiusKm: 5, within: true }), 'kandidaat')).toBe(
      'Je woont minder dan 1 km van dit werk. Je wilt maximaal 5 km reizen.',
    );
  });

  it('gives the hours wished and offered', () => {
    const hours = part('uren', { wanted: 24, offered: 32 }, 0.67);
    expect(say(hours, 'kandidaat')).toBe('Je wilt 24 uur per week werken. Dit werk is 32 uur.');
    expect(say(hours, 'werkgever')).toBe('De kandidaat wil 24 uur per week werken. Dit werk is 32 uur.');
  });

  it('gives the Dutch level needed and had, and whether it is enough', () => {
    const low = part('taal', { required: 'B1', has: 'A2' }, 0.5);
    expect(say(low, 'kandidaat')).toBe('Voor dit werk is Nederlands op niveau B1 nodig. Jouw niveau is A2. Dat is nog niet genoeg.');
    expect(say(low, 'werkgever')).toBe(
      'Voor dit werk is Nederlands op niveau B1 nodig. Het niveau van de kandidaat is A2. Dat is nog niet genoeg.',
    );
    expect(say(part('taal', { required: 'B1', has: 'B2' }), 'kandidaat')).toBe(
      'Voor dit werk is Nederlands op niveau B1 nodig. Jouw niveau is B2. Dat is genoeg.',
    );
  });

  it('tells the candidate that the level is missing, but tells an employer only what the job needs', () => {
    const unknown = part('taal', { required: 'B1' }, null);
    expect(say(unknown, 'kandidaat')).toBe('Voor dit werk is Nederlands op niveau B1 nodig. Je niveau staat nog niet in je profiel.');
    expect(say(unknown, 'werkgever')).toBe('Voor dit werk is Nederlands op niveau B1 nodig.');
  });
});

describe('explainPart: availability and support', () => {
  it('tells each availability, and an expired one with what to do', () => {
    const cases: [string, string, string][] = [
      ['beschikbaar', 'Je kunt nu beginnen.', 'De kandidaat kan nu beginnen.'],
      ['binnenkort', 'Je kunt binnenkort beginnen.', 'De kandidaat kan binnenkort beginnen.'],
      ['niet_beschikbaar', 'Je kunt nu niet beginnen.', 'De kandidaat kan nu niet beginnen.'],
    ];
    for (const [status, kandidaat, werkgever] of cases) {
      expect(say(part('beschikbaarheid', { status, expired: false }), 'kandidaat')).toBe(kandidaat);
      expect(say(part('beschikbaarheid', { status, expired: false }), 'werkgever')).toBe(werkgever);
    }
    const expired = part('beschikbaarheid', { status: 'beschikbaar', expired: true }, 0);
    expect(say(expired, 'kandidaat')).toBe(
      'Je beschikbaarheid is verlopen. Bevestig dat je nog werk zoekt. Dat doe je op de pagina Mijn profiel.',
    );
    expect(say(expired, 'werkgever')).toBe(
      'De beschikbaarheid van de kandidaat is verlopen. We weten niet of de kandidaat nog werk zoekt.',
    );
  });

  it('tells support needed against support offered, always with the note that it does not change the score', () => {
    const met = part('ondersteuning', { needed: ['jobcoach'], met: ['jobcoach'], missing: [] }, null);
    expect(say(met, 'kandidaat')).toBe(
      'Je hebt een jobcoach nodig. Deze werkgever biedt een jobcoach. Dit verandert de score niet. Wie hulp nodig heeft, komt daardoor nooit lager in de lijst.',
    );
    expect(say(met, 'werkgever')).toBe(
      'De kandidaat heeft een jobcoach nodig. Deze werkgever biedt een jobcoach. Dit verandert de score niet. Wie hulp nodig heeft, komt daardoor nooit lager in de lijst.',
    );
    const partly = part('ondersteuning', { needed: ['jobcoach', 'vervoer'], met: ['jobcoach'], missing: ['vervoer'] }, null);
    expect(say(partly, 'kandidaat')).toBe(
      'Je hebt een jobcoach en hulp bij vervoer nodig. Deze werkgever biedt een jobcoach. Dit staat niet in de vacature: hulp bij vervoer. Je kunt er wel naar vragen. Dit verandert de score niet. Wie hulp nodig heeft, komt daardoor nooit lager in de lijst.',
    );
    const none = part('ondersteuning', { needed: ['rustige_werkplek'], met: [], missing: ['rustige_werkplek'] }, null);
    expect(say(none, 'werkgever')).toBe(
      'De kandidaat heeft een rustige werkplek nodig. Dit staat niet in de vacature: een rustige werkplek. Dit verandert de score niet. Wie hulp nodig heeft, komt daardoor nooit lager in de lijst.',
    );
  });
});

describe('explainPart: in English', () => {
  it('speaks English from the catalog, with English list words and numbers', () => {
    const skills = part('vaardigheden', { covered: 2, wanted: 4, missing: ['skill:ramen', 'skill:machine'] }, 0.5);
    expect(say(skills, 'kandidaat', en)).toBe(
      'You have 2 of the 4 skills that are needed. Not yet: ramen wassen and schoonmaakmachines bedienen.',
    );
    expect(say(part('afstand', { km: 6, radiusKm: 10, within: true }), 'werkgever', en)).toBe(
      'The candidate lives 6 km from this job and wants to travel at most 10 km.',
    );
    expect(say(part('ondersteuning', { needed: ['jobcoach'], met: ['jobcoach'], missing: [] }, null), 'kandidaat', en)).toBe(
      'You need a job coach. This employer offers a job coach. This does not change the score. Needing support never puts anyone lower in the list.',
    );
    expect(say(part('taal', { required: 'B1', has: 'A2' }), 'kandidaat', en)).toBe(
      'This job needs Dutch at level B1. Your level is A2. That is not enough yet.',
    );
  });
});

describe('explainPart without facts', () => {
  it('says nothing about a part whose facts were not given, in either voice and language', () => {
    for (const name of partNames)
      for (const voice of ['kandidaat', 'werkgever'] as const)
        for (const t of [nl, en]) {
          expect(say(part(name, {}, null), voice, t)).toBeNull();
          expect(say(part(name, {}, 0.5), voice, t)).toBeNull();
        }
  });

  it('says nothing when a fact it needs is missing or of the wrong kind', () => {
    expect(say(part('afstand', { km: 6 }), 'werkgever')).toBeNull();
    expect(say(part('uren', { wanted: 24 }), 'werkgever')).toBeNull();
    expect(say(part('vaardigheden', { covered: 2, wanted: 4 }), 'werkgever')).toBeNull();
    expect(say(part('beroep', { fit: 'exact' }), 'werkgever')).toBeNull();
    expect(say(part('beroep', { fit: 'ander', occupation: 'occ:schoonmaker' }), 'werkgever')).toBeNull();
    expect(say(part('beschikbaarheid', { status: 'misschien', expired: false }), 'werkgever')).toBeNull();
    expect(say(part('ondersteuning', { needed: [], met: [], missing: [] }, null), 'werkgever')).toBeNull();
  });
});

const render = (score: Score, voice: Voice, options: { locale?: Locale; collapsible?: boolean } = {}) =>
  renderToStaticMarkup(
    <LocaleContext.Provider value={options.locale ?? 'nl'}>
      <ScoreExplanation score={score} voice={voice} labels={labels} collapsible={options.collapsible} />
    </LocaleContext.Provider>,
  );
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ');

const fullCandidate: MatchCandidate = {
  wishedOccupations: ['occ:schoonmaker'],
  wishedIscoGroups: ['9112'],
  skills: ['skill:vloeren', 'skill:ramen'],
  hoursPerWeek: 27,
  dutchLevel: 'C1',
  travelRadiusKm: 37,
  availability: 'beschikbaar',
  availabilityExpired: false,
  supportNeeds: ['vervoer', 'rustige_werkplek'],
};
const job: MatchVacancy = {
  occupationUri: 'occ:schoonmaker',
  iscoGroup: '9112',
  requiredSkills: ['skill:vloeren', 'skill:afval'],
  niceSkills: ['skill:ramen', 'skill:machine'],
  hoursPerWeek: 32,
  requiredDutchLevel: 'B1',
  supportOffered: ['jobcoach'],
};

describe('ScoreExplanation', () => {
  it('shows the total, that it is advice, one sentence per part, and the link to the explanation page', () => {
    const score = scoreMatch(fullCandidate, job, 23);
    const html = render(score, 'kandidaat');
    expect(text(html)).toContain(`Past voor ${score.total} van de 100`);
    expect(text(html)).toContain('Deze score is een advies van de computer. Jij beslist zelf of je reageert.');
    expect(html.match(/<dt>/g)).toHaveLength(8);
    expect(text(html)).toContain('Afstand Je woont 23 km van dit werk. Je wilt maximaal 37 km reizen.');
    expect(html).toContain('href="/hoe-werkt-het-matchen"');
    expect(text(html)).not.toContain('Telt niet mee voor de score');
    expect(text(render(score, 'werkgever'))).toContain('Een mens beslist, niet de computer.');
  });

  it('leaves out parts without facts, and names the parts that do not count', () => {
    const score = scoreMatch(
      { ...fullCandidate, hoursPerWeek: null, travelRadiusKm: null, supportNeeds: [] },
      { ...job, requiredDutchLevel: null },
      23,
    );
    const html = render(score, 'kandidaat');
    expect(html.match(/<dt>/g)).toHaveLength(4);
    expect(text(html)).toContain('Telt niet mee voor de score: Afstand, Uren en Nederlandse taal.');
    expect(text(html)).not.toMatch(/Hulp op het werk/);
    const zeroWeight = { ...score, parts: score.parts.map((p) => (p.name === 'beroep' ? { ...p, weight: 0 } : p)) };
    expect(text(render(zeroWeight, 'kandidaat'))).toContain('Telt niet mee voor de score: Beroep, Afstand, Uren en Nederlandse taal.');
  });

  it('folds the reasons under the total in a details element when asked', () => {
    const html = render(scoreMatch(fullCandidate, job, 23), 'werkgever', { collapsible: true, locale: 'en' });
    expect(html).toMatch(/^<details[^>]*><summary><strong>Fits for \d+ out of 100<\/strong>\. Why this score\?<\/summary>/);
    expect(text(html)).toContain('The candidate lives 23 km from this job');
  });

  it('never mentions, for an employer, a field of a group the candidate did not share', () => {
    const secrets: Record<string, string[]> = {
      werkwensen: ['27 uur', 'Dat beroep zoekt de kandidaat'],
      ervaring: ['C1', 'De kandidaat heeft 1 van de 2', 'afval scheiden'],
      locatie: ['23 km', '37 km'],
      beschikbaarheid: ['kan nu beginnen'],
      ondersteuning: ['hulp bij vervoer', 'een rustige werkplek nodig', 'Dit verandert de score niet'],
    };
    fc.assert(
      fc.property(fc.subarray(fieldGroupNames), (groups) => {
        const visible = maskToGroups(fullCandidate, groups);
        const shown = text(render(scoreMatch(visible, job, groups.includes('locatie') ? 23 : null), 'werkgever'));
        for (const [group, words] of Object.entries(secrets)) {
          for (const word of words) {
            if (groups.includes(group as (typeof groups)[number])) expect(shown).toContain(word);
            else expect(shown).not.toContain(word);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
