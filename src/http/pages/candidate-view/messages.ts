import { defineMessages } from '#app/ui/i18n.js';

export const candidateView = defineMessages({
  nl: {
    title: 'Profiel van {name}',
    intro: 'Je ziet alleen wat deze kandidaat met jouw organisatie wil delen. Dit bezoek wordt vastgelegd.',
    introStaff: 'Je ziet dit profiel als medewerker van de instantie van de kandidaat. Dit bezoek wordt vastgelegd.',
  },
  en: {
    title: 'Profile of {name}',
    intro: 'You only see what this candidate wants to share with your organisation. This visit is recorded.',
    introStaff: 'You see this profile as staff of the candidate’s instantie. This visit is recorded.',
  },
});
