import { defineMessages } from '#app/ui/i18n.js';

/**
 * The words of a match score: one sentence per part, in two voices. `_k` speaks to the candidate
 * ("je"); `_w` speaks about the candidate ("de kandidaat") to an employer or a consultant.
 */
export const matchingText = defineMessages({
  nl: {
    total: 'Past voor {total} van de 100',
    advice_k: 'Deze score is een advies van de computer. Jij beslist zelf of je reageert. Een lage score sluit niets uit.',
    advice_w: 'Deze score is een advies van de computer. Een mens beslist, niet de computer. Een lage score sluit niemand uit.',
    why: 'Waarom deze score?',
    notCounted: 'Telt niet mee voor de score: {parts}.',
    howItWorks: 'Hoe werkt het matchen?',
    listAnd: 'en',

    part_beroep: 'Beroep',
    part_vaardigheden: 'Vaardigheden die nodig zijn',
    part_extraVaardigheden: 'Extra vaardigheden',
    part_afstand: 'Afstand',
    part_uren: 'Uren',
    part_taal: 'Nederlandse taal',
    part_beschikbaarheid: 'Beschikbaarheid',
    part_ondersteuning: 'Hulp op het werk',

    beroep_exact_k: 'Dit werk hoort bij het beroep {occupation}. Dat beroep zoek je.',
    beroep_exact_w: 'Dit werk hoort bij het beroep {occupation}. Dat beroep zoekt de kandidaat.',
    beroep_iscoGroup_k: 'Dit werk hoort bij het beroep {occupation}. Dat lijkt op een beroep dat je zoekt.',
    beroep_iscoGroup_w: 'Dit werk hoort bij het beroep {occupation}. Dat lijkt op een beroep dat de kandidaat zoekt.',
    beroep_none_k: 'Dit werk hoort bij het beroep {occupation}. Dat beroep staat niet bij je wensen.',
    beroep_none_w: 'Dit werk hoort bij het beroep {occupation}. Dat beroep staat niet bij de wensen van de kandidaat.',

    skills_all_k: 'Je hebt alle {wanted} vaardigheden die nodig zijn.',
    skills_all_w: 'De kandidaat heeft alle {wanted} vaardigheden die nodig zijn.',
    skills_allOne_k: 'Je hebt de vaardigheid die nodig is.',
    skills_allOne_w: 'De kandidaat heeft de vaardigheid die nodig is.',
    skills_some_k: 'Je hebt {covered} van de {wanted} vaardigheden die nodig zijn. Nog niet: {missing}.',
    skills_some_w: 'De kandidaat heeft {covered} van de {wanted} vaardigheden die nodig zijn. Nog niet: {missing}.',
    skills_noneOne_k: 'Voor dit werk is 1 vaardigheid nodig. Die heb je nog niet: {missing}.',
    skills_noneOne_w: 'Voor dit werk is 1 vaardigheid nodig. Die heeft de kandidaat nog niet: {missing}.',

    extra_all_k: 'Je hebt alle {wanted} extra vaardigheden. Die zijn mooi meegenomen, maar niet nodig.',
    extra_all_w: 'De kandidaat heeft alle {wanted} extra vaardigheden. Die zijn mooi meegenomen, maar niet nodig.',
    extra_allOne_k: 'Je hebt de extra vaardigheid. Die is mooi meegenomen, maar niet nodig.',
    extra_allOne_w: 'De kandidaat heeft de extra vaardigheid. Die is mooi meegenomen, maar niet nodig.',
    extra_some_k: 'Je hebt {covered} van de {wanted} extra vaardigheden. Nog niet: {missing}. Die zijn mooi meegenomen, maar niet nodig.',
    extra_some_w:
      'De kandidaat heeft {covered} van de {wanted} extra vaardigheden. Nog niet: {missing}. Die zijn mooi meegenomen, maar niet nodig.',
    extra_noneOne_k: 'Je hebt de extra vaardigheid nog niet: {missing}. Die is mooi meegenomen, maar niet nodig.',
    extra_noneOne_w: 'De kandidaat heeft de extra vaardigheid nog niet: {missing}. Die is mooi meegenomen, maar niet nodig.',

    distance_k: 'Je woont {km} km van dit werk. Je wilt maximaal {radius} km reizen.',
    distance_w: 'De kandidaat woont {km} km van dit werk en wil maximaal {radius} km reizen.',
    distanceNear_k: 'Je woont minder dan 1 km van dit werk. Je wilt maximaal {radius} km reizen.',
    distanceNear_w: 'De kandidaat woont minder dan 1 km van dit werk en wil maximaal {radius} km reizen.',
    distanceFar_k: 'Dat is verder dan je wilt.',
    distanceFar_w: 'Dat is verder dan de kandidaat wil.',

    hours_k: 'Je wilt {wanted} uur per week werken. Dit werk is {offered} uur.',
    hours_w: 'De kandidaat wil {wanted} uur per week werken. Dit werk is {offered} uur.',

    language_required: 'Voor dit werk is Nederlands op niveau {required} nodig.',
    language_has_k: 'Jouw niveau is {has}.',
    language_has_w: 'Het niveau van de kandidaat is {has}.',
    language_enough: 'Dat is genoeg.',
    language_notEnough: 'Dat is nog niet genoeg.',
    language_unknown_k: 'Je niveau staat nog niet in je profiel.',

    availability_beschikbaar_k: 'Je kunt nu beginnen.',
    availability_beschikbaar_w: 'De kandidaat kan nu beginnen.',
    availability_binnenkort_k: 'Je kunt binnenkort beginnen.',
    availability_binnenkort_w: 'De kandidaat kan binnenkort beginnen.',
    availability_niet_beschikbaar_k: 'Je kunt nu niet beginnen.',
    availability_niet_beschikbaar_w: 'De kandidaat kan nu niet beginnen.',
    availability_expired_k: 'Je beschikbaarheid is verlopen. Bevestig dat je nog werk zoekt. Dat doe je op de pagina Mijn profiel.',
    availability_expired_w: 'De beschikbaarheid van de kandidaat is verlopen. We weten niet of de kandidaat nog werk zoekt.',

    support_needed_k: 'Je hebt {needed} nodig.',
    support_needed_w: 'De kandidaat heeft {needed} nodig.',
    support_met: 'Deze werkgever biedt {met}.',
    support_missing_k: 'Dit staat niet in de vacature: {missing}. Je kunt er wel naar vragen.',
    support_missing_w: 'Dit staat niet in de vacature: {missing}.',
    support_note: 'Dit verandert de score niet. Wie hulp nodig heeft, komt daardoor nooit lager in de lijst.',

    need_jobcoach: 'een jobcoach',
    need_vaste_structuur: 'een vaste structuur',
    need_rustige_werkplek: 'een rustige werkplek',
    need_aangepaste_werkplek: 'een aangepaste werkplek',
    need_begeleiding_op_de_werkvloer: 'begeleiding op de werkvloer',
    need_korte_werkdagen: 'korte werkdagen',
    need_duidelijke_instructies: 'duidelijke instructies',
    need_vervoer: 'hulp bij vervoer',
  },
  en: {
    total: 'Fits for {total} out of 100',
    advice_k: 'This score is advice from the computer. You decide yourself whether you respond. A low score rules nothing out.',
    advice_w: 'This score is advice from the computer. A person decides, not the computer. A low score rules nobody out.',
    why: 'Why this score?',
    notCounted: 'Not counted in the score: {parts}.',
    howItWorks: 'How does matching work?',
    listAnd: 'and',

    part_beroep: 'Occupation',
    part_vaardigheden: 'Skills that are needed',
    part_extraVaardigheden: 'Extra skills',
    part_afstand: 'Distance',
    part_uren: 'Hours',
    part_taal: 'Dutch language',
    part_beschikbaarheid: 'Availability',
    part_ondersteuning: 'Support at work',

    beroep_exact_k: 'This job belongs to the occupation {occupation}. You are looking for that occupation.',
    beroep_exact_w: 'This job belongs to the occupation {occupation}. The candidate is looking for that occupation.',
    beroep_iscoGroup_k: 'This job belongs to the occupation {occupation}. It is similar to an occupation you are looking for.',
    beroep_iscoGroup_w: 'This job belongs to the occupation {occupation}. It is similar to an occupation the candidate is looking for.',
    beroep_none_k: 'This job belongs to the occupation {occupation}. That occupation is not among your wishes.',
    beroep_none_w: "This job belongs to the occupation {occupation}. That occupation is not among the candidate's wishes.",

    skills_all_k: 'You have all {wanted} skills that are needed.',
    skills_all_w: 'The candidate has all {wanted} skills that are needed.',
    skills_allOne_k: 'You have the skill that is needed.',
    skills_allOne_w: 'The candidate has the skill that is needed.',
    skills_some_k: 'You have {covered} of the {wanted} skills that are needed. Not yet: {missing}.',
    skills_some_w: 'The candidate has {covered} of the {wanted} skills that are needed. Not yet: {missing}.',
    skills_noneOne_k: 'This job needs 1 skill. You do not have it yet: {missing}.',
    skills_noneOne_w: 'This job needs 1 skill. The candidate does not have it yet: {missing}.',

    extra_all_k: 'You have all {wanted} extra skills. They are a bonus, not a must.',
    extra_all_w: 'The candidate has all {wanted} extra skills. They are a bonus, not a must.',
    extra_allOne_k: 'You have the extra skill. It is a bonus, not a must.',
    extra_allOne_w: 'The candidate has the extra skill. It is a bonus, not a must.',
    extra_some_k: 'You have {covered} of the {wanted} extra skills. Not yet: {missing}. They are a bonus, not a must.',
    extra_some_w: 'The candidate has {covered} of the {wanted} extra skills. Not yet: {missing}. They are a bonus, not a must.',
    extra_noneOne_k: 'You do not have the extra skill yet: {missing}. It is a bonus, not a must.',
    extra_noneOne_w: 'The candidate does not have the extra skill yet: {missing}. It is a bonus, not a must.',

    distance_k: 'You live {km} km from this job. You want to travel at most {radius} km.',
    distance_w: 'The candidate lives {km} km from this job and wants to travel at most {radius} km.',
    distanceNear_k: 'You live less than 1 km from this job. You want to travel at most {radius} km.',
    distanceNear_w: 'The candidate lives less than 1 km from this job and wants to travel at most {radius} km.',
    distanceFar_k: 'That is further than you want.',
    distanceFar_w: 'That is further than the candidate wants.',

    hours_k: 'You want to work {wanted} hours a week. This job is {offered} hours.',
    hours_w: 'The candidate wants to work {wanted} hours a week. This job is {offered} hours.',

    language_required: 'This job needs Dutch at level {required}.',
    language_has_k: 'Your level is {has}.',
    language_has_w: "The candidate's level is {has}.",
    language_enough: 'That is enough.',
    language_notEnough: 'That is not enough yet.',
    language_unknown_k: 'Your level is not in your profile yet.',

    availability_beschikbaar_k: 'You can start now.',
    availability_beschikbaar_w: 'The candidate can start now.',
    availability_binnenkort_k: 'You can start soon.',
    availability_binnenkort_w: 'The candidate can start soon.',
    availability_niet_beschikbaar_k: 'You cannot start now.',
    availability_niet_beschikbaar_w: 'The candidate cannot start now.',
    availability_expired_k:
      'Your availability has expired. Confirm that you are still looking for work. You do that on the page My profile.',
    availability_expired_w: "The candidate's availability has expired. We do not know whether the candidate is still looking for work.",

    support_needed_k: 'You need {needed}.',
    support_needed_w: 'The candidate needs {needed}.',
    support_met: 'This employer offers {met}.',
    support_missing_k: 'This is not in the vacancy: {missing}. You can still ask about it.',
    support_missing_w: 'This is not in the vacancy: {missing}.',
    support_note: 'This does not change the score. Needing support never puts anyone lower in the list.',

    need_jobcoach: 'a job coach',
    need_vaste_structuur: 'a fixed structure',
    need_rustige_werkplek: 'a quiet workplace',
    need_aangepaste_werkplek: 'an adapted workplace',
    need_begeleiding_op_de_werkvloer: 'guidance on the work floor',
    need_korte_werkdagen: 'short working days',
    need_duidelijke_instructies: 'clear instructions',
    need_vervoer: 'help with transport',
  },
});

export type MatchingKey = keyof (typeof matchingText)['nl'];

/** The words of the public page "Hoe werkt het matchen?", written as an entry of the Dutch algoritmeregister. */
export const matchingInfoText = defineMessages({
  nl: {
    title: 'Hoe werkt het matchen?',
    intro:
      'Werkregie zoekt werk dat bij je past. En mensen die bij werk passen. Dat heet matchen. Op deze pagina leggen we uit hoe het werkt. We doen dat zoals het Algoritmeregister van de Nederlandse overheid.',
    registerLink: 'Bekijk het Algoritmeregister van de overheid',
    summaryTitle: 'In het kort',
    summaryName: 'Naam',
    summaryNameValue: 'Matchen van kandidaten en vacatures in Werkregie',
    summaryKind: 'Soort algoritme',
    summaryKindValue: 'Vaste rekenregels. Het systeem leert niet zelf en verandert niet vanzelf.',
    summaryDecides: 'Wie beslist?',
    summaryDecidesValue: 'Altijd een mens. De computer geeft alleen advies.',
    summaryRisk: 'Risico',
    summaryRiskValue: 'Hoog risico volgens de Europese AI-verordening (bijlage III, punt 4a).',

    whatTitle: 'Wat doet het?',
    what1:
      'Het matchen vergelijkt een kandidaat met een vacature. Daarna krijgt elke match een score van 0 tot 100. Hoe hoger de score, hoe beter het lijkt te passen.',
    what2:
      'Kandidaten zien het werk dat het best past bovenaan. Werkgevers en consulenten zien kandidaten die bij een vacature passen. Een werkgever ziet alleen wat de kandidaat zelf laat zien.',
    what3: 'Bij elke score staat in gewone zinnen waarom. Bijvoorbeeld: "{example}"',
    what4:
      'De score voor een werkgever rekent alleen met wat de kandidaat met die werkgever deelt. Wat de kandidaat niet deelt, telt niet mee.',

    whyTitle: 'Waarom doen we dit?',
    why1: 'Veel mensen zoeken werk. En veel werk blijft liggen. Ze vinden elkaar vaak niet.',
    why2: 'Met het matchen kunnen kandidaten en werkgevers elkaar zelf vinden. Dan hoeven ze minder lang te wachten.',
    why3: 'Het matchen helpt bij het zoeken. Het kiest niemand uit en wijst niemand af.',

    dataTitle: 'Welke gegevens gebruikt het?',
    dataUsedIntro: 'Voor de score gebruiken we alleen gegevens over werk:',
    dataOccupation: 'De beroepen die de kandidaat zoekt, en het beroep van de vacature.',
    dataSkills: 'De vaardigheden van de kandidaat, en de vaardigheden die het werk vraagt.',
    dataDistance:
      'De afstand tussen de postcode van de kandidaat en de postcode van het werk (alleen de 4 cijfers), en hoe ver de kandidaat wil reizen.',
    dataHours: 'Hoeveel uur per week de kandidaat wil werken, en hoeveel uur het werk is.',
    dataLanguage: 'Het niveau Nederlands van de kandidaat, en het niveau dat het werk vraagt.',
    dataAvailability: 'Of de kandidaat kan beginnen, en of dat kort geleden is bevestigd.',
    dataSupport:
      'Welke hulp de kandidaat nodig heeft, en welke hulp de werkgever biedt. Dit laten we zien. Maar het verandert de score nooit.',
    dataNeverIntro: 'Deze gegevens gebruiken we nooit voor de score:',
    neverAge: 'leeftijd',
    neverGender: 'geslacht',
    neverOrigin: 'afkomst, nationaliteit of geboorteland',
    neverHealth: 'gezondheid of een beperking',
    neverSupport: 'of iemand hulp nodig heeft (de ondersteuningsbehoefte zelf)',
    neverTargetGroup: 'of iemand bij een doelgroep hoort, zoals het doelgroepregister, de Participatiewet of de Wajong',
    neverIdentity: 'naam, e-mailadres en telefoonnummer',
    dataNeverTest: 'Een automatische test controleert dit. Als we deze gegevens veranderen, moet elke score precies gelijk blijven.',

    scoreTitle: 'Hoe wordt de score berekend?',
    score1: 'De score bestaat uit delen. Elk deel krijgt eerst een eigen score van 0 tot 100.',
    score2: 'Elk deel heeft een gewicht. Een deel met een hoog gewicht telt zwaarder mee. De score is het gewogen gemiddelde van de delen.',
    scoreUnknown:
      'Weten we iets niet? Of geldt een deel niet voor dit werk? Bijvoorbeeld omdat de vacature geen taalniveau noemt. Dan telt dat deel niet mee. We rekenen dan met de andere delen.',
    scoreVersions:
      'Een instantie kan de gewichten aanpassen. Elke aanpassing krijgt een nieuw versienummer. In de tabel staan de gewichten die we gebruiken als de instantie niets aanpast.',
    tableCaption: 'De delen van de score en hun gewicht',
    colPart: 'Deel',
    colRule: 'Hoe we het deel berekenen',
    colWeight: 'Gewicht',
    rule_beroep:
      'Zoekt de kandidaat precies dit beroep? Dan 100. Lijkt het op een beroep dat de kandidaat zoekt (dezelfde beroepsgroep in ISCO)? Dan {isco}. Anders 0.',
    rule_vaardigheden:
      'Welk deel van de vaardigheden die nodig zijn, heeft de kandidaat? Heeft de kandidaat er 3 van de 4? Dan {threeOfFour}.',
    rule_extraVaardigheden: 'Hetzelfde, voor de vaardigheden die mooi meegenomen zijn.',
    rule_afstand:
      'Vlakbij: 100. Hoe verder weg, hoe lager. Precies op de grootste afstand die de kandidaat wil reizen: {edge}. Op twee keer die afstand of verder: 0.',
    rule_uren: 'Hoe dichter de uren bij wat de kandidaat wil, hoe hoger. Wil de kandidaat 24 uur en is het werk 32 uur? Dan {hours}.',
    rule_taal: 'Is het niveau van de kandidaat hoog genoeg? Dan 100. Eén niveau te laag: {oneBelow}. Meer dan één niveau te laag: 0.',
    rule_beschikbaarheid:
      'Kan de kandidaat nu beginnen? Dan 100. Binnenkort: {soon}. Niet beschikbaar, of de beschikbaarheid is verlopen: 0.',
    rule_ondersteuning: 'We laten zien welke hulp de kandidaat nodig heeft en of de werkgever die biedt. Dit telt nooit mee.',
    weightNever: '0 (telt nooit mee)',

    exampleTitle: 'Een voorbeeld',
    exampleIntro:
      'Een kandidaat zoekt werk als {occupation}. Er is een vacature voor {occupation} van 32 uur per week, 6 km van het huis van de kandidaat. Zo rekenen we de score uit:',
    exampleCaption: 'De score van het voorbeeld, deel voor deel',
    colFacts: 'Wat we weten',
    colPartScore: 'Score van het deel',
    colPoints: 'Punten (score × gewicht ÷ 100)',
    partScoreValue: '{value} van de 100',
    notCountedValue: 'telt niet mee',
    exampleSum: 'Samen zijn dat {points} punten. Er konden {weights} punten zijn. {points} van de {weights} is {total} van de 100.',
    exampleTotal: 'De score van dit voorbeeld is: {total}',
    exampleCandidateTitle: 'Zo ziet de kandidaat de uitleg bij deze score',
    exampleOccupation: 'schoonmaker',
    exampleSkill1: 'schoonmaakmiddelen veilig gebruiken',
    exampleSkill2: 'vloeren schoonmaken',
    exampleSkill3: 'afval scheiden',
    exampleSkill4: 'schoonmaakmachines bedienen',
    exampleNice1: 'ramen wassen',
    exampleNice2: 'sanitair schoonmaken',

    oversightTitle: 'Menselijke controle',
    oversight1: 'De computer beslist niets. Elke lijst met scores is een advies.',
    oversight2:
      'We wijzen niemand af om een lage score. Een lage score haalt niemand uit de lijst. Alleen wie een verlopen beschikbaarheid heeft, staat onderaan.',
    oversightScope:
      "In een lijst met scores staan vacatures en kandidaten die iets met elkaar te maken hebben: hetzelfde beroep, of een vaardigheid die het werk vraagt. Algemene vaardigheden die bijna iedereen heeft, zoals samenwerken of Nederlands, tellen wel mee in de score. Maar alleen zo'n vaardigheid delen is niet genoeg om in de lijst te komen. In je eigen lijst staat werk tot twee keer zo ver als je wilt reizen. Je kunt dat zelf ruimer of kleiner maken met de afstand in de filters.",
    oversight3:
      'Een werkgever of consulent bekijkt zelf de kandidaat en beslist. Een kandidaat beslist zelf op welk werk hij of zij reageert.',
    oversight4: 'Je kunt ook altijd zelf zoeken in alle vacatures, zonder score.',
    allVacancies: 'Bekijk alle vacatures',

    logTitle: 'Wat wordt vastgelegd?',
    log1: 'Elke keer dat we een lijst met scores laten zien, leggen we vast: wie de lijst zag en wanneer, de zoekvraag, de versie van de gewichten, en welke kandidaten of vacatures in de lijst stonden.',
    log2: 'Zo kunnen we achteraf controleren wat het systeem deed. En of het eerlijk werkte.',
    log3: 'We bewaren dit {months} maanden. Daarna verwijderen we het.',
    log4: 'Opent een werkgever je profiel? Ook dat leggen we vast.',

    rightsTitle: 'Welke rechten heb je?',
    rights1:
      'Een computer mag niet alleen over je beslissen. Dat staat in de privacywet AVG (artikel 22). Bij Werkregie beslist altijd een mens.',
    rights2: 'Je mag weten welke gegevens we van je hebben en wat we ermee doen. Dat heet inzage.',
    rights3: 'Klopt een gegeven niet? Dan mag je vragen om het te verbeteren. Veel gegevens pas je zelf aan in je profiel.',
    rights4: 'Je mag bezwaar maken tegen het matchen met je gegevens. Dan bekijken we opnieuw of dat mag.',
    rights5: 'Je kiest zelf welke werkgevers je profiel mogen zien.',
    rights6:
      'Wil je iets vragen of aanvragen? Neem contact op met je consulent. Ben je het niet eens met hoe we met je gegevens omgaan? Dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.',

    risksTitle: "Risico's en maatregelen",
    risks1:
      'Het matchen is een systeem met hoog risico volgens de Europese AI-verordening (bijlage III, punt 4a: systemen die mensen voor werk zoeken of selecteren). Daarom nemen we deze maatregelen:',
    riskInputs: 'Beschermde gegevens zijn nooit invoer van de score. Een automatische test controleert dat.',
    riskBias:
      'Gegevens die wel meetellen, kunnen samenhangen met een beschermd kenmerk. Bijvoorbeeld: wie een beperking heeft, wil soms minder uren werken. Daarom onderzoeken we of scores voor groepen verschillen (bias-onderzoek). Dat doen we met gegevens zonder namen. Vinden we een oneerlijk verschil? Dan passen we de rekenregels of gewichten aan.',
    riskTrust: 'Mensen kunnen de score te veel vertrouwen. Daarom staat bij elke score waarom, en dat het een advies is.',
    riskStale: 'Oude gegevens geven een verkeerd beeld. Daarom verloopt de beschikbaarheid als niemand die na een aantal weken bevestigt.',
    riskScraping:
      'Werkgevers mogen niet veel profielen tegelijk verzamelen. Een werkgever mag per dag maar een beperkt aantal profielen openen. Bij grote aantallen krijgt de beheerder een melding.',
    riskLog: 'Elke lijst wordt vastgelegd. Zo is controle achteraf mogelijk.',
    riskOpen:
      'Werkgevers en kandidaten kunnen deze uitleg lezen. De broncode van Werkregie is open source: iedereen kan de rekenregels nalezen.',
  },
  en: {
    title: 'How does matching work?',
    intro:
      'Werkregie looks for work that fits you. And for people who fit a job. This is called matching. On this page we explain how it works. We do this in the way of the Dutch government Algorithm Register.',
    registerLink: 'See the Algorithm Register of the Dutch government',
    summaryTitle: 'In short',
    summaryName: 'Name',
    summaryNameValue: 'Matching of candidates and vacancies in Werkregie',
    summaryKind: 'Kind of algorithm',
    summaryKindValue: 'Fixed calculation rules. The system does not learn by itself and does not change by itself.',
    summaryDecides: 'Who decides?',
    summaryDecidesValue: 'Always a person. The computer only gives advice.',
    summaryRisk: 'Risk',
    summaryRiskValue: 'High risk under the European AI Act (Annex III, point 4a).',

    whatTitle: 'What does it do?',
    what1:
      'Matching compares a candidate with a vacancy. Then every match gets a score from 0 to 100. The higher the score, the better it seems to fit.',
    what2:
      'Candidates see the work that fits best at the top. Employers and consultants see candidates who fit a vacancy. An employer only sees what the candidate chooses to show.',
    what3: 'Every score comes with plain sentences that say why. For example: "{example}"',
    what4:
      'The score for an employer only uses what the candidate shares with that employer. What the candidate does not share does not count.',

    whyTitle: 'Why do we do this?',
    why1: 'Many people are looking for work. And much work is left undone. They often do not find each other.',
    why2: 'With matching, candidates and employers can find each other themselves. Then they wait less long.',
    why3: 'Matching helps with searching. It picks no one and rejects no one.',

    dataTitle: 'Which data does it use?',
    dataUsedIntro: 'For the score we only use data about work:',
    dataOccupation: 'The occupations the candidate is looking for, and the occupation of the vacancy.',
    dataSkills: 'The skills of the candidate, and the skills the job asks for.',
    dataDistance:
      "The distance between the candidate's postcode and the postcode of the job (only the 4 digits), and how far the candidate wants to travel.",
    dataHours: 'How many hours a week the candidate wants to work, and how many hours the job is.',
    dataLanguage: "The candidate's level of Dutch, and the level the job asks for.",
    dataAvailability: 'Whether the candidate can start, and whether that was confirmed recently.',
    dataSupport: 'Which support the candidate needs, and which support the employer offers. We show this. But it never changes the score.',
    dataNeverIntro: 'We never use these data for the score:',
    neverAge: 'age',
    neverGender: 'gender',
    neverOrigin: 'origin, nationality or country of birth',
    neverHealth: 'health or a disability',
    neverSupport: 'whether someone needs support (the support need as such)',
    neverTargetGroup: 'whether someone belongs to a target group, such as the target group register, the Participation Act or the Wajong',
    neverIdentity: 'name, e-mail address and phone number',
    dataNeverTest: 'An automated test checks this. When we change these data, every score must stay exactly the same.',

    scoreTitle: 'How is the score calculated?',
    score1: 'The score is made of parts. Each part first gets its own score from 0 to 100.',
    score2: 'Each part has a weight. A part with a high weight counts more. The score is the weighted average of the parts.',
    scoreUnknown:
      'Do we not know something? Or does a part not apply to this job? For example because the vacancy names no language level. Then that part does not count. We calculate with the other parts.',
    scoreVersions:
      'An instantie can change the weights. Every change gets a new version number. The table shows the weights we use when the instantie changes nothing.',
    tableCaption: 'The parts of the score and their weight',
    colPart: 'Part',
    colRule: 'How we calculate the part',
    colWeight: 'Weight',
    rule_beroep:
      'Is the candidate looking for exactly this occupation? Then 100. Is it similar to an occupation the candidate is looking for (the same ISCO group)? Then {isco}. Otherwise 0.',
    rule_vaardigheden: 'Which share of the needed skills does the candidate have? Does the candidate have 3 of the 4? Then {threeOfFour}.',
    rule_extraVaardigheden: 'The same, for the skills that are a bonus.',
    rule_afstand:
      'Close by: 100. The further away, the lower. Exactly at the longest distance the candidate wants to travel: {edge}. At twice that distance or further: 0.',
    rule_uren:
      'The closer the hours are to what the candidate wants, the higher. Does the candidate want 24 hours and is the job 32 hours? Then {hours}.',
    rule_taal: "Is the candidate's level high enough? Then 100. One level too low: {oneBelow}. More than one level too low: 0.",
    rule_beschikbaarheid: 'Can the candidate start now? Then 100. Soon: {soon}. Not available, or the availability has expired: 0.',
    rule_ondersteuning: 'We show which support the candidate needs and whether the employer offers it. This never counts.',
    weightNever: '0 (never counts)',

    exampleTitle: 'An example',
    exampleIntro:
      "A candidate is looking for work as a {occupation}. There is a vacancy for a {occupation} of 32 hours a week, 6 km from the candidate's home. This is how we calculate the score:",
    exampleCaption: 'The score of the example, part by part',
    colFacts: 'What we know',
    colPartScore: 'Score of the part',
    colPoints: 'Points (score × weight ÷ 100)',
    partScoreValue: '{value} out of 100',
    notCountedValue: 'does not count',
    exampleSum:
      'Together that makes {points} points. There could have been {weights} points. {points} out of {weights} is {total} out of 100.',
    exampleTotal: 'The score of this example is: {total}',
    exampleCandidateTitle: 'This is how the candidate sees the explanation of this score',
    exampleOccupation: 'cleaner',
    exampleSkill1: 'using cleaning products safely',
    exampleSkill2: 'cleaning floors',
    exampleSkill3: 'separating waste',
    exampleSkill4: 'operating cleaning machines',
    exampleNice1: 'washing windows',
    exampleNice2: 'cleaning sanitary facilities',

    oversightTitle: 'Human oversight',
    oversight1: 'The computer decides nothing. Every list with scores is advice.',
    oversight2:
      'We reject no one because of a low score. A low score takes no one out of the list. Only someone whose availability has expired is put at the bottom.',
    oversightScope:
      'A list with scores holds vacancies and candidates that have something in common: the same occupation, or a skill the job asks for. General skills that nearly everyone has, such as working together or Dutch, do count in the score. But sharing only such a skill is not enough to be in the list. Your own list shows work up to twice as far as you want to travel. You can make that wider or smaller yourself with the distance in the filters.',
    oversight3: 'An employer or consultant looks at the candidate and decides. A candidate decides which work to respond to.',
    oversight4: 'You can also always search all vacancies yourself, without a score.',
    allVacancies: 'See all vacancies',

    logTitle: 'What is recorded?',
    log1: 'Every time we show a list with scores, we record: who saw the list and when, the search question, the version of the weights, and which candidates or vacancies were in the list.',
    log2: 'So we can check afterwards what the system did. And whether it worked fairly.',
    log3: 'We keep this for {months} months. Then we delete it.',
    log4: 'Does an employer open your profile? We record that too.',

    rightsTitle: 'What are your rights?',
    rights1:
      'A computer may not decide about you on its own. That is in the privacy law GDPR (article 22). In Werkregie a person always decides.',
    rights2: 'You may know which data we have about you and what we do with them. This is called access.',
    rights3: 'Is something wrong? Then you may ask to correct it. You can change many data yourself in your profile.',
    rights4: 'You may object to matching with your data. Then we look again at whether that is allowed.',
    rights5: 'You choose yourself which employers may see your profile.',
    rights6:
      'Do you want to ask or request something? Contact your consultant. Do you disagree with how we handle your data? Then you can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).',

    risksTitle: 'Risks and measures',
    risks1:
      'Matching is a high-risk system under the European AI Act (Annex III, point 4a: systems that search for or select people for work). That is why we take these measures:',
    riskInputs: 'Protected data are never inputs of the score. An automated test checks this.',
    riskBias:
      'Data that do count can be linked to a protected characteristic. For example: someone with a disability sometimes wants to work fewer hours. That is why we examine whether scores differ between groups (bias examination). We do this with data without names. Do we find an unfair difference? Then we change the rules or the weights.',
    riskTrust: 'People can trust the score too much. That is why every score says why, and that it is advice.',
    riskStale: 'Old data give a wrong picture. That is why availability expires when nobody confirms it after a number of weeks.',
    riskScraping:
      'Employers may not collect many profiles at once. An employer may open only a limited number of profiles a day. With large numbers the administrator gets a notice.',
    riskLog: 'Every list is recorded. That makes checks afterwards possible.',
    riskOpen: 'Employers and candidates can read this explanation. The source code of Werkregie is open source: anyone can read the rules.',
  },
});

export type MatchingInfoKey = keyof (typeof matchingInfoText)['nl'];
