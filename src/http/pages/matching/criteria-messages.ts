import { defineMessages } from '#app/ui/i18n.js';

/** The words of the employer's own search for candidates (/werkgever/kandidaten-zoeken). */
export const criteriaSearchText = defineMessages({
  nl: {
    title: 'Kandidaten zoeken',
    intro:
      'Zoek kandidaten die passen bij het werk dat u heeft. U ziet alleen wat een kandidaat met u deelt. De kandidaat die het beste past, staat bovenaan.',
    formTitle: 'Wat zoekt u?',
    formIntro:
      'Kies een beroep of minstens één vaardigheid. Daarmee vinden wij kandidaten: mensen die dat beroep willen doen of die deze vaardigheden hebben. De andere vragen hoeft u niet in te vullen. Ze bepalen wel wie het beste past.',
    occupationHint: 'Het beroep van het werk. Zoek het beroep en kies het.',
    skillsLegend: 'Vaardigheden',
    skillsHint: 'Wat moet iemand kunnen? Zoek een vaardigheid en vink die aan. Kies hoogstens 20.',
    skillsSearch: 'Zoek een vaardigheid',
    postcodeLabel: 'Postcode van het werk',
    postcodeHint: 'Een postcodegebied van 4 cijfers, zoals 3011, of een hele postcode, zoals 3011 AB.',
    hoursHint: 'Hoeveel uur per week is het werk? Een getal van 1 tot en met 40.',
    searchButton: 'Zoek kandidaten',
    reset: 'Wis de keuzes',
    unknownArea: 'Wij kennen postcodegebied {pc4} niet. De afstand telt daarom niet mee in de score.',
    empty: 'Wij vinden nu geen kandidaten die hierbij passen. Kies een ander beroep of andere vaardigheden. Of kijk later nog eens.',
    askIntro: 'De gemeente zoekt voor u kandidaten. Zelf zoeken in alle kandidaten kan met uw account niet.',
    askStep: 'Vertel wat voor werk het is: het beroep, wat iemand moet kunnen, waar het werk is en hoeveel uur per week.',
    backToVacancies: 'Naar mijn vacatures',
    overviewLink: 'Zoek kandidaten die passen bij het werk dat u heeft',
  },
  en: {
    title: 'Find candidates',
    intro:
      'Find candidates who fit the work you have. You only see what a candidate shares with you. The candidate who fits best is at the top.',
    formTitle: 'What are you looking for?',
    formIntro:
      'Choose an occupation or at least one skill. That is how we find candidates: people who want to do that occupation or who have these skills. You do not have to answer the other questions. They do decide who fits best.',
    occupationHint: 'The occupation of the work. Search for the occupation and choose it.',
    skillsLegend: 'Skills',
    skillsHint: 'What must someone be able to do? Search for a skill and tick it. Choose 20 at most.',
    skillsSearch: 'Search for a skill',
    postcodeLabel: 'Postcode of the work',
    postcodeHint: 'A postcode area of 4 digits, such as 3011, or a whole postcode, such as 3011 AB.',
    hoursHint: 'How many hours a week is the work? A number from 1 to 40.',
    searchButton: 'Find candidates',
    reset: 'Clear the choices',
    unknownArea: 'We do not know postcode area {pc4}. So the distance does not count in the score.',
    empty: 'We cannot find candidates who fit this now. Choose another occupation or other skills. Or look again later.',
    askIntro: 'The municipality looks for candidates for you. Your account cannot search all candidates itself.',
    askStep: 'Say what kind of work it is: the occupation, what someone must be able to do, where the work is and how many hours a week.',
    backToVacancies: 'To my vacancies',
    overviewLink: 'Find candidates who fit the work you have',
  },
});
