import { defineMessages } from '#app/ui/i18n.js';

/** Choosing ESCO occupations and skills; written for candidates and employers alike (no "je" or "u"). */
export const conceptPickerText = defineMessages({
  nl: {
    search: 'Zoeken',
    chosenNone: 'Nog niets gekozen.',
    chosenHint: 'Haal het vinkje weg om iets te verwijderen.',
    // Without JavaScript the form is posted and comes back with matches.
    searchResults: 'Gevonden bij "{query}": {count}. Vink aan wat past en sla daarna op.',
    searchResultOne: 'Gevonden bij "{query}": 1. Vink het aan als het past en sla daarna op.',
    searchNone: 'Niets gevonden bij "{query}". Probeer een ander woord.',
    // With JavaScript suggestions appear while typing; these texts are read out by a screen reader.
    suggestions: '{count} suggesties bij "{query}". Ga met Tab naar de suggesties en vink aan wat past.',
    suggestionOne: '1 suggestie bij "{query}". Ga met Tab naar de suggestie en vink die aan als die past.',
    suggestionsNone: 'Geen suggesties bij "{query}". Probeer een ander woord.',
    suggestionsFailed: 'Suggesties laden lukt nu niet. Kies Zoeken.',
  },
  en: {
    search: 'Search',
    chosenNone: 'Nothing chosen yet.',
    chosenHint: 'Untick to remove something.',
    searchResults: 'Found for "{query}": {count}. Tick what fits, then save.',
    searchResultOne: 'Found for "{query}": 1. Tick it if it fits, then save.',
    searchNone: 'Nothing found for "{query}". Try another word.',
    suggestions: '{count} suggestions for "{query}". Press Tab to reach the suggestions and tick what fits.',
    suggestionOne: '1 suggestion for "{query}". Press Tab to reach it and tick it if it fits.',
    suggestionsNone: 'No suggestions for "{query}". Try another word.',
    suggestionsFailed: 'Suggestions cannot be loaded now. Choose Search.',
  },
});
