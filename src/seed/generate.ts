import { randomUUID } from 'node:crypto';
import { Faker, base, nl } from '@faker-js/faker';
import type { Selectable } from 'kysely';
import type { Database, DutchLevel, EmployerCategory, PsoLevel } from '#app/db/schema.js';
import { newPseudonym } from '#app/domain/candidates/commands.js';
import {
  availabilityExpiresAt,
  dayOptions,
  defaultVisibility,
  educationLevels,
  fieldGroupNames,
  supportNeedOptions,
  travelModeOptions,
  visibilityLevels,
  type Visibility,
} from '#app/domain/candidates/rules.js';
import { isValidKvkNumber } from '#app/domain/employers/rules.js';
import { builtinOccupations, builtinSkills } from '#app/domain/taxonomy/builtin.js';
import { supportOfferedOptions, type ContractType, type SuitabilityFlag } from '#app/domain/vacancies/rules.js';
import {
  aboutTexts,
  otherLanguages,
  sectors,
  transversalSkills,
  vacancyIntros,
  physicalRequirements,
  type Gemeente,
  type SeedInstantie,
  type Sector,
} from './data.js';

/**
 * Pure generation of demo rows from a seeded random source: no I/O, so the same seed always gives
 * the same people and organisations. Row ids are random uuids (the database's own kind); they are
 * the only part that differs between two runs with one seed.
 */

/** A row as the seed writes it: every column but the facts the database keeps itself (migration 0009). */
export type Row<T extends keyof Database> = Omit<Selectable<Database[T]>, 'consent_given'>;

const day = 24 * 60 * 60 * 1000;

export class DemoRandom {
  readonly faker: Faker;
  constructor(seed: number | number[]) {
    this.faker = new Faker({ locale: [nl, base] });
    this.faker.seed(seed);
  }
  int(min: number, max: number): number {
    return this.faker.number.int({ min, max });
  }
  chance(probability: number): boolean {
    return this.faker.number.float({ min: 0, max: 1 }) < probability;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(0, list.length - 1)]!;
  }
  /** Between `min` and `max` distinct elements, in the list's own order. */
  some<T>(list: readonly T[], min: number, max: number): T[] {
    const count = Math.min(list.length, this.int(min, max));
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(this.int(0, list.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.faker.number.float({ min: 0, max: total });
    for (const [value, weight] of entries) {
      point -= weight;
      if (point < 0) return value;
    }
    return entries[entries.length - 1]![0];
  }
  /** A moment between `from` and `to`. */
  between(from: Date, to: Date): Date {
    return new Date(from.getTime() + this.faker.number.float({ min: 0, max: 1 }) * (to.getTime() - from.getTime()));
  }
  /** A moment `minDays`–`maxDays` before `from`. */
  daysBefore(from: Date, minDays: number, maxDays: number): Date {
    return new Date(from.getTime() - this.faker.number.float({ min: minDays, max: maxDays }) * day);
  }
}

const occupationUri = new Map(builtinOccupations.map((o) => [o.label, o.uri]));
const skillUri = new Map(builtinSkills.map((s) => [s.label, s.uri]));
function uriOf(index: Map<string, string>, label: string): string {
  const uri = index.get(label);
  if (!uri) throw new Error(`Demogegevens: "${label}" staat niet in de ingebouwde ESCO-lijst.`);
  return uri;
}
export const occupationUriOf = (label: string) => uriOf(occupationUri, label);
export const skillUriOf = (label: string) => uriOf(skillUri, label);

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "medewerker groenvoorziening/medewerkster groenvoorziening" reads as one title on a vacancy. */
const jobTitle = (label: string) => capitalise(label.length > 30 && label.includes('/') ? label.split('/')[0]! : label);

/** ASCII letters of a name, for an e-mail address. */
export function mailName(first: string, last: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[^A-Za-z]/g, '')
      .toLowerCase();
  return `${clean(first)}.${clean(last)}`;
}

const postcodeLetters = 'ABCDEGHJKLMNPRSTVWXZ';
/** A postcode in the gemeente (letters as PostNL uses them; SA, SD and SS never occur). */
export function postcodeIn(r: DemoRandom, gemeente: Gemeente): string {
  const size = gemeente.pc4.reduce((sum, [from, to]) => sum + to - from + 1, 0);
  let n = r.int(0, size - 1);
  let pc4 = 0;
  for (const [from, to] of gemeente.pc4) {
    if (n <= to - from) {
      pc4 = from + n;
      break;
    }
    n -= to - from + 1;
  }
  let letters: string;
  do letters = r.pick([...postcodeLetters]) + r.pick([...postcodeLetters]);
  while (letters === 'SA' || letters === 'SD' || letters === 'SS');
  return `${pc4}${letters}`;
}

export const pickSector = (r: DemoRandom): Sector => r.weighted(sectors.map((s) => [s, s.weight] as const));
export const pickGemeente = (r: DemoRandom, gemeenten: readonly Gemeente[]): Gemeente =>
  r.weighted(gemeenten.map((g) => [g, g.weight] as const));

export function companyName(r: DemoRandom, sector: Sector, place: string): string {
  return r.pick(sector.names).replace('{name}', capitalise(r.faker.person.lastName())).replace('{place}', place);
}

export function userRow(input: { name: string; email: string; createdAt: Date }): Row<'user'> {
  return {
    id: randomUUID(),
    name: input.name,
    email: input.email,
    emailVerified: false,
    image: null,
    createdAt: input.createdAt,
    updatedAt: input.createdAt,
  };
}

export function membershipRow(
  userId: string,
  role: Row<'membership'>['role'],
  place: { instantieId?: string; employerId?: string },
  createdAt: Date,
): Row<'membership'> {
  return {
    id: randomUUID(),
    user_id: userId,
    role,
    instantie_id: place.instantieId ?? null,
    employer_id: place.employerId ?? null,
    created_at: createdAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Employers

export type EmployerPlan = {
  employer: Row<'employer'>;
  locations: Row<'employer_location'>[];
  categories: Row<'employer_category'>[];
  changes: Row<'employer_category_change'>[];
  users: Row<'user'>[];
  memberships: Row<'membership'>[];
  vacancies: Row<'vacancy'>[];
};

export type EmployerContext = {
  home: Gemeente;
  region: { id: string; gemeenten: readonly Gemeente[] };
  /** Forces the category at the home gemeente (the demo employer is a preferred partner). */
  category?: EmployerCategory;
  kvkTaken: Set<string>;
  beheerderOf: (instantieId: string) => string;
  nextNumber: () => number;
  now: Date;
};

const psoByCategory: Record<EmployerCategory, readonly (readonly [PsoLevel, number])[]> = {
  preferred: [
    ['trede_3', 45],
    ['trede_2', 35],
    ['trede_1', 12],
    ['basistrede', 8],
  ],
  committed: [
    ['trede_1', 25],
    ['basistrede', 30],
    ['aspirant', 25],
    ['geen', 20],
  ],
  business_as_usual: [
    ['geen', 85],
    ['aspirant', 10],
    ['basistrede', 5],
  ],
};
const codeSoChance: Record<EmployerCategory, number> = { preferred: 0.55, committed: 0.15, business_as_usual: 0.02 };
const lower: Record<EmployerCategory, EmployerCategory> = {
  preferred: 'committed',
  committed: 'business_as_usual',
  business_as_usual: 'business_as_usual',
};

const promotionReasons: Record<Exclude<EmployerCategory, 'business_as_usual'>, readonly string[]> = {
  preferred: [
    'Sociale onderneming; plaatst al jaren mensen met een grote afstand tot werk.',
    'Houdt mensen lang in dienst en meet de impact van het werk.',
    'Goede resultaten bij de steekproef; eigen jobcoaches op de werkvloer.',
  ],
  committed: [
    'Inclusieve werkgever; wil meer mensen plaatsen.',
    'Heeft drie kandidaten goed ingewerkt; begeleiding op afroep nodig.',
    'Doet mee aan de banenafspraak en heeft een vaste contactpersoon.',
  ],
};

function newKvkNumber(r: DemoRandom, taken: Set<string>): string {
  let kvk: string;
  do kvk = String(r.int(10_000_000, 99_999_999));
  while (taken.has(kvk) || !isValidKvkNumber(kvk));
  taken.add(kvk);
  return kvk;
}

export function generateEmployer(r: DemoRandom, ctx: EmployerContext): EmployerPlan {
  const sector = pickSector(r);
  const baseCategory =
    ctx.category ??
    r.weighted<EmployerCategory>([
      ['preferred', 15],
      ['committed', 30],
      ['business_as_usual', 55],
    ]);
  const psoLevel = r.weighted(psoByCategory[baseCategory]);
  const createdAt = r.daysBefore(ctx.now, 90, 1500);
  const employerId = randomUUID();
  const employer: Row<'employer'> = {
    id: employerId,
    name: companyName(r, sector, ctx.home.name),
    kvk_number: newKvkNumber(r, ctx.kvkTaken),
    sector: sector.name,
    pso_level: psoLevel,
    pso_evidence_date: psoLevel === 'geen' ? null : r.daysBefore(ctx.now, 10, 700).toISOString().slice(0, 10),
    code_sociale_ondernemingen: r.chance(codeSoChance[baseCategory]),
    created_at: createdAt,
    updated_at: createdAt,
  };

  const places = [
    ctx.home,
    ...r.some(
      ctx.region.gemeenten.filter((g) => g.id !== ctx.home.id),
      0,
      r.chance(0.3) ? 2 : 0,
    ),
  ];
  const locations = places.map((place, i) => ({
    id: randomUUID(),
    employer_id: employerId,
    name: i === 0 ? 'Hoofdvestiging' : `Vestiging ${place.name}`,
    postcode: postcodeIn(r, place),
  }));

  // The instanties this employer works with, each with its own category and its history.
  const atInstantie: [string, EmployerCategory][] = [
    [ctx.home.id, baseCategory],
    [`uwv-${ctx.region.id}`, r.chance(0.8) ? baseCategory : lower[baseCategory]],
  ];
  if (r.chance(0.3)) atInstantie.push([`sw-${ctx.region.id}`, r.chance(0.6) ? baseCategory : 'business_as_usual']);
  const neighbour = r.pick(ctx.region.gemeenten);
  if (neighbour.id !== ctx.home.id && r.chance(0.3)) atInstantie.push([neighbour.id, r.chance(0.5) ? baseCategory : lower[baseCategory]]);
  const categories: Row<'employer_category'>[] = [];
  const changes: Row<'employer_category_change'>[] = [];
  for (const [instantieId, category] of atInstantie) {
    const decidedBy = ctx.beheerderOf(instantieId);
    const start = new Date(createdAt.getTime() + r.int(0, 20) * day);
    changes.push({
      id: randomUUID(),
      employer_id: employerId,
      instantie_id: instantieId,
      from_category: null,
      to_category: 'business_as_usual',
      reason: 'Nieuwe werkgever: begint als business-as-usual partner.',
      decided_by: decidedBy,
      decided_at: start,
    });
    let since = start;
    if (category !== 'business_as_usual') {
      since = new Date(start.getTime() + r.faker.number.float({ min: 0.1, max: 0.9 }) * (ctx.now.getTime() - start.getTime()));
      changes.push({
        id: randomUUID(),
        employer_id: employerId,
        instantie_id: instantieId,
        from_category: 'business_as_usual',
        to_category: category,
        reason: r.pick(promotionReasons[category]),
        decided_by: decidedBy,
        decided_at: since,
      });
    }
    categories.push({ employer_id: employerId, instantie_id: instantieId, category, since });
  }

  const users: Row<'user'>[] = [];
  const memberships: Row<'membership'>[] = [];
  for (let i = r.chance(0.3) ? 2 : 1; i > 0; i--) {
    const first = r.faker.person.firstName();
    const last = r.faker.person.lastName();
    const user = userRow({
      name: `${first} ${last}`,
      email: `${mailName(first, last)}.${ctx.nextNumber()}@werkgever.demo.werkregie.nl`,
      createdAt,
    });
    users.push(user);
    memberships.push(membershipRow(user.id, 'werkgever', { employerId }, createdAt));
  }

  const vacancies: Row<'vacancy'>[] = [];
  const generous = baseCategory !== 'business_as_usual';
  for (let i = r.int(2, 4); i > 0; i--) {
    const occupation = r.pick(sector.occupations);
    const hours = r.pick([12, 16, 20, 24, 24, 32, 32, 36, 38, 40]);
    const location = r.pick(locations);
    const status = r.weighted<Row<'vacancy'>['status']>([
      ['open', 70],
      ['concept', 10],
      ['filled', 10],
      ['closed', 10],
    ]);
    const created = new Date(Math.max(createdAt.getTime(), r.daysBefore(ctx.now, 1, 200).getTime()));
    const place = places[locations.indexOf(location)]!.name;
    const contractType = r.weighted<ContractType>([
      ['vast', 15],
      ['tijdelijk', 35],
      ['proefplaatsing', 20],
      ['leerwerktraject', 15],
      ['detachering', 10],
      ['beschut_werk', sector.name === 'Productie' ? 15 : 2],
    ]);
    const suitability: SuitabilityFlag[] = r.some(['proefplaatsing', 'loonkostensubsidie', 'open_hiring'] as const, generous ? 1 : 0, 2);
    if (contractType === 'beschut_werk') suitability.push('beschut_werk');
    const required = r.some(sector.skills, 1, 3);
    // About half ask for some Dutch, mostly A2 or B1; the rest ask nothing.
    const requiredDutchLevel = r.chance(0.5)
      ? r.weighted<DutchLevel>([
          ['A1', 10],
          ['A2', 40],
          ['B1', 40],
          ['B2', 10],
        ])
      : null;
    vacancies.push({
      id: randomUUID(),
      employer_id: employerId,
      title: jobTitle(occupation),
      description: `${r.pick(vacancyIntros)} Je werkt ${hours} uur per week in ${place}. ${generous ? 'Je krijgt een vaste begeleider op de werkvloer.' : 'Je collega’s leren je het werk.'}`,
      postcode: location.postcode,
      hours_per_week: hours,
      physical_requirements: suitability.includes('open_hiring') ? physicalRequirements[hours % physicalRequirements.length]! : null, // not from r: the demo data stay as they were
      contract_type: contractType,
      occupation_uri: occupationUriOf(occupation),
      required_dutch_level: requiredDutchLevel,
      required_skills: required.map(skillUriOf),
      nice_skills: r
        .some(
          transversalSkills.filter((label) => !required.includes(label)),
          0,
          2,
        )
        .map(skillUriOf),
      support_offered: r.some(supportOfferedOptions, generous ? 2 : 0, generous ? 4 : 1),
      suitability,
      status,
      published_until:
        status === 'open'
          ? new Date(ctx.now.getTime() + r.int(7, 90) * day).toISOString().slice(0, 10)
          : status === 'concept'
            ? null
            : r.between(created, ctx.now).toISOString().slice(0, 10),
      published_at: status === 'concept' ? null : created,
      created_at: created,
      updated_at: created,
    });
  }
  return { employer, locations, categories, changes, users, memberships, vacancies };
}

// ---------------------------------------------------------------------------------------------
// Candidates

export type CandidatePlan = {
  candidate: Row<'candidate'>;
  user: Row<'user'> | null;
  membership: Row<'membership'> | null;
  consents: Row<'consent'>[];
};

export type CandidateContext = {
  instantie: SeedInstantie;
  consultantUserId: string;
  pseudonymsTaken: Set<string>;
  nextNumber: () => number;
  now: Date;
  /** The demo candidate: a full profile, logged in as this user, with this name and e-mail. */
  demo?: { userId: string; firstName: string; lastName: string; email: string };
};

const homeLanguages = ['Arabisch', 'Tigrinya', 'Farsi', 'Somalisch', 'Oekraïens'] as const;
const cefr = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'] as const;

function targetGroupsFor(r: DemoRandom, kind: SeedInstantie['kind']): string[] {
  const groups = new Set<string>();
  if (kind === 'gemeente') {
    const benefit = r.weighted([
      ['participatiewet', 80],
      ['nug', 12],
      ['', 8],
    ]);
    if (benefit) groups.add(benefit);
    if (r.chance(0.15)) groups.add('statushouder');
    if (r.chance(0.25)) groups.add('doelgroepregister');
  } else if (kind === 'uwv') {
    if (r.chance(0.5)) groups.add('wajong');
    if (r.chance(0.75)) groups.add('doelgroepregister');
  } else {
    if (r.chance(0.6)) groups.add('doelgroepregister');
    if (r.chance(0.3)) groups.add('wajong');
    if (r.chance(0.4)) groups.add('participatiewet');
  }
  return ['doelgroepregister', 'participatiewet', 'nug', 'statushouder', 'wajong'].filter((g) => groups.has(g));
}

function visibilityChoice(r: DemoRandom): Visibility {
  const result = { ...defaultVisibility };
  for (const group of fieldGroupNames) if (r.chance(0.3)) result[group] = r.pick(visibilityLevels);
  return result;
}

export function generateCandidate(r: DemoRandom, ctx: CandidateContext): CandidatePlan {
  const { instantie, now, demo } = ctx;
  const id = randomUUID();
  const firstName = demo?.firstName ?? r.faker.person.firstName();
  const lastName = demo?.lastName ?? r.faker.person.lastName();
  const regie = demo
    ? 'samen'
    : r.weighted([
        ['zelf', 30],
        ['samen', 45],
        ['begeleid', 25],
      ] as const);
  const targetGroups = targetGroupsFor(r, instantie.kind);
  const statushouder = targetGroups.includes('statushouder');
  const complete = !!demo || r.chance(0.85);
  const gemeente = pickGemeente(r, instantie.gemeenten);

  const sector = pickSector(r);
  const wished = r.some(sector.occupations, 1, 2);
  if (r.chance(0.3)) wished.push(r.pick(pickSector(r).occupations));
  const skills = [...r.some(sector.skills, 1, 2), ...r.some(transversalSkills, 1, 3)];
  const hours =
    regie === 'begeleid' ? r.pick([8, 12, 16, 20, 24]) : regie === 'samen' ? r.pick([12, 16, 20, 24, 32]) : r.pick([16, 24, 32, 36, 40]);
  const weekdays = r.some(dayOptions.slice(0, 5), Math.min(5, Math.ceil(hours / 8)), Math.min(5, Math.ceil(hours / 8)));
  const days = r.chance(0.08) ? [...weekdays, 'za'] : weekdays;
  const dutchLevel = statushouder
    ? r.weighted([
        ['A0', 10],
        ['A1', 30],
        ['A2', 35],
        ['B1', 20],
        ['B2', 5],
      ] as const)
    : r.weighted([
        ['A2', 5],
        ['B1', 20],
        ['B2', 30],
        ['C1', 25],
        ['C2', 20],
      ] as const);
  const languages = statushouder
    ? [
        { language: r.pick(homeLanguages), level: 'C2' as const },
        ...(r.chance(0.4) ? [{ language: 'Engels', level: r.pick(cefr.slice(1, 4)) }] : []),
      ]
    : r.chance(0.4)
      ? [{ language: r.pick(otherLanguages), level: r.pick(cefr.slice(2)) }]
      : [];
  const experience = Array.from({ length: r.int(0, 3) }, () => {
    const s = pickSector(r);
    return {
      title: jobTitle(r.pick(s.occupations)),
      employer: companyName(r, s, pickGemeente(r, instantie.gemeenten).name),
      years: r.int(0, 8),
    };
  });
  const [stepMin, stepMax] = regie === 'zelf' ? [4, 6] : regie === 'samen' ? [3, 5] : [1, 4];
  const [needMin, needMax] = regie === 'zelf' ? [0, 1] : regie === 'samen' ? [0, 2] : [1, 3];

  const confirmedAt = demo ? r.daysBefore(now, 2, 4) : r.daysBefore(now, 0, 70);
  const createdAt = r.daysBefore(confirmedAt, 0, 700);
  const hasAccount = !!demo || r.chance(0.65);
  const email =
    demo?.email ?? (hasAccount || r.chance(0.3) ? `${mailName(firstName, lastName)}.${ctx.nextNumber()}@demo.werkregie.nl` : null);
  const user = demo ? null : hasAccount && email ? userRow({ name: `${firstName} ${lastName}`, email, createdAt }) : null;
  const userId = demo?.userId ?? user?.id ?? null;

  let pseudonym: string;
  do pseudonym = newPseudonym((max) => r.int(0, max - 1));
  while (ctx.pseudonymsTaken.has(pseudonym));
  ctx.pseudonymsTaken.add(pseudonym);

  const candidate: Row<'candidate'> = {
    id,
    instantie_id: instantie.id,
    user_id: userId,
    consultant_user_id: ctx.consultantUserId,
    pseudonym,
    first_name: firstName,
    last_name: lastName,
    email,
    phone: complete || r.chance(0.5) ? `06 ${r.faker.string.numeric(8)}` : null,
    postcode: complete || r.chance(0.5) ? postcodeIn(r, gemeente) : null,
    travel_radius_km: r.pick([2, 5, 5, 10, 10, 15, 20, 25]),
    travel_modes: r.some(travelModeOptions, 1, 2),
    hours_per_week: complete || r.chance(0.5) ? hours : null,
    days: complete ? days : [],
    wished_occupations: wished.filter((label, i) => wished.indexOf(label) === i).map(occupationUriOf),
    skills: complete ? skills.filter((label, i) => skills.indexOf(label) === i).map(skillUriOf) : [],
    work_experience: experience,
    education_level: complete || r.chance(0.4) ? r.weighted(educationWeights) : null,
    languages,
    dutch_level: complete || r.chance(0.5) ? dutchLevel : null,
    support_needs: r.some(supportNeedOptions, needMin, needMax),
    participation_step: complete || r.chance(0.5) ? r.int(stepMin, stepMax) : null,
    regie_level: regie,
    target_groups: targetGroups,
    about: demo
      ? 'Ik werk graag met mijn handen en ben altijd op tijd. Ik zoek werk dichtbij huis.'
      : r.chance(0.5)
        ? r.pick(aboutTexts)
        : null,
    availability: demo
      ? 'beschikbaar'
      : r.weighted([
          ['beschikbaar', 65],
          ['binnenkort', 20],
          ['niet_beschikbaar', 15],
        ] as const),
    availability_confirmed_at: confirmedAt,
    availability_expires_at: availabilityExpiresAt(confirmedAt),
    visibility: demo ? { ...defaultVisibility } : visibilityChoice(r),
    anonymous: demo ? true : r.chance(0.8),
    created_at: createdAt,
    updated_at: confirmedAt,
  };

  const consents: Row<'consent'>[] = [];
  const consented = !!demo || r.chance(0.7);
  const byCandidate = userId !== null && regie !== 'begeleid' && (!!demo || r.chance(0.6));
  const givenBy = byCandidate ? userId : ctx.consultantUserId;
  const givenAt = r.between(createdAt, now);
  const recordedAs = byCandidate ? 'kandidaat' : 'consulent_met_kandidaat';
  if (consented) {
    consents.push({
      id: randomUUID(),
      candidate_id: id,
      scope: 'zichtbaar_voor_werkgevers',
      given_at: givenAt,
      given_by: givenBy,
      recorded_as: recordedAs,
      withdrawn_at: null,
      withdrawn_by: null,
    });
  } else if (r.chance(0.1)) {
    const withdrawnAt = r.between(givenAt, now);
    consents.push({
      id: randomUUID(),
      candidate_id: id,
      scope: 'zichtbaar_voor_werkgevers',
      given_at: givenAt,
      given_by: givenBy,
      recorded_as: recordedAs,
      withdrawn_at: withdrawnAt,
      withdrawn_by: givenBy,
    });
  }
  const membership = user ? membershipRow(user.id, 'kandidaat', { instantieId: instantie.id }, createdAt) : null;
  return { candidate, user, membership, consents };
}

const educationWeights: readonly (readonly [(typeof educationLevels)[number], number])[] = [
  ['geen', 5],
  ['basisonderwijs', 8],
  ['praktijkonderwijs', 10],
  ['vso', 8],
  ['vmbo', 25],
  ['mbo_1', 10],
  ['mbo_2', 14],
  ['mbo_3', 6],
  ['mbo_4', 5],
  ['havo_vwo', 5],
  ['hbo_wo', 4],
];
