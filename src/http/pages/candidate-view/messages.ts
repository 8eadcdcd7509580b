import { defineMessages } from '#app/ui/i18n.js';

export const candidateView = defineMessages({
  nl: {
    title: 'Profiel van {name}',
    intro: 'Je ziet alleen wat deze kandidaat met jouw organisatie wil delen. Dit bezoek wordt vastgelegd.',
    introStaff: 'Je ziet dit profiel als medewerker van de instantie van de kandidaat. Dit bezoek wordt vastgelegd.',
    limitTitle: 'Maximum voor vandaag bereikt',
    limitText:
      'Je hebt vandaag het maximum aantal profielen bekeken. Zo beschermen wij de gegevens van kandidaten. Morgen kun je weer profielen bekijken.',
    limitHelp: 'Zoek je vandaag nog kandidaten? Neem dan contact op met je contactpersoon bij de instantie.',
  },
  en: {
    title: 'Profile of {name}',
    intro: 'You only see what this candidate wants to share with your organisation. This visit is recorded.',
    introStaff: 'You see this profile as staff of the candidate’s instantie. This visit is recorded.',
    limitTitle: 'Maximum for today reached',
    limitText:
      'You have viewed the maximum number of profiles for today. This protects the data of candidates. Tomorrow you can view profiles again.',
    limitHelp: 'Are you still looking for candidates today? Then contact your contact person at the instantie.',
  },
});
