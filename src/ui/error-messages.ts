import {
  changedMeanwhileMessage,
  expiredProfilesMessage,
  fieldRange,
  nothingChangedMessage,
  numberFieldMessage,
  numberKnobs,
  poolSearchMessage,
  settingsReasonMessage,
  settingsReasonShortMessage,
  trialOrderMessage,
  type NumberField,
} from '#app/domain/instanties/commands.js';
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
import * as support from '#app/domain/support/rules.js';
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

/** Placements (src/domain/placements/schema.ts and commands.ts), with the numbers the rules put in. */
const placementEnglish: Record<string, string> = {
  'Kies het soort plaatsing.': 'Choose the kind of placement.',
  'Vul de startdatum in.': 'Enter the start date.',
  'Vul een geldige datum in, bijvoorbeeld 2027-01-04.': 'Enter a valid date, for example 2027-01-04.',
  'De startdatum is al voorbij. Kies vandaag of een latere datum.': 'The start date has passed. Choose today or a later date.',
  'Vul de einddatum in.': 'Enter the end date.',
  'De einddatum ligt voor de startdatum.': 'The end date is before the start date.',
  'Gebruik hoogstens 2000 tekens voor de ondersteuning.': 'Use at most 2000 characters for the support.',
  'Gebruik hoogstens 4000 tekens voor de voorwaarden.': 'Use at most 4000 characters for the conditions.',
  'Vul een aantal maanden in tussen 0 en 120.': 'Enter a number of months between 0 and 120.',
  'Gebruik hoogstens 100 tekens voor het kenmerk.': 'Use at most 100 characters for the reference.',
  'Vul de datum van het advies in.': 'Enter the date of the advice.',
  'Beschut werk kan alleen met een positief advies. Vul de datum van het advies in.':
    'Sheltered work is only possible with a positive advice. Enter the date of the advice.',
  'Vul het kenmerk van het positieve advies in.': 'Enter the reference of the positive advice.',
  'De kandidaat werkt al zoveel uur als die kan. Een plaatsing erbij kan niet.':
    'The candidate already works as many hours as they can. Another placement is not possible.',
  'Kies: goedkeuren of afwijzen.': 'Choose: approve or reject.',
  'Schrijf waarom de plaatsing niet doorgaat.': 'Write why the placement does not go ahead.',
  'Schrijf in een paar woorden waarom (minstens 10 tekens).': 'Write in a few words why (at least 10 characters).',
  'Gebruik hoogstens 2000 tekens.': 'Use at most 2000 characters.',
  'Gebruik hoogstens 4000 tekens.': 'Use at most 4000 characters.',
  'Vul in op welke dag de plaatsing stopte.': 'Enter the day the placement stopped.',
  'Kies hoe het verder gaat.': 'Choose what happens next.',
  'Schrijf kort hoe het ging.': 'Write briefly how it went.',
  'De plaatsing kan niet stoppen voor de startdatum.': 'The placement cannot stop before the start date.',
  'Die dag is nog niet geweest. Leg het einde vast op of na de laatste dag.':
    'That day has not come yet. Record the end on or after the last day.',
  ...Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [
      `De kandidaat kan nog ${i + 1} uur per week werken. Kies hoogstens ${i + 1} uur.`,
      `The candidate can work ${i + 1} more hours a week. Choose at most ${i + 1} hours.`,
    ]),
  ),
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `Een proefplaatsing duurt hoogstens ${i + 1} maanden. Vul de einddatum in.`,
      `A trial placement lasts at most ${i + 1} months. Enter the end date.`,
    ]),
  ),
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, i) => [
      `Een proefplaatsing duurt hoogstens ${i + 1} maanden.`,
      `A trial placement lasts at most ${i + 1} months.`,
    ]),
  ),
  ...Object.fromEntries(
    Array.from({ length: 12 }, (_, a) =>
      Array.from({ length: 12 }, (_, e) => [
        `Een proefplaatsing duurt hoogstens ${a + 1} maanden. Wilt u de kandidaat daarna een contract van minstens 6 maanden geven? Dan mag het ${e + 1} maanden.`,
        `A trial placement lasts at most ${a + 1} months. Do you want to give the candidate a contract of at least 6 months afterwards? Then it may last ${e + 1} months.`,
      ]),
    ).flat(),
  ),
};

/** The number fields of the instantie settings as the English page names them (src/http/pages/beheer/messages.ts). */
const settingFieldNamesEnglish: Record<NumberField, string> = {
  availabilityWeeks: 'Weeks availability lasts',
  availabilityReminderDays: 'Days of advance reminder',
  'dailyProfileViews.preferred': 'Profiles per day, preferred partner',
  'dailyProfileViews.committed': 'Profiles per day, committed partner',
  'dailyProfileViews.business_as_usual': 'Profiles per day, regular employer',
  flagAtPercent: 'Report from this percentage',
  applicationExpiryDays: 'Days until a contact expires',
  committedStartWorkingDays: 'Working days until the placement starts by itself',
  'trialPlacementMonths.standard': 'Months of trial placement, standard',
  'trialPlacementMonths.extended': 'Months of trial placement, longer',
  placementEndNoticeDays: 'Days of advance reminder of the end date',
  supportDueWorkingDays: 'Working days for a support request',
  'planningRates.jobcoachHourEuros': 'Euros per hour of jobcoaching',
  'planningRates.loonwaardebepalingEuros': 'Euros per wage value assessment',
};
const englishNumber = new Intl.NumberFormat('en-GB');

/** Instantie settings (src/domain/instanties/commands.ts). */
const settingsEnglish: Record<string, string> = {
  ...Object.fromEntries(
    (['flagAtPercent', ...numberKnobs] as const).map((field) => {
      const { min, max } = fieldRange(field);
      const range = `from ${englishNumber.format(min)} to ${englishNumber.format(max)}`;
      return [numberFieldMessage(field), `Enter a whole number ${range} for "${settingFieldNamesEnglish[field]}".`];
    }),
  ),
  [poolSearchMessage]: 'Choose employers from the list.',
  [expiredProfilesMessage]: 'Choose what employers see of candidates whose availability has lapsed.',
  [trialOrderMessage]: 'The longer trial placement may not be shorter than the standard trial placement.',
  [nothingChangedMessage]: 'You have not changed anything. Change at least one setting.',
  [settingsReasonMessage]: 'Write down why the settings change.',
  [settingsReasonShortMessage]: 'Write down why the settings change (at least 5 characters).',
  [changedMeanwhileMessage]:
    'Someone else has just changed the settings. Below are the settings as they are now. Check whether your change is still needed and then save again.',
};

/** Contacts (src/domain/applications/commands.ts). */
const applicationEnglish: Record<string, string> = {
  'Stuur het formulier opnieuw. Wat er binnenkwam, kunnen we niet lezen.': 'Send the form again. We cannot read what came in.',
  'Schrijf een bericht.': 'Write a message.',
  'Schrijf het bericht als tekst.': 'Write the message as text.',
  'Uw bericht is te lang. Gebruik hoogstens 4000 tekens.': 'Your message is too long. Use at most 4000 characters.',
  'Schrijf in een paar woorden waarom.': 'Write in a few words why.',
  'Vraag eerst of de kandidaat dit goed vindt.': 'First ask whether the candidate agrees.',
  'Kies ja of nee.': 'Choose yes or no.',
  'Kies: doorsturen of afwijzen.': 'Choose: forward or decline.',
};

/**
 * Validation messages are written in Dutch where the rule lives (the domain schemas); this is
 * their English text, keyed by the Dutch sentence as gettext does. A missing entry shows Dutch.
 */
const english: Record<string, string> = {
  ...placementEnglish,
  ...applicationEnglish,
  ...settingsEnglish,
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
  'Beschrijf in gewone woorden wat het werk van het lichaam vraagt.': 'Describe in plain words what the work asks of the body.',
  'De lichamelijke eisen zijn te lang. Gebruik hoogstens 2000 tekens.':
    'The physical requirements are too long. Use at most 2000 characters.',
  'Beschrijf wat het werk van het lichaam vraagt. Bij open hiring lezen kandidaten dit en kiezen zij zelf of zij het werk kunnen doen.':
    'Describe what the work asks of the body. With open hiring, candidates read this and decide for themselves whether they can do the work.',
  // Open hiring (src/domain/open-hiring/rules.ts).
  'Lees wat het werk van je lichaam vraagt. Zet dan een vinkje als je dit werk kunt doen.':
    'Read what the work asks of your body. Then tick the box if you can do this work.',
  'Deze vacature werkt niet met open hiring. Er is geen wachtlijst.': 'This vacancy does not use open hiring. There is no waiting list.',
  'Je staat al op de wachtlijst van deze vacature.': 'You are already on the waiting list of this vacancy.',
  'Je hebt al contact met deze werkgever over deze vacature. Kijk bij je contacten.':
    'You are already in contact with this employer about this vacancy. Look at your contacts.',
  'Deze vacature is niet meer open. U kunt niemand meer van de wachtlijst nemen.':
    'This vacancy is no longer open. You can no longer take anyone from the waiting list.',
  'Er staat niemand op de wachtlijst. Als iemand zich meldt, kunt u die persoon nemen.':
    'Nobody is on the waiting list. When someone signs up, you can take them.',
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
  // Support on call and budgets (src/domain/support/rules.ts).
  [support.provisionMessage]: 'Choose the kind of support.',
  [support.amountMessage]: 'Enter an amount in whole euros, without a comma. For example 1500.',
  [support.loonwaardeMessage]: 'Enter the wage value: a whole number from 0 to 100.',
  [support.noSubsidyMessage]:
    'At a wage value of 100 percent there is no wage cost subsidy. The employee then earns the minimum wage themselves.',
  [support.jobcoachHoursMessage]: 'Enter the number of job coach hours: a whole number from 1 to 2000.',
  [support.explanationMessage]: 'Write in a few sentences what the money is needed for (at least 10 characters).',
  [support.explanationTooLong]: 'Use at most 2000 characters for the explanation.',
  [support.decisionMessage]: 'Choose: approve or turn down.',
  [support.reasonMessage]: 'Write in a few words why you turn the request down (at least 10 characters).',
  [support.aboveBudgetMessage]:
    'This amount does not fit in the budget. Tick "Approve above the budget" if you want to approve the request anyway.',
  [support.spentMessage]: 'Enter the amount spent in whole euros, without a comma. For example 1500.',
  [support.spentTooMuchMessage]: 'The amount spent is higher than the amount approved. Enter at most the amount approved.',
  [support.budgetMessage]: 'Enter the budget in whole euros, without a comma. For example 250000. Enter 0 for no budget.',
  [support.yearMessage]: 'Choose a year from 2000 to 2100.',
  'Kies een soort ondersteuning uit de lijst.': 'Choose a kind of support from the list.',
  // Contacts: a step that no longer fits the contact's state (src/domain/applications/commands.ts).
  'Je hebt al contact over deze vacature. Kijk bij je contacten.': 'You are already in contact about this vacancy. Look at your contacts.',
  'Er is al een contact over deze vacature. Kijk bij uw contacten.':
    'There is already a contact about this vacancy. Look at your contacts.',
  'Je hebt al op deze uitnodiging geantwoord. Ververs de pagina.': 'You have already answered this invitation. Refresh the page.',
  'Dit is geen uitnodiging. Er is niets om op te antwoorden.': 'This is not an invitation. There is nothing to answer.',
  'De kandidaat heeft nog niet op uw uitnodiging geantwoord.': 'The candidate has not answered your invitation yet.',
  'De kandidaat heeft nog niet op uw uitnodiging geantwoord. Trek de uitnodiging in als u niet verder wilt.':
    'The candidate has not answered your invitation yet. Withdraw the invitation if you do not want to go on.',
  'In dit contact kunt u geen berichten meer sturen.': 'You can no longer send messages in this contact.',
  'In dit contact kun je geen berichten meer sturen.': 'You can no longer send messages in this contact.',
  ...Object.fromEntries(
    [
      ['Dit contact is nog nieuw.', 'This contact is still new.'],
      ['U bent hierover al in gesprek.', 'You are already in conversation about this.'],
      ['Er ligt al een aanbod.', 'There is already an offer.'],
      ['Dit contact heeft al tot een plaatsing geleid.', 'This contact has already led to a placement.'],
      ['Dit contact is afgesloten: er is nee gezegd.', 'This contact is closed: someone said no.'],
      ['Dit contact is ingetrokken.', 'This contact was withdrawn.'],
      ['Dit contact is verlopen, omdat er lang niets gebeurde.', 'This contact expired, because nothing happened for a long time.'],
    ].map(([nl, en]) => [`${nl} Ververs de pagina om te zien wat er nu kan.`, `${en} Refresh the page to see what you can do now.`]),
  ),
};

export function translateError(message: string, locale: Locale): string {
  return locale === 'en' ? (english[message] ?? message) : message;
}
