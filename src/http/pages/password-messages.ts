import { defineMessages } from '#app/ui/i18n.js';

/** Making it possible for a candidate to log in, and choosing a password. */
export const passwordText = defineMessages({
  nl: {
    loginHeading: 'Inloggen voor de kandidaat',
    loginHasAccount:
      'De kandidaat heeft een account. Maakt u een nieuwe link, dan werkt het oude wachtwoord niet meer na het instellen van een nieuw.',
    loginNoAccount: 'De kandidaat kan nog niet inloggen. Met een link kiest de kandidaat zelf een wachtwoord.',
    loginNeedsEmail: 'Vul eerst een e-mailadres in bij Contactgegevens. Dat wordt de gebruikersnaam.',
    makeLink: 'Link maken om een wachtwoord te kiezen',
    linkTitle: 'Link om een wachtwoord te kiezen',
    linkIntro: 'Geef deze link aan de kandidaat, bijvoorbeeld geprint of in een bericht. De link werkt één keer.',
    linkValidUntil: 'De link werkt tot {date}.',
    linkUsername: 'De gebruikersnaam is: {email}',
    linkBack: 'Terug naar de kandidaat',
    emailTaken: 'Er is al een account met het e-mailadres van deze kandidaat. Kies een ander e-mailadres bij Contactgegevens.',
    setTitle: 'Kies een wachtwoord',
    setIntro: 'Kies een wachtwoord van minstens 10 tekens. Een zin die u goed onthoudt is een goed wachtwoord.',
    newPassword: 'Nieuw wachtwoord',
    repeatPassword: 'Herhaal het wachtwoord',
    save: 'Wachtwoord opslaan',
    invalidLink: 'Deze link werkt niet meer. Vraag je consulent om een nieuwe link.',
  },
  en: {
    loginHeading: 'Logging in for the candidate',
    loginHasAccount: 'The candidate has an account. If you make a new link, the old password stops working once a new one is chosen.',
    loginNoAccount: 'The candidate cannot log in yet. With a link the candidate chooses a password.',
    loginNeedsEmail: 'First fill in an e-mail address under Contact details. It becomes the user name.',
    makeLink: 'Make a link to choose a password',
    linkTitle: 'Link to choose a password',
    linkIntro: 'Give this link to the candidate, for example printed or in a message. The link works once.',
    linkValidUntil: 'The link works until {date}.',
    linkUsername: 'The user name is: {email}',
    linkBack: 'Back to the candidate',
    emailTaken: 'There is already an account with this candidate’s e-mail address. Choose another address under Contact details.',
    setTitle: 'Choose a password',
    setIntro: 'Choose a password of at least 10 characters. A sentence you remember well makes a good password.',
    newPassword: 'New password',
    repeatPassword: 'Repeat the password',
    save: 'Save password',
    invalidLink: 'This link no longer works. Ask your consultant for a new link.',
  },
});
