import { employerIds, type Actor } from '../accounts/actor.js';
import { isPubliclyListed } from './rules.js';

type VacancyFacts = { employerId: string; status: Parameters<typeof isPubliclyListed>[0]['status']; publishedUntil: string | null };

/** An employer user manages the vacancies of the organisations they are a member of, and no others. */
export function mayManageVacancies(actor: Actor | null, employerId: string): boolean {
  return employerIds(actor).includes(employerId);
}

/** Everyone, also without logging in, reads a publicly listed vacancy; the owner also reads its concepts and closed ones. */
export function mayReadVacancy(actor: Actor | null, vacancy: VacancyFacts, today: string): boolean {
  return isPubliclyListed(vacancy, today) || mayManageVacancies(actor, vacancy.employerId);
}
