import { criteriaDutchLevelMessage, criteriaNeedsWorkMessage, criteriaPostcodeMessage } from '#app/domain/matching/criteria.js';
import { maxSavedSearches, savedSearchLimitMessage } from '#app/domain/matching/saved-searches.js';
import {
  missingWeightsMessage,
  noWeightMessage,
  sameWeightsMessage,
  savedMeanwhileMessage,
  weightFieldMessage,
  weightedParts,
  type WeightedPart,
} from '#app/domain/matching/weights.js';
import type { Locale } from './i18n.js';

/** The parts of the match score as the English page names them (src/http/pages/matching/messages.ts). */
const weightPartNamesEnglish: Record<WeightedPart, string> = {
  beroep: 'Occupation',
  vaardigheden: 'Skills that are needed',
  extraVaardigheden: 'Extra skills',
  afstand: 'Distance',
  uren: 'Hours',
  taal: 'Dutch language',
  beschikbaarheid: 'Availability',
};

/**
 * Validation messages are written in Dutch where the rule lives (the domain schemas); this is
 * their English text, keyed by the Dutch sentence as gettext does. A missing entry shows Dutch.
 */
const english: Record<string, string> = {
  'Vul een postcode in, bijvoorbeeld 3011 AB.': 'Enter a postcode, for example 3011 AB.',
  'Vul een geldige postcode in, bijvoorbeeld 3011 AB.': 'Enter a valid postcode, for example 3011 AB.',
  'Vul het KvK-nummer in.': 'Enter the KvK number.',
  'Een KvK-nummer heeft 8 cijfers, bijvoorbeeld 12345678.': 'A KvK number has 8 digits, for example 12345678.',
  'Vul je e-mailadres en wachtwoord in.': 'Enter your e-mail address and password.',
  'Dit e-mailadres of wachtwoord klopt niet.': 'This e-mail address or password is not right.',
  'Vul de naam van de organisatie in.': 'Enter the name of the organisation.',
  'De naam is te lang.': 'The name is too long.',
  'Vul de sector in.': 'Enter the sector.',
  'De sector is te lang.': 'The sector is too long.',
  'Kies een PSO-niveau.': 'Choose a PSO level.',
  'Vul een datum in als jjjj-mm-dd.': 'Enter a date as yyyy-mm-dd.',
  'Vul de naam van de vestiging in.': 'Enter the name of the location.',
  'Kies een categorie.': 'Choose a category.',
  'Schrijf op waarom de categorie verandert.': 'Write down why the category changes.',
  'Schrijf op waarom de categorie verandert (minstens 5 tekens).': 'Write down why the category changes (at least 5 characters).',
  'Schrijf hoogstens 1000 tekens.': 'Write at most 1000 characters.',
  'Kies een andere categorie dan de huidige.': 'Choose a category other than the current one.',
  'Vul de naam in.': 'Enter the name.',
  'De naam is te lang. Gebruik hoogstens 200 tekens.': 'The name is too long. Use at most 200 characters.',
  'Vul het e-mailadres in.': 'Enter the e-mail address.',
  'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.': 'Enter a valid e-mail address, for example name@example.nl.',
  'Kies een wachtwoord van minstens 10 tekens.': 'Choose a password of at least 10 characters.',
  'Het wachtwoord is te lang. Gebruik hoogstens 128 tekens.': 'The password is too long. Use at most 128 characters.',
  'Deze persoon is al gebruiker van deze werkgever.': 'This person is already a user of this employer.',
  'Geef de sleutel een naam.': 'Give the key a name.',
  'De naam is te lang. Gebruik hoogstens 100 tekens.': 'The name is too long. Use at most 100 characters.',
  'Vul de voornaam in.': 'Enter the first name.',
  'Vul de achternaam in.': 'Enter the last name.',
  'De voornaam is te lang.': 'The first name is too long.',
  'De achternaam is te lang.': 'The last name is too long.',
  'Er is al een account met dit e-mailadres.': 'There already is an account with this e-mail address.',
  // Candidate profile and visibility (src/domain/candidates, src/http/pages/profile).
  'Kies een beroep of vaardigheid uit de lijst.': 'Choose an occupation or skill from the list.',
  'Kies er hoogstens 20.': 'Choose at most 20.',
  'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.': 'Enter a valid phone number, for example 06 12345678.',
  'Vul een aantal uren in tussen 1 en 40.': 'Enter a number of hours between 1 and 40.',
  'Kies een dag uit de lijst.': 'Choose a day from the list.',
  'Kies je hoogste opleiding.': 'Choose your highest education.',
  'Vul de functie in.': 'Enter the job.',
  'Schrijf hoogstens 2000 tekens.': 'Write at most 2000 characters.',
  'Kies hoe goed je Nederlands is.': 'Choose how well you speak Dutch.',
  'Vul een afstand in tussen 0 en 200 km.': 'Enter a distance between 0 and 200 km.',
  'Kies hoe je reist.': 'Choose how you travel.',
  'Kies uit de lijst.': 'Choose from the list.',
  'Kies een trede van 1 tot en met 6.': 'Choose a step from 1 to 6.',
  'Kies hoeveel hulp je wilt.': 'Choose how much help you want.',
  'Kies of je beschikbaar bent.': 'Choose whether you are available.',
  'Kies wie dit mag zien.': 'Choose who may see this.',
  'Kies of je anoniem wilt zijn.': 'Choose whether you want to be anonymous.',
  // Vacancies and the employer's own organisation (src/domain/vacancies, src/domain/employers).
  'Vul de functienaam in.': 'Enter the job title.',
  'De functienaam is te lang. Gebruik hoogstens 150 tekens.': 'The job title is too long. Use at most 150 characters.',
  'Beschrijf het werk.': 'Describe the work.',
  'De beschrijving is te lang. Gebruik hoogstens 5000 tekens.': 'The description is too long. Use at most 5000 characters.',
  'Vul een aantal uren per week in tussen 1 en 40.': 'Enter a number of hours a week between 1 and 40.',
  'Kies het soort contract.': 'Choose the kind of contract.',
  'Kies het niveau Nederlands dat nodig is.': 'Choose the level of Dutch that is needed.',
  'Kies een beroep uit de lijst.': 'Choose an occupation from the list.',
  'Kies vaardigheden uit de lijst.': 'Choose skills from the list.',
  'Kies hoogstens 20 vaardigheden.': 'Choose at most 20 skills.',
  'Kies ondersteuning uit de lijst.': 'Choose support from the list.',
  'Vul in tot wanneer de vacature openstaat, bijvoorbeeld 2026-12-31.': 'Enter until when the vacancy is open, for example 2026-12-31.',
  'Vul een geldige datum in, bijvoorbeeld 2026-12-31.': 'Enter a valid date, for example 2026-12-31.',
  'De einddatum is al voorbij. Kies vandaag of een latere datum.': 'The closing date has already passed. Choose today or a later date.',
  'Een vaardigheid staat bij nodig en bij mooi meegenomen. Kies er één.': 'A skill is both needed and nice to have. Choose one.',
  'Gebruik hoogstens 100 tekens.': 'Use at most 100 characters.',
  'Gebruik hoogstens 50 tekens.': 'Use at most 50 characters.',
  'Vul een aantal jaren in tussen 0 en 60.': 'Enter a number of years between 0 and 60.',
  'Vul hoogstens 20 banen in.': 'Enter at most 20 jobs.',
  'Vul de taal in.': 'Enter the language.',
  'Vul hoogstens 10 talen in.': 'Enter at most 10 languages.',
  'Kies hoe goed je deze taal kent.': 'Choose how well you know this language.',
  'Kies een soort contract uit de lijst.': 'Choose a kind of contract from the list.',
  'Kies ja of nee bij open hiring.': 'Choose yes or no for open hiring.',
  'Het minimum aantal uren is hoger dan het maximum.': 'The minimum number of hours is higher than the maximum.',
  'Kies de organisatie van de vacature.': 'Choose the organisation of the vacancy.',
  'Kies of de vacature vervuld is.': 'Choose whether the vacancy has been filled.',
  'De naam van de vestiging is te lang.': 'The name of the location is too long.',
  'Vul hoogstens 50 vestigingen in.': 'Enter at most 50 locations.',
  // Choosing a password (src/http/pages/password.tsx).
  'Kies een wachtwoord van hoogstens 128 tekens.': 'Choose a password of at most 128 characters.',
  'Herhaal het wachtwoord.': 'Repeat the password.',
  'De twee wachtwoorden zijn niet hetzelfde.': 'The two passwords are not the same.',
  'Vul een aantal kilometers in tussen 1 en 500.': 'Enter a number of kilometres between 1 and 500.',
  // Saved searches (src/domain/matching/saved-searches.ts).
  'Geef de zoekopdracht een naam.': 'Give the search a name.',
  'Kies of er elke week een bericht moet komen.': 'Choose whether a message should come every week.',
  'Er is al een zoekopdracht met deze naam. Kies een andere naam.': 'There already is a search with this name. Choose another name.',
  [savedSearchLimitMessage]: `There already are ${maxSavedSearches} saved searches. That is the maximum. Delete a search first.`,
  // An employer's search for candidates (src/domain/matching/criteria.ts).
  [criteriaPostcodeMessage]: 'Enter a postcode of 4 digits, such as 3011, or a whole postcode, such as 3011 AB.',
  [criteriaDutchLevelMessage]: 'Choose a level of Dutch from the list.',
  [criteriaNeedsWorkMessage]:
    'Choose an occupation or at least one skill. We look for candidates who want to do that occupation or who have these skills.',
  // Match weights (src/domain/matching/weights.ts).
  ...Object.fromEntries(
    weightedParts.map((part) => [weightFieldMessage(part), `Enter a whole number from 0 to 100 for "${weightPartNamesEnglish[part]}".`]),
  ),
  [missingWeightsMessage]: 'Enter a weight for each part.',
  [noWeightMessage]: 'Set at least one weight higher than 0. Otherwise we cannot calculate a score.',
  [sameWeightsMessage]: 'These weights are already in use. Change at least one weight.',
  [savedMeanwhileMessage]: 'Someone else has just saved new weights. Look at the new version and try again.',
  'Schrijf op waarom de gewichten veranderen.': 'Write down why the weights change.',
  'Schrijf op waarom de gewichten veranderen (minstens 5 tekens).': 'Write down why the weights change (at least 5 characters).',
  'Schrijf hoogstens 500 tekens.': 'Write at most 500 characters.',
};

export function translateError(message: string, locale: Locale): string {
  return locale === 'en' ? (english[message] ?? message) : message;
}
