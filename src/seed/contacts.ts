import type { Db } from '#app/db/connection.js';
import { loadActor, type Actor } from '#app/domain/accounts/actor.js';
import { inviteCandidate, sendMessage, showInterest, startConversation } from '#app/domain/applications/commands.js';
import { registerPlacement } from '#app/domain/placements/commands.js';
import { todayIso } from '#app/domain/vacancies/rules.js';

/**
 * A few contacts so the demo log-ins find something to do on first start, made with the domain's
 * own commands (events, steps and notifications included):
 * - the demo candidate showed interest in a vacancy of the demo employer (a preferred partner), who
 *   answered: the employer can register the placement, which then starts at once;
 * - the demo employer invited a 'begeleid' candidate of the demo consultant: the invitation waits
 *   with the consultant;
 * - a committed partner registered a placement for a candidate of the demo consultant: it waits
 *   for the instantie, or starts by itself after the working days.
 * Returns how many contacts it made; nothing when a demo log-in is missing.
 */
export async function seedDemoContacts(db: Db, log: (line: string) => void): Promise<number> {
  const actor = async (email: string): Promise<Actor | null> => {
    const user = await db.selectFrom('user').select('id').where('email', '=', email).executeTakeFirst();
    return user ? loadActor(db, user.id) : null;
  };
  const candidate = await actor('kandidaat@demo.werkregie.nl');
  const employer = await actor('werkgever@demo.werkregie.nl');
  const consultant = await actor('consulent@demo.werkregie.nl');
  const employerId = employer?.memberships.find((m) => m.role === 'werkgever')?.employerId;
  const instantieId = consultant?.memberships.find((m) => m.role === 'consulent')?.instantieId;
  if (!candidate || !employer || !consultant || !employerId || !instantieId) return 0;

  const today = todayIso();
  const openVacancies = (employerOf: string) =>
    db
      .selectFrom('vacancy')
      .select('id')
      .where('employer_id', '=', employerOf)
      .where('status', '=', 'open')
      .where('published_until', '>=', today)
      .orderBy('created_at')
      .orderBy('id')
      .limit(2)
      .execute();
  let made = 0;

  const [first, second] = await openVacancies(employerId);
  if (first) {
    const interest = await showInterest(db, candidate, first.id, {
      message: 'Goedemiddag, ik werk graag met mijn handen en kan snel beginnen.',
    });
    if (interest.ok) {
      made++;
      await startConversation(db, employer, interest.value.id);
      await sendMessage(db, employer, interest.value.id, {
        body: 'Welkom! Kom je volgende week een dag meelopen? Dan zie je hoe het werk gaat.',
      });
    }
  }

  const guided = await db
    .selectFrom('candidate')
    .innerJoin('consent', 'consent.candidate_id', 'candidate.id')
    .select('candidate.id')
    .where('candidate.consultant_user_id', '=', consultant.userId)
    .where('candidate.regie_level', '=', 'begeleid')
    .where('consent.withdrawn_at', 'is', null)
    .orderBy('candidate.pseudonym')
    .limit(1)
    .executeTakeFirst();
  if (second && guided) {
    const invitation = await inviteCandidate(db, employer, second.id, guided.id, {
      message: 'Wij zoeken iemand die rustig en precies werkt. Wil je kennismaken?',
    });
    if (invitation.ok) made++;
  }

  const committed = await db
    .selectFrom('employer_category')
    .innerJoin('membership', 'membership.employer_id', 'employer_category.employer_id')
    .select(['employer_category.employer_id', 'membership.user_id'])
    .where('employer_category.instantie_id', '=', instantieId)
    .where('employer_category.category', '=', 'committed')
    .where('membership.role', '=', 'werkgever')
    .orderBy('employer_category.employer_id')
    .limit(1)
    .executeTakeFirst();
  const committedActor = committed ? await loadActor(db, committed.user_id) : null;
  const [committedVacancy] = committed ? await openVacancies(committed.employer_id) : [];
  const placedCandidate = await db
    .selectFrom('candidate')
    .select(['id', 'user_id', 'hours_per_week'])
    .where('consultant_user_id', '=', consultant.userId)
    .where('user_id', 'is not', null)
    .where('regie_level', '<>', 'begeleid')
    .where('hours_per_week', 'is not', null)
    .where('user_id', '<>', candidate.userId)
    .orderBy('pseudonym')
    .limit(1)
    .executeTakeFirst();
  const placedActor = placedCandidate?.user_id ? await loadActor(db, placedCandidate.user_id) : null;
  if (committedActor && committedVacancy && placedActor && placedCandidate?.hours_per_week) {
    const interest = await showInterest(db, placedActor, committedVacancy.id, {});
    if (interest.ok) {
      made++;
      await startConversation(db, committedActor, interest.value.id);
      await registerPlacement(db, committedActor, interest.value.id, {
        kind: 'proefplaatsing',
        startDate: todayIso(new Date(Date.now() + 14 * 86_400_000)),
        endDate: todayIso(new Date(Date.now() + 60 * 86_400_000)),
        hoursPerWeek: Math.min(16, placedCandidate.hours_per_week),
        intendedContractMonths: 6,
        support: 'Een werkbegeleider de eerste vier weken.',
        conditions: 'Met behoud van uitkering.',
      });
    }
  }
  log(`Contacten: ${made} (interesse, een uitnodiging bij de consulent, een plaatsing die wacht op de instantie).`);
  return made;
}
