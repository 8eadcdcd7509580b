/**
 * A compact built-in taxonomy of entry-level occupations and basic skills: the embedded default,
 * written to the database at start-up (`ensureBuiltinTaxonomy` in queries.ts). Every URI is a real
 * ESCO concept, so records stored against it stay valid; `werkregie import esco` replaces these rows
 * with the official ones and adds the rest of ESCO.
 *
 * Source: ESCO classification, European Commission (reuse allowed with attribution).
 * - Occupations: URI, Dutch preferred label, ISCO-08 group and up to five Dutch alternative labels,
 *   taken from the ESCO v1.1 CSV `occupations_nl.csv`.
 * - Skills: URIs and English preferred labels seen in ESCO CSV data (v1.1/v1.2 transversal and
 *   language collections, and ESCO-derived fixtures). Dutch labels for skills were translated where
 *   the Dutch ESCO label was not available; the block marked "Dutch ESCO labels" carries the
 *   official Dutch ESCO preferred labels. Each skill's English ESCO label is kept in a comment as
 *   the reference for that translation. Skill alternative labels are search terms written for
 *   Werkregie (a few in the Dutch block are ESCO's own), not ESCO data.
 */

export type TaxonomyConcept = { uri: string; label: string; altLabels: readonly string[] };
export type Occupation = TaxonomyConcept & { iscoGroup: string };
/** ESCO's reuse level of a skill; only "transversal" matters here (decision 018). */
export type Skill = TaxonomyConcept & { reuseLevel?: 'transversal' };

const occ = (id: string, label: string, iscoGroup: string, altLabels: readonly string[]): Occupation => ({
  uri: `http://data.europa.eu/esco/occupation/${id}`,
  label,
  iscoGroup,
  altLabels,
});

const skill = (id: string, label: string, altLabels: readonly string[] = []): Skill => ({
  uri: `http://data.europa.eu/esco/skill/${id}`,
  label,
  altLabels,
});
const transversalSkill = (id: string, label: string, altLabels: readonly string[] = []): Skill => ({
  ...skill(id, label, altLabels),
  reuseLevel: 'transversal',
});

export const builtinOccupations: readonly Occupation[] = [
  occ('303a1e34-cb16-4054-b323-81e5eec17397', 'schoonmaker gebouwen', '9112', [
    'schoonmaker',
    'schoonmaakster',
    'schoonmaakmedewerker',
    'poetshulp',
    'poetsvrouw',
  ]),
  occ('cbad55a4-c7cf-4ab6-9540-eac72b26729b', 'interieurverzorger', '9111', [
    'huishoudhulp',
    'werkster',
    'huishoudelijke hulp',
    'interieurverzorgster',
    'hulp in de particuliere huishouding',
  ]),
  occ('731ecac4-06e8-4ec2-a559-101fecbd9183', 'medewerker huishoudelijke dienst', '9112', [
    'kamermeisje',
    'medewerker housekeeping',
    'kamerjongen',
    'huishoudster',
  ]),
  occ('92cba6b4-8fca-49bb-b68c-45c5096fedc9', 'glazenwasser', '9123', []),
  occ('7cb71c5f-c310-481c-b46b-d0044328758c', 'autopoetser', '9122', [
    'wagenwasser',
    'autowasser',
    'wagenpoetser',
    'voertuigwasser',
    'voertuigpoetser',
  ]),
  occ('bea705fe-06ac-4147-b8e0-6e8ac1208d8f', 'magazijnmedewerker', '9333', [
    'magazijnhulp',
    'magazijnmedewerkster',
    'magazijnbediende',
    'magazijnier',
    'loodsmedewerker',
  ]),
  occ('cd94def5-3442-4c2e-ae3d-0761a3008bcb', 'orderpicker', '9333', ['orderverzamelaar', 'pickingmedewerker', 'pickingmedewerkster']),
  occ('e4f33b45-ee95-48b5-b2f8-e397aa14ed41', 'expeditiemedewerker', '9333', ['expeditiemedewerkster']),
  occ('eeac6251-1974-42f5-91ed-513c6c883755', 'heftruckchauffeur', '8344', [
    'heftruckbestuurder',
    'bestuurder heftruck',
    'chauffeur reachtruck',
    'chauffeur heftruck',
    'heftruckbestuurster',
  ]),
  occ('245be6d1-fe9a-4ac8-9f81-122a687e4724', 'productiemedewerker', '9329', []),
  occ('f5cb9901-86fc-48d0-9cde-667fbe8cef3a', 'inpakker met de hand', '9321', [
    'inpakmedewerker',
    'verpakster',
    'verpakker',
    'inpakmedewerkster',
    'inpakster met de hand',
  ]),
  occ('af2f3615-63ab-44dc-957d-c9660410d336', 'assemblagemedewerker metaal', '8219', [
    'montagemedewerker metaal',
    'montagemedewerkster metaal',
    'assemblagemedewerkster metaal',
    'montagemedewerker metaalproducten',
    'montagemedewerkster metaalproducten',
  ]),
  occ('3e524c3e-3ee8-47dd-8463-2c2a41b548bf', 'assemblagemedewerker elektrische apparatuur', '8212', [
    'assembleur elektra',
    'montagemedewerker elektra',
    'assemblagemonteur elektra',
    'montagemedewerkster elektra',
    'assemblagemedewerker elektra',
  ]),
  occ('a48b9a5a-5ded-482d-8cda-7fd097a32c16', 'medewerker groenvoorziening/medewerkster groenvoorziening', '6113', [
    'hovenier',
    'groenarbeider',
    'tuinman',
    'medewerker plantsoendienst',
    'parkwachter',
  ]),
  occ('e7970c7a-7769-4002-87d3-0a8ea94fdd6f', 'hovenier', '6113', [
    'tuinman',
    'groenverzorger',
    'terreinverzorger',
    'medewerker plantsoendienst',
  ]),
  occ('1a9d99ba-4c08-4864-8f6a-1b0f2b4cf883', 'tuinbouwmedewerker', '9214', [
    'medewerker glastuinbouw',
    'kasmedewerker',
    'plukker',
    'tuinbouwwerker',
    'medewerker kassen',
  ]),
  occ('373db468-bd25-4b67-a6e0-4ac79d9a9e85', 'plukker', '9211', [
    'oogster',
    'fruitplukker',
    'appelplukker',
    'perenplukker',
    'kersenplukker',
  ]),
  occ('e1cf6897-158d-4b48-a39e-2a3a8cac216c', 'keukenhulp', '9412', [
    'keukenassistent',
    'hulpkok',
    'assistent in de keuken',
    'bordenwasser',
    'tournant',
  ]),
  occ('f756fdab-7726-4c48-bfcc-94ff8810fc08', 'medewerker keuken', '9412', [
    'afwashulp',
    'bordenwasser',
    'pannenwasser',
    'medewerkster keuken',
    'plongeur',
  ]),
  occ('96a0d8d3-d4a6-473d-80d6-b5dbadde940a', 'medewerker fastfood', '9411', [
    'fastfoodmedewerker',
    'werknemer fastfood',
    'fastfood medewerker',
  ]),
  occ('d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471', 'ober/serveerster', '5131', [
    'ober',
    'serveerster',
    'bediende in café',
    'kelner',
    'hulpkelner',
  ]),
  occ('d35f9e79-5778-43b4-8667-0e3ba1fcb19a', 'schappenvuller', '9334', [
    'vakkenvuller',
    'winkelassistent',
    'winkelhulp',
    'vakkenvulster',
    'winkelbediende',
  ]),
  occ('0b15375e-dfdd-4047-9efb-096e0aaee7d2', 'winkelmedewerker', '5223', [
    'vakkenvuller',
    'winkelbediende',
    'winkelhulp',
    'winkelassistent',
    'winkelassistente',
  ]),
  occ('2b871272-bd61-4206-bd1a-0b96d7023098', 'kassamedewerker', '5230', [
    'caissière',
    'kassahulp',
    'kassamedewerkster',
    'kassière',
    'hulpcaissière',
  ]),
  occ('7ed2e153-8da8-4c0d-b4c5-3402c623f34b', 'postbode', '4412', ['postbezorger', 'postbezorgster', 'brievenbesteller']),
  occ('5ff100c2-00cd-4c64-82ae-8feab6712557', 'folderbezorger', '9510', [
    'folderaar',
    'flyeraar',
    'flyeruitdeler',
    'verspreider van flyers',
  ]),
  occ('0c408028-c48f-4df8-ba5d-c3d3be15f5a2', 'auto- en bestelwagenkoerier', '8322', [
    'koerier',
    'chauffeur koerierdienst',
    'chauffeur bestelauto',
    'koerierster',
    'koerier auto',
  ]),
  occ('45037d43-a8f5-4f46-b332-b2935bc305f4', 'vrachtwagenchauffeur', '8332', [
    'vrachtrijder',
    'truckchauffeur',
    'trucker',
    'chauffeur tankauto',
    'tankwagenchauffeur',
  ]),
  occ('c84a055d-00fe-4789-a054-f4a62914ff6e', 'verhuizer', '9333', ['verhuismedewerker', 'verhuismedewerkster']),
  occ('336cf331-8082-4a0c-bf5f-e7c54706211c', 'fietsenmaker', '7234', [
    'fietsenmaakster',
    'fietstechnicus',
    'fietshersteller',
    'fietsmonteur',
    'scootermonteur',
  ]),
  occ('f7b04542-d8c7-42db-8475-e63b507cce82', 'receptionist', '4226', [
    'medewerker receptie',
    'baliemedewerker',
    'host',
    'receptioniste',
    'balie-employé',
  ]),
  occ('0ededdc2-050a-4ec3-8e70-6295105fcd19', 'callcentermedewerker', '5244', [
    'callcentermedewerkster',
    'telefonisch medewerker callcenter',
    'televerkoper',
    'telemarketeer',
    'callcenteragent',
  ]),
  occ('d38c2107-98f2-47b7-8bb4-f69750d51082', 'zorghulp', '5321', [
    'zorgassistent',
    'verzorgende',
    'assistent-verzorgende',
    'zorgkundige',
    'zorgassistente',
  ]),
  occ('1391bdf9-bd61-4fb5-91ca-c29036ab2b60', 'thuiszorgmedewerker', '5322', [
    'helpende zorg en welzijn',
    'bejaardenhulp',
    'thuishelper',
    'ADL-assistent',
    'ADL-assistente',
  ]),
  occ('fb7e2f4f-1545-42f1-972e-94082e49c6dc', 'opperman bouw', '9313', [
    'handlanger bouwplaats',
    'opruimer bouwplaats',
    'hulparbeider bouw',
    'opperman metselwerk',
    'bouwvakhulp',
  ]),
  occ('15620506-fb5d-49cd-87a2-1c9047fb406a', 'schilder bouw', '7131', [
    'schilder',
    'huisschilder',
    'schilderes',
    'huisschilderes',
    'schilder (bouw)',
  ]),
  occ('e54683ca-1fc9-468d-b880-6544ff6b7d0b', 'vuilnisophaler', '9611', [
    'vuilnisman',
    'reinigingsmedewerker',
    'vuilophaler',
    'vuilnisvrouw',
    'reinigingsmedewerkster',
  ]),
  occ('4ed9ce62-75d4-4b05-80d4-e86528fecdcd', 'recyclingmedewerker', '9612', [
    'medewerker recycling',
    'recyclingarbeider',
    'recyclagearbeider',
    'recyclagemedewerker',
    'medewerker recyclage',
  ]),
  occ('503ea267-93e9-4b8c-ae5e-817fe7e4a245', 'straatveger', '9613', [
    'milieuwerker',
    'vuilprikker',
    'stadsreiniger',
    'stedelijk straatveger',
    'reinigingsmedewerker straat',
  ]),
  occ('f4a25243-b06a-42a9-9c69-246853df63ad', 'klusjesman', '9622', ['manusje-van-alles']),
  occ('31808988-fc0a-4bc3-9e47-27216d6759f5', 'beveiliger', '5414', [
    'bewaker',
    'beveiligingsbeambte',
    'beveiligster',
    'bewaakster',
    'securityguard',
  ]),
  occ('6c999fc7-c6b7-4ef3-a4b9-af124a1783a2', 'kantoorbediende', '4110', [
    'kantoormedewerker',
    'administratief assistent',
    'kantoorklerk',
    'kantoorassistent',
    'kantoorassistente',
  ]),
  occ('15ab8475-549d-48a7-9d4a-5bb310015312', 'medewerker linnenkamer', '9121', ['medewerker wasserij', 'linnenkamermedewerker']),
  occ('1822bfc2-e735-449f-ba00-ca71eb5c062b', 'conciërge', '5153', [
    'huisbewaarder',
    'gebouwenbeheerder',
    'toezichthouder lokalen en gebouwen',
    'syndicus',
    'syndicus gebouw',
  ]),
];

export const builtinSkills: readonly Skill[] = [
  // Working with others and attitudes (ESCO transversal skills).
  // ESCO: work in teams
  transversalSkill('60c78287-22eb-4103-9c8c-28deaa460da0', 'in teamverband werken', ['samenwerken', 'teamwerk']),
  // ESCO: cooperate with colleagues (Dutch ESCO label)
  transversalSkill('082967d4-b94c-4305-aa13-35a6aa8c5c7c', 'samenwerken met collega’s', ["samenwerken met collega's"]),
  // ESCO: support colleagues
  transversalSkill('95a41cf5-4037-4c96-91a8-c34b41637224', "collega's ondersteunen", ["collega's helpen"]),
  // ESCO: interact with others
  transversalSkill('09e28145-e205-4b7a-8b3b-5c4876396069', 'omgaan met anderen', ['contact maken', 'sociale vaardigheden']),
  // ESCO: demonstrate good manners
  transversalSkill('5c59dac1-0547-4068-b43c-ac59f1344448', 'goede omgangsvormen tonen', ['beleefdheid', 'vriendelijkheid']),
  // ESCO: demonstrate consideration
  transversalSkill('9d75743b-317a-4bc4-b93f-c72e3ceba377', 'rekening houden met anderen', ['empathie', 'behulpzaamheid']),
  // ESCO: meet commitments
  transversalSkill('113b4428-0a31-4199-8496-070af7854b91', 'afspraken nakomen', [
    'betrouwbaarheid',
    'punctualiteit',
    'stiptheid',
    'op tijd komen',
  ]),
  // ESCO: demonstrate trustworthiness
  transversalSkill('bcf002ce-90f8-42e5-ac1b-5dba208639b0', 'betrouwbaarheid tonen', ['eerlijkheid']),
  // ESCO: manage time
  transversalSkill('d9013e0e-e937-43d5-ab71-0e917ee882b8', 'tijd beheren', ['timemanagement', 'planning maken', 'prioriteiten stellen']),
  // ESCO: work in an organised manner
  transversalSkill('1258cc12-37bb-4a12-b219-9c3d6b294533', 'georganiseerd werken', ['gestructureerd werken', 'ordelijk werken']),
  // ESCO: work independently
  transversalSkill('c29aa9d2-4da8-4bdd-831c-8d4a2fb51730', 'zelfstandig werken', ['zonder toezicht werken']),
  // ESCO: work efficiently
  transversalSkill('7a93e22f-54d8-4bf0-9213-d711f6601b49', 'efficiënt werken', ['doelmatig werken']),
  // ESCO: perform multiple tasks at the same time
  transversalSkill('0b144726-21c2-46ed-8d13-c03d27f61604', 'meerdere taken tegelijk uitvoeren', ['multitasken']),
  // ESCO: attend to detail
  transversalSkill('83e6510b-ffeb-4aec-959c-4265fd0ff7b7', 'aandacht hebben voor details', ['nauwkeurig werken', 'precisie']),
  // ESCO: make an effort
  transversalSkill('0ab5084c-cbd0-46d5-b61f-f1b8e9cc0ca0', 'zich inspannen', ['inzet tonen', 'hard werken']),
  // ESCO: persist
  transversalSkill('f60b0a50-2e7b-46f8-9b9c-2809b10991f9', 'volhouden', ['doorzetten', 'doorzettingsvermogen']),
  // ESCO: demonstrate enthusiasm
  transversalSkill('22b7d99d-252f-4572-8e3c-438ea87607eb', 'enthousiasme tonen', ['motivatie tonen', 'positieve houding']),
  // ESCO: show initiative
  transversalSkill('001115fb-569f-4ee6-8381-c6807ef2527f', 'initiatief tonen', ['eigen initiatief nemen']),
  // ESCO: demonstrate willingness to learn
  transversalSkill('9bf266a6-188b-4d17-a22f-2f266d76832b', 'leerbereidheid tonen', ['leergierigheid', 'willen leren']),
  // ESCO: accept constructive criticism
  transversalSkill('a311ab20-75df-4aff-8016-3142c5659d30', 'opbouwende kritiek aanvaarden', ['feedback ontvangen', 'feedback aannemen']),
  // ESCO: adapt to change
  transversalSkill('49de9958-2aa4-4eef-a89d-fe5d5bcd28c4', 'zich aanpassen aan veranderingen', ['flexibiliteit', 'flexibel zijn']),
  // ESCO: cope with pressure
  transversalSkill('7a147904-22b3-498a-b4d9-7bceeb86b45d', 'omgaan met druk', ['werken onder druk', 'stressbestendigheid']),
  // ESCO: manage frustration
  transversalSkill('1d1fedcb-4995-44ac-90f5-f31a157ce512', 'omgaan met frustratie', ['emoties beheersen', 'kalm blijven']),
  // ESCO: create solutions to problems
  transversalSkill('03b9b491-fc9b-4868-914a-bf7cd47b5041', 'oplossingen voor problemen bedenken', ['probleemoplossend vermogen']),
  // ESCO: report facts
  transversalSkill('be6ab363-3de1-427f-a8ef-85d5b0250822', 'feiten rapporteren', ['verslag doen', 'melden']),
  // ESCO: instruct others
  transversalSkill('699e7c26-6502-4e78-a823-3656ff5a5b8b', 'anderen instrueren', ['uitleg geven', 'inwerken']),

  // Safety, hygiene and quality (ESCO transversal skills).
  // ESCO: follow safety precautions in work practices
  transversalSkill('d2d9051a-10e1-41c5-9cfb-bbdc58016176', 'veiligheidsvoorschriften op het werk volgen', ['veilig werken', 'VCA']),
  // ESCO: follow hygienic work practices
  transversalSkill('6816e28f-a48d-41c7-8492-309f50c049fc', 'hygiënisch werken', ['hygiënevoorschriften volgen']),
  // ESCO: attend to hygiene
  transversalSkill('fba28975-4544-4d37-8971-9bd72534018c', 'zorgen voor hygiëne', ['persoonlijke hygiëne', 'netheid']),
  // ESCO: apply quality standards
  transversalSkill('236526e2-d5a8-436b-91d1-47e5d431e7ea', 'kwaliteitsnormen toepassen', ['kwaliteitscontrole']),
  // ESCO: first aid
  transversalSkill('f7464f30-662b-4177-85a0-3df9693e9e58', 'eerste hulp', ['EHBO', 'BHV']),

  // Numeracy and digital basics (ESCO transversal skills).
  // ESCO: carry out work-related calculations
  transversalSkill('19ba11f3-9c99-41fd-a7c9-f77e6a026186', 'werkgerelateerde berekeningen uitvoeren', ['rekenen', 'met geld omgaan']),
  // ESCO: operate handheld devices
  transversalSkill('20ba084f-129c-4c5e-b39f-539913e0acc4', 'handheld apparaten bedienen', ['handscanner gebruiken', 'scanner']),
  // ESCO: use online communication tools
  transversalSkill('5f1dd9f6-dcb4-4384-88c9-f9f6a75305c9', 'online communicatiemiddelen gebruiken', ['e-mailen', 'online communiceren']),
  // ESCO: search for information online
  transversalSkill('698be2d3-8768-422d-a2d3-1cb701816089', 'online informatie zoeken', ['internet gebruiken']),
  // ESCO: use word processing software
  transversalSkill('81633a44-f1db-4a01-a940-804c6905e330', 'tekstverwerkingssoftware gebruiken', ['Word', 'typen']),
  // ESCO: office software
  transversalSkill('cf310cff-0d28-4dbc-9dbb-cc500a3196c2', 'kantoorsoftware', ['Office', 'Excel', 'Word']),
  // ESCO: use e-services
  transversalSkill('d908a818-70ef-419e-9d60-8f459114cb2f', 'e-diensten gebruiken', ['DigiD', 'online bankieren']),
  // ESCO: solve location and navigation problems by using GPS tools
  transversalSkill('6efef9df-ac86-45ca-8b1b-a8178ef17b5c', 'navigeren met gps', ['navigatie', 'routeplanner gebruiken']),

  // Dutch language (ESCO language skills).
  // ESCO: Dutch
  transversalSkill('cad4f44b-28a8-4448-86e5-7389e5ebf3eb', 'Nederlands', ['Nederlandse taal']),
  // ESCO: interact verbally in Dutch
  transversalSkill('c44b765b-76fb-4a16-be7e-9925beee072c', 'mondeling communiceren in het Nederlands', ['Nederlands spreken']),
  // ESCO: understand spoken Dutch
  transversalSkill('347d33a8-3698-4549-a7de-722a0216ee40', 'gesproken Nederlands begrijpen', ['Nederlands verstaan']),
  // ESCO: understand written Dutch
  transversalSkill('96ab25a3-c89b-43ea-833b-26b637c3b6ed', 'geschreven Nederlands begrijpen', ['Nederlands lezen']),
  // ESCO: write Dutch
  transversalSkill('e35cfb6e-ea8e-4aef-aab9-3cbc7d79647b', 'Nederlands schrijven'),

  // Practical skills.
  // ESCO: operate forklift
  skill('28cb374e-6261-4133-8371-f9a5470145da', 'vorkheftruck bedienen', ['heftruck rijden', 'heftruckcertificaat']),
  // ESCO: lift heavy weights
  skill('ab2bb44a-3956-4028-8715-8b70b1960b99', 'zware gewichten tillen', ['tillen', 'zwaar lichamelijk werk']),
  // ESCO: warehouse operations
  skill('089ddb19-1c7a-43ff-ba64-070f7ce4787a', 'magazijnwerkzaamheden', ['logistiek', 'opslag']),
  // ESCO: unload cargo
  skill('042f91e3-cccc-4d51-b635-bb14ffe90cfc', 'lading lossen', ['uitladen', 'lossen']),
  // ESCO: check for damaged items
  skill('8269dc3d-50ee-46b5-a742-a7d2cb7d90bb', 'controleren op beschadigde artikelen', ['schade controleren']),
  // ESCO: customer service
  skill('15a33d76-4640-438d-ae64-fdc0c1d3eebc', 'klantenservice', ['klantvriendelijkheid', 'klanten helpen']),
  // ESCO: satisfy customers
  skill('8330c86e-63cf-4be6-849f-4f77628cc5c5', 'klanten tevredenstellen', ['klanttevredenheid']),
  // ESCO: process payments
  skill('bdcac0c8-b77a-4640-9eaf-c0cf3efd1e23', 'betalingen verwerken', ['afrekenen', 'kassa', 'pinbetaling']),

  // Dutch ESCO labels (official Dutch preferred labels, ESCO v1.2.1).
  // ESCO: communicate with customers
  skill('0da516ee-e70e-4384-be13-f5ff80be8127', 'communiceren met klanten', ['klantcontact']),
  // ESCO: work ergonomically
  skill('156f8c5b-894a-4ccc-a70e-37a2726f3f00', 'ergonomisch werken', ['gezond tillen']),
  // ESCO: operate warehouse materials
  skill('078861f5-b901-48a5-951e-a3ad0a4fa0bd', 'magazijnmaterialen gebruiken', ['palletwagen', 'rolcontainer']),
  // ESCO: operate warehouse record systems
  skill('055ff233-6569-43db-9f95-a4b03dca97da', 'gegevensregistratiesystemen voor magazijnen gebruiken', [
    'voorraadbeheersystemen bijhouden',
  ]),
  // ESCO: tend packaging machines
  skill('01fec851-b5f4-419b-940a-3b4c835adfa8', 'verpakkingsmachines bedienen', [
    'verpakkingsmachines bedienen en onderhouden',
    'inpakken',
  ]),
  // ESCO: comply with food safety and hygiene
  skill('0ff99f51-40d9-42f1-a1ec-377b2bb5e15f', 'gezondheids-, veiligheids- en hygiënewetgeving op het gebied van voedsel naleven', [
    'de hygiëne en voedselveiligheid in de keuken in acht nemen',
    'volgens de HACCP werken',
    'de hygiënecode voor de horeca opvolgen',
    'voedselveiligheid',
  ]),
  // ESCO: store raw food materials
  skill('29b326ea-a9c8-4963-b35a-8541d0cdff77', 'onbewerkt voedsel opslaan', ['rauw voedsel bewaren']),
  // ESCO: sort waste
  skill('110d7aa3-e44e-4cce-a927-8d4de615f3d9', 'afval sorteren', ['afval scheiden', 'recyclen']),
  // ESCO: car cleaning procedures
  skill('1a16f557-01fc-4d64-b25e-a51279a45992', 'procedures voor autoreiniging', [
    'procedures voor het reinigen van wagens',
    'auto wassen',
  ]),
  // ESCO: read maps
  skill('3172f001-a4dd-4e7e-9f74-9707b2e7c6e1', 'kaarten lezen', ['plattegrond lezen']),
  // ESCO: manoeuvre heavy trucks
  skill('8215bbba-2f6d-4530-bf41-904d871eaf72', 'zware vrachtwagens manoeuvreren', ['vrachtwagen rijden']),
];

/**
 * The built-in skills that ESCO counts as transversal (reuse level "transversal": working with others,
 * safety and hygiene, numeracy and digital basics, languages). They count in the score, but sharing
 * only such a skill does not put a candidate and a vacancy in each other's lists (decision 018).
 */
export const builtinTransversalSkills: ReadonlySet<string> = new Set(
  builtinSkills.filter((s) => s.reuseLevel === 'transversal').map((s) => s.uri),
);

const occupationIndex = new Map(builtinOccupations.map((o) => [o.uri, o]));
const skillIndex = new Map(builtinSkills.map((s) => [s.uri, s]));

export function occupationByUri(uri: string): Occupation | undefined {
  return occupationIndex.get(uri);
}

export function skillByUri(uri: string): Skill | undefined {
  return skillIndex.get(uri);
}
