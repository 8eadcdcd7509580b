import type { InstantieKind } from '#app/db/schema.js';

/**
 * Reference lists for the demo data: the two arbeidsmarktregio's of HalloWerk's first years, the
 * gemeenten in them with the four-digit postcode areas (PC4) of their towns, and sectors that
 * hire people with a distance to the labour market. Postcode ranges are inclusive; not every number
 * in a range is a real area, but each range lies in that gemeente.
 */

export type PostcodeRange = readonly [from: number, to: number];
export type Gemeente = { id: string; name: string; pc4: readonly PostcodeRange[]; weight: number };
export type Region = { id: string; name: string; gemeenten: readonly Gemeente[] };

/** Relative size (weight) follows the number of inhabitants, roughly in thousands. */
// prettier-ignore
export const regions: readonly Region[] = [
  {
    id: 'rijnmond',
    name: 'Rijnmond',
    gemeenten: [
      { id: 'rotterdam', name: 'Rotterdam', weight: 670, pc4: [[3011, 3016], [3021, 3029], [3031, 3039], [3041, 3047], [3051, 3059], [3061, 3069], [3071, 3079], [3081, 3089], [3151, 3151], [3181, 3181]] },
      { id: 'schiedam', name: 'Schiedam', weight: 80, pc4: [[3111, 3119], [3121, 3125]] },
      { id: 'vlaardingen', name: 'Vlaardingen', weight: 75, pc4: [[3131, 3138]] },
      { id: 'maassluis', name: 'Maassluis', weight: 33, pc4: [[3142, 3147]] },
      { id: 'capelle-aan-den-ijssel', name: 'Capelle aan den IJssel', weight: 68, pc4: [[2901, 2909]] },
      { id: 'barendrecht', name: 'Barendrecht', weight: 50, pc4: [[2991, 2994]] },
      { id: 'ridderkerk', name: 'Ridderkerk', weight: 47, pc4: [[2981, 2987]] },
      { id: 'lansingerland', name: 'Lansingerland', weight: 65, pc4: [[2651, 2652], [2661, 2662], [2665, 2666]] },
      { id: 'nissewaard', name: 'Nissewaard', weight: 86, pc4: [[3201, 3209], [3211, 3214]] },
      { id: 'krimpen-aan-den-ijssel', name: 'Krimpen aan den IJssel', weight: 30, pc4: [[2921, 2926]] },
      { id: 'albrandswaard', name: 'Albrandswaard', weight: 27, pc4: [[3161, 3162], [3171, 3172]] },
      { id: 'goeree-overflakkee', name: 'Goeree-Overflakkee', weight: 52, pc4: [[3241, 3258]] },
      { id: 'voorne-aan-zee', name: 'Voorne aan Zee', weight: 71, pc4: [[3221, 3227], [3231, 3238]] },
    ],
  },
  {
    id: 'haaglanden',
    name: 'Haaglanden',
    gemeenten: [
      { id: 'den-haag', name: 'Den Haag', weight: 560, pc4: [[2491, 2498], [2511, 2597]] },
      { id: 'delft', name: 'Delft', weight: 105, pc4: [[2611, 2629]] },
      { id: 'leidschendam-voorburg', name: 'Leidschendam-Voorburg', weight: 78, pc4: [[2261, 2267], [2271, 2275]] },
      { id: 'midden-delfland', name: 'Midden-Delfland', weight: 20, pc4: [[2635, 2636], [3155, 3155]] },
      { id: 'pijnacker-nootdorp', name: 'Pijnacker-Nootdorp', weight: 57, pc4: [[2631, 2632], [2641, 2645]] },
      { id: 'rijswijk', name: 'Rijswijk', weight: 58, pc4: [[2281, 2289]] },
      { id: 'wassenaar', name: 'Wassenaar', weight: 27, pc4: [[2241, 2245]] },
      { id: 'westland', name: 'Westland', weight: 113, pc4: [[2291, 2291], [2295, 2295], [2671, 2671], [2675, 2678], [2681, 2685], [2691, 2694]] },
      { id: 'zoetermeer', name: 'Zoetermeer', weight: 126, pc4: [[2711, 2729]] },
    ],
  },
];

export type SeedInstantie = {
  id: string;
  name: string;
  kind: InstantieKind;
  regionId: string;
  gemeenten: readonly Gemeente[];
  weight: number;
};

/**
 * Every gemeente is an instantie; each region also has UWV (banenafspraak, Wajong) and an
 * SW-bedrijf (beschut werk), which serve the whole region.
 */
export const seedInstanties: readonly SeedInstantie[] = regions.flatMap((region) => {
  const total = region.gemeenten.reduce((sum, g) => sum + g.weight, 0);
  return [
    ...region.gemeenten.map((g) => ({
      id: g.id,
      name: `Gemeente ${g.name}`,
      kind: 'gemeente' as const,
      regionId: region.id,
      gemeenten: [g],
      weight: g.weight,
    })),
    {
      id: `uwv-${region.id}`,
      name: `UWV ${region.name}`,
      kind: 'uwv' as const,
      regionId: region.id,
      gemeenten: region.gemeenten,
      weight: Math.round(total * 0.12),
    },
    {
      id: `sw-${region.id}`,
      name: `SW-bedrijf ${region.name}`,
      kind: 'sw_bedrijf' as const,
      regionId: region.id,
      gemeenten: region.gemeenten,
      weight: Math.round(total * 0.04),
    },
  ];
});

/** The instantie of the demo log-ins. */
export const demoInstantieId = 'rotterdam';

export type Sector = {
  name: string;
  /** Company name forms; `{name}` is a family name, `{place}` the town of the head office. */
  names: readonly string[];
  /** Labels of occupations in the built-in ESCO list (src/domain/taxonomy/builtin.ts). */
  occupations: readonly string[];
  /** Labels of skills in the built-in list that vacancies of this sector ask for. */
  skills: readonly string[];
  weight: number;
};

export const sectors: readonly Sector[] = [
  {
    name: 'Schoonmaak',
    names: ['Schoonmaakbedrijf {name}', '{name} Schoonmaakdiensten', 'Glans & {name} {place}', '{name} Schoon {place}'],
    occupations: ['schoonmaker gebouwen', 'interieurverzorger', 'medewerker huishoudelijke dienst', 'glazenwasser'],
    skills: ['hygiënisch werken', 'zorgen voor hygiëne', 'zelfstandig werken', 'afspraken nakomen', 'aandacht hebben voor details'],
    weight: 14,
  },
  {
    name: 'Logistiek',
    names: ['{name} Logistiek', 'Distributiecentrum {name} {place}', 'Transportbedrijf {name}', '{name} Warehousing'],
    occupations: [
      'magazijnmedewerker',
      'orderpicker',
      'expeditiemedewerker',
      'heftruckchauffeur',
      'auto- en bestelwagenkoerier',
      'vrachtwagenchauffeur',
      'verhuizer',
    ],
    skills: [
      'magazijnwerkzaamheden',
      'vorkheftruck bedienen',
      'handheld apparaten bedienen',
      'lading lossen',
      'zware gewichten tillen',
      'magazijnmaterialen gebruiken',
    ],
    weight: 16,
  },
  {
    name: 'Productie',
    names: ['{name} Metaal', '{name} Productie', 'Verpakkingsbedrijf {name}', '{name} Assemblage {place}'],
    occupations: [
      'productiemedewerker',
      'inpakker met de hand',
      'assemblagemedewerker metaal',
      'assemblagemedewerker elektrische apparatuur',
    ],
    skills: [
      'verpakkingsmachines bedienen',
      'kwaliteitsnormen toepassen',
      'veiligheidsvoorschriften op het werk volgen',
      'controleren op beschadigde artikelen',
      'efficiënt werken',
    ],
    weight: 11,
  },
  {
    name: 'Groen',
    names: ['Hoveniersbedrijf {name}', 'Groenvoorziening {name} {place}', '{name} Tuinen', 'Stadsgroen {name}'],
    occupations: ['medewerker groenvoorziening/medewerkster groenvoorziening', 'hovenier', 'straatveger'],
    skills: ['in teamverband werken', 'veiligheidsvoorschriften op het werk volgen', 'zware gewichten tillen', 'volhouden'],
    weight: 8,
  },
  {
    name: 'Glastuinbouw',
    names: ['Kwekerij {name}', '{name} Tomaten', 'Tuinderij {name}', 'Sierteelt {name} {place}'],
    occupations: ['tuinbouwmedewerker', 'plukker', 'inpakker met de hand'],
    skills: ['volhouden', 'efficiënt werken', 'hygiënisch werken', 'in teamverband werken'],
    weight: 6,
  },
  {
    name: 'Horeca',
    names: ['Restaurant {name}', 'Eetcafé {name}', 'Lunchroom {name} {place}', 'Hotel {name} {place}'],
    occupations: ['keukenhulp', 'medewerker keuken', 'medewerker fastfood', 'ober/serveerster', 'medewerker linnenkamer'],
    skills: [
      'gezondheids-, veiligheids- en hygiënewetgeving op het gebied van voedsel naleven',
      'klanten tevredenstellen',
      'omgaan met druk',
      'onbewerkt voedsel opslaan',
      'communiceren met klanten',
    ],
    weight: 10,
  },
  {
    name: 'Detailhandel',
    names: ['Supermarkt {name}', '{name} Bouwmarkt', 'Tweedehandswinkel {name}', 'Fietsenwinkel {name} {place}'],
    occupations: ['schappenvuller', 'winkelmedewerker', 'kassamedewerker', 'fietsenmaker'],
    skills: ['klantenservice', 'betalingen verwerken', 'communiceren met klanten', 'werkgerelateerde berekeningen uitvoeren'],
    weight: 10,
  },
  {
    name: 'Zorg en welzijn',
    names: ['Zorggroep {name} {place}', 'Thuiszorg {name}', 'Woonzorgcentrum {name}', 'Stichting Welzijn {name}'],
    occupations: ['zorghulp', 'thuiszorgmedewerker', 'medewerker huishoudelijke dienst', 'medewerker linnenkamer'],
    skills: [
      'rekening houden met anderen',
      'goede omgangsvormen tonen',
      'hygiënisch werken',
      'eerste hulp',
      'mondeling communiceren in het Nederlands',
    ],
    weight: 8,
  },
  {
    name: 'Bouw en techniek',
    names: ['Bouwbedrijf {name}', '{name} Installatietechniek', 'Schildersbedrijf {name}', 'Aannemersbedrijf {name}'],
    occupations: ['opperman bouw', 'schilder bouw', 'klusjesman'],
    skills: ['veiligheidsvoorschriften op het werk volgen', 'zware gewichten tillen', 'ergonomisch werken', 'in teamverband werken'],
    weight: 7,
  },
  {
    name: 'Afval en recycling',
    names: ['Recyclingbedrijf {name}', '{name} Milieudiensten', 'Kringloop {name} {place}', 'Afvalverwerking {name}'],
    occupations: ['vuilnisophaler', 'recyclingmedewerker', 'straatveger'],
    skills: ['afval sorteren', 'veiligheidsvoorschriften op het werk volgen', 'in teamverband werken'],
    weight: 5,
  },
  {
    name: 'Facilitaire dienstverlening',
    names: ['{name} Facilitair', 'Beveiligingsbedrijf {name}', 'Postbezorging {name} {place}', 'Servicebureau {name}'],
    occupations: ['receptionist', 'callcentermedewerker', 'beveiliger', 'kantoorbediende', 'conciërge', 'postbode', 'folderbezorger'],
    skills: [
      'kantoorsoftware',
      'communiceren met klanten',
      'online communicatiemiddelen gebruiken',
      'tijd beheren',
      'betrouwbaarheid tonen',
    ],
    weight: 7,
  },
  {
    name: 'Mobiliteit',
    names: ['Autowasstraat {name} {place}', '{name} Autoservice', 'Garage {name}', 'Fietsenstalling {name}'],
    occupations: ['autopoetser', 'fietsenmaker', 'auto- en bestelwagenkoerier'],
    skills: ['procedures voor autoreiniging', 'navigeren met gps', 'kaarten lezen', 'aandacht hebben voor details'],
    weight: 4,
  },
];

/** Skills nearly every job asks for; candidates list some of them too. */
export const transversalSkills: readonly string[] = [
  'in teamverband werken',
  'samenwerken met collega’s',
  'afspraken nakomen',
  'betrouwbaarheid tonen',
  'zelfstandig werken',
  'leerbereidheid tonen',
  'zich inspannen',
  'omgaan met anderen',
  'initiatief tonen',
  'zich aanpassen aan veranderingen',
];

/** Languages that candidates in the two regions often speak besides Dutch. */
export const otherLanguages = [
  'Engels',
  'Arabisch',
  'Turks',
  'Tamazight',
  'Papiaments',
  'Pools',
  'Tigrinya',
  'Somalisch',
  'Farsi',
  'Oekraïens',
  'Portugees',
  'Sranantongo',
  'Bulgaars',
  'Roemeens',
  'Spaans',
] as const;

/** Short texts candidates write about themselves, in B1 Dutch. */
export const aboutTexts = [
  'Ik werk graag met mijn handen en ben altijd op tijd.',
  'Ik zoek werk in een vast team. Ik heb graag duidelijke afspraken.',
  'Ik heb eerder in een magazijn gewerkt en wil dat weer doen.',
  'Ik ben rustig en werk nauwkeurig. Een drukke werkplek vind ik lastig.',
  'Ik kook graag en wil in een keuken leren werken.',
  'Ik werk graag buiten, in weer en wind.',
  'Ik help graag mensen. Ik wil in de zorg beginnen met een leerwerkplek.',
  'Ik heb een rijbewijs B en een eigen fiets.',
  'Ik leer Nederlands en wil het op mijn werk oefenen.',
  'Ik wil graag een paar dagen per week werken, dichtbij huis.',
  'Ik ben handig met computers en wil op kantoor werken.',
  'Na een lange tijd thuis wil ik weer aan de slag, stap voor stap.',
] as const;

/** What open-hiring work asks of the body, in plain words; the candidate judges it themself. */
export const physicalRequirements = [
  'Je staat het grootste deel van de dag. Je tilt soms dozen tot 15 kilo.',
  'Je loopt veel en je bukt vaak. Je werkt soms in de kou.',
  'Je zit of staat aan een werkbank. Je doet steeds hetzelfde werk met je handen.',
  'Je werkt buiten, ook als het regent. Je tilt en duwt karren.',
];

export const vacancyIntros = [
  'Wij zoeken een collega die graag met de handen werkt.',
  'Kom ons team versterken. Je krijgt een goede inwerkperiode.',
  'Bij ons werk je in een vast team met een vaste begeleider.',
  'Geen ervaring nodig: wij leren je het vak.',
  'Je werkt op vaste dagen en tijden. Zo weet je waar je aan toe bent.',
] as const;
