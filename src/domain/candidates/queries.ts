import { sql, type SelectQueryBuilder } from 'kysely';
import type { Db } from '#app/db/connection.js';
import type { Candidate, Database, EmployerCategory } from '#app/db/schema.js';
import { employerIds, type Actor } from '../accounts/actor.js';
import { isUuid } from '../ids.js';
import { employerStanding, type EmployerStanding } from '../employers/standing.js';
import { maySearchPool } from '../instanties/settings.js';
import { logCandidateReads } from '../privacy/access-log.js';
import { maxPoolPageSize, withinProfileViewLimit } from '../privacy/view-limit.js';
import { conceptLabels } from '../taxonomy/queries.js';
import { decideCandidateAccess, type CandidateAccess } from './policy.js';
import { conceptUris, fieldsShown, presentCandidate, type CandidatePresentation } from './presenter.js';
import { fieldGroupNames, levelsOpenTo, normaliseVisibility, restrictedGroups, type FieldGroup } from './rules.js';

export async function findCandidate(db: Db, id: string): Promise<Candidate | null> {
  if (!isUuid(id)) return null;
  return (await db.selectFrom('candidate').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

export type CandidateRead = {
  candidate: Candidate;
  access: Extract<CandidateAccess, { allowed: true }>;
  view: CandidatePresentation;
  consentGiven: boolean;
};

/**
 * Per candidate, the employers (of `employerIds`) it is in contact with by its own choice: an
 * application in which the candidate showed their name and that is still open, or led to a placement.
 */
async function contactEmployers(db: Db, employerIds: readonly string[], candidateIds: readonly string[]): Promise<Map<string, string[]>> {
  const contacts = new Map<string, string[]>();
  if (employerIds.length === 0 || candidateIds.length === 0) return contacts;
  const rows = await db
    .selectFrom('application')
    .select(['candidate_id', 'employer_id'])
    .distinct()
    .where('candidate_id', 'in', [...candidateIds])
    .where('employer_id', 'in', [...employerIds])
    .where('identity_revealed', '=', true)
    .where('state', 'in', ['new', 'in_conversation', 'offer', 'placed'])
    .execute();
  for (const row of rows) contacts.set(row.candidate_id, [...(contacts.get(row.candidate_id) ?? []), row.employer_id]);
  return contacts;
}

/** Decides access for each candidate, presents what is allowed, and logs every read. */
export type CandidateAccessDecision = {
  candidate: Candidate;
  access: Extract<CandidateAccess, { allowed: true }>;
  consentGiven: boolean;
};

/** What the actor may see of each candidate, without showing or logging anything yet; refused ones are left out. */
export async function decideAccessFor(
  db: Db,
  actor: Actor,
  candidates: readonly Candidate[],
  standing?: EmployerStanding,
): Promise<CandidateAccessDecision[]> {
  const { categoryOf } = standing ?? (await employerStanding(db, actor));
  const contacts = await contactEmployers(
    db,
    employerIds(actor),
    candidates.map((c) => c.id),
  );
  const decisions: CandidateAccessDecision[] = [];
  for (const candidate of candidates) {
    const access = decideCandidateAccess(
      actor,
      {
        instantieId: candidate.instantie_id,
        userId: candidate.user_id,
        visibility: normaliseVisibility(candidate.visibility),
        anonymous: candidate.anonymous,
        consentGiven: candidate.consent_given,
        contactEmployerIds: contacts.get(candidate.id),
      },
      (employerId) => categoryOf(employerId, candidate.instantie_id),
    );
    if (access.allowed) decisions.push({ candidate, access, consentGiven: candidate.consent_given });
  }
  return decisions;
}

/**
 * Presents and logs what the policy allows; 'limit' when an employer user would pass their daily
 * number of profiles (src/domain/privacy/view-limit.ts), and then nothing is shown or logged.
 */
async function decideAndLog(
  db: Db,
  actor: Actor,
  candidates: readonly Candidate[],
  context: string,
  known?: EmployerStanding,
): Promise<CandidateRead[] | 'limit'> {
  const now = new Date();
  const standing = known ?? (await employerStanding(db, actor));
  const decisions = await decideAccessFor(db, actor, candidates, standing);
  const labels = await conceptLabels(
    db,
    decisions.flatMap((decision) => conceptUris(decision.candidate)),
  );
  const reads: CandidateRead[] = decisions.map((decision) => ({
    ...decision,
    view: presentCandidate(decision.candidate, decision.access, labels, now),
  }));
  const shownToEmployer = reads.filter((read) => read.access.role === 'werkgever').map((read) => read.candidate.instantie_id);
  const shown = await withinProfileViewLimit(db, actor, shownToEmployer, { standing }, (trx) =>
    logCandidateReads(
      trx,
      reads.map(({ candidate, access }) => ({
        viewerUserId: actor.userId,
        viewerRole: access.role,
        candidateId: candidate.id,
        fields: fieldsShown(access),
        context,
      })),
    ),
  );
  return shown ? reads : 'limit';
}

/**
 * One candidate as the actor may see it, or null when the policy refuses (or it does not exist);
 * 'limit' when an employer user has seen their daily number of profiles.
 */
export async function readCandidate(db: Db, actor: Actor | null, id: string, context: string): Promise<CandidateRead | null | 'limit'> {
  if (!actor) return null;
  const candidate = await findCandidate(db, id);
  if (!candidate) return null;
  const reads = await decideAndLog(db, actor, [candidate], context);
  return reads === 'limit' ? reads : (reads[0] ?? null);
}

/**
 * Several candidates, in the order of `ids`, as the actor may see them; each read is logged.
 * 'limit' when they would take an employer user past their daily number of profiles.
 */
export async function readCandidates(
  db: Db,
  actor: Actor,
  ids: readonly string[],
  context: string,
  /** The actor's standing when the caller already read it (`employerStanding`), so it is not read twice. */
  standing?: EmployerStanding,
): Promise<CandidateRead[] | 'limit'> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return [];
  const rows = await db.selectFrom('candidate').selectAll().where('id', 'in', valid).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return decideAndLog(
    db,
    actor,
    valid.flatMap((id) => byId.get(id) ?? []),
    context,
    standing,
  );
}

export type CandidateListScope = 'caseload' | 'instantie' | 'expired' | 'pool';
export type CandidateListQuery = { scope: CandidateListScope; page: number; pageSize: number; search?: string };
export type CandidateList = { items: CandidateRead[]; total: number; page: number; pageSize: number };
/** Why a pool list is refused besides 'forbidden': the daily view limit, or a page over `maxPoolPageSize`. */
export type PoolRefusal = 'limit' | 'page_too_large';

/**
 * Lists candidates for the actor. The scope picks the rows; the policy then decides per row
 * what is shown, so a scope can never widen what a role may see. Staff scopes only show staff
 * their own instantie, so only the pool meets the employers' page cap and daily view limit.
 */
export async function listCandidates(
  db: Db,
  actor: Actor,
  query: CandidateListQuery & { scope: Exclude<CandidateListScope, 'pool'> },
  context: string,
): Promise<CandidateList | 'forbidden'>;
export async function listCandidates(
  db: Db,
  actor: Actor,
  query: CandidateListQuery,
  context: string,
): Promise<CandidateList | 'forbidden' | PoolRefusal>;
export async function listCandidates(
  db: Db,
  actor: Actor,
  query: CandidateListQuery,
  context: string,
): Promise<CandidateList | 'forbidden' | PoolRefusal> {
  let base = await scopedCandidates(db, actor, query.scope);
  if (base === 'forbidden') return base;
  if (query.scope === 'pool' && query.pageSize > maxPoolPageSize) return 'page_too_large';
  if (query.search?.trim()) {
    const term = `%${query.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // Employers search by pseudonym only: matching names would reveal who is behind an anonymous profile.
    base =
      query.scope === 'pool'
        ? base.where('pseudonym', 'ilike', term)
        : base.where((eb) => eb.or([eb('first_name', 'ilike', term), eb('last_name', 'ilike', term), eb('pseudonym', 'ilike', term)]));
  }
  const [{ total }] = (await base.select((eb) => eb.fn.countAll<string>().as('total')).execute()) as [{ total: string }];
  const rows = await base
    .selectAll()
    .orderBy(query.scope === 'pool' ? 'availability_expires_at' : 'last_name', query.scope === 'pool' ? 'desc' : 'asc')
    .orderBy('id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const items = await decideAndLog(db, actor, rows, context);
  if (items === 'limit') return items;
  return { items, total: Number(total), page: query.page, pageSize: query.pageSize };
}

/**
 * The candidates a scope covers for this actor, as a query to refine, or 'forbidden'. The policy
 * still decides per row what is shown (`decideAccessFor`), so a scope can never widen what a role sees.
 */
export async function scopedCandidates(
  db: Db,
  actor: Actor,
  scope: CandidateListScope,
  options: {
    /** The actor's pool when the caller already has it (`poolInstanties`), so it is not read twice. */
    pool?: Map<EmployerCategory, string[]>;
    /**
     * The caller finds its rows by their match terms (matching/queries.ts), which already hold the
     * instantie and the visibility level of the work or skill found: the instantie condition is then
     * checked per row found, so that PostgreSQL does not also read the index of every candidate of
     * those instanties (160,000 for a region) to combine the two; and which groups an employer sees
     * of each row found is left to the caller, who decides it with the policy itself
     * (`groupsVisibleToEmployer`) and leaves out the rows that show it none.
     */
    foundByTerms?: boolean;
  } = {},
): Promise<SelectQueryBuilder<Database, 'candidate', object> | 'forbidden'> {
  let base = db.selectFrom('candidate');
  const staffInstanties = staffInstantieIds(actor);
  // `instantie_id || ''` is the same value, but not one an index can look up.
  const inInstanties = (instanties: string[]) =>
    options.foundByTerms
      ? sql<boolean>`(candidate.instantie_id || '') = any(${sql.val(instanties)}::text[])`
      : sql<boolean>`candidate.instantie_id = any(${sql.val(instanties)}::text[])`;
  switch (scope) {
    case 'caseload':
      if (staffInstanties.length === 0) return 'forbidden';
      base = base.where('consultant_user_id', '=', actor.userId).where(inInstanties(staffInstanties));
      break;
    case 'instantie':
      if (staffInstanties.length === 0) return 'forbidden';
      base = base.where(inInstanties(staffInstanties));
      break;
    case 'expired':
      if (staffInstanties.length === 0) return 'forbidden';
      base = base.where(inInstanties(staffInstanties)).where('availability_expires_at', '<=', new Date());
      break;
    case 'pool': {
      const openByCategory = options.pool ?? (await poolInstanties(db, actor));
      if (openByCategory.size === 0) return 'forbidden';
      // Only candidates whose consent stands, of an instantie open to the employer's category there,
      // who show that category at least one group (a caller finding rows by terms decides that per row).
      const showsAGroupTo = (category: EmployerCategory) =>
        sql<boolean>`exists (select 1 from jsonb_each_text(candidate.visibility) v
          where v.value in (${sql.join(levelsOpenTo(category))})
          and v.key in (${sql.join(groupsOpenableTo(category))})
          and (v.key <> 'identiteit' or not candidate.anonymous))`;
      base = base
        .where('candidate.consent_given', '=', true)
        .where((eb) =>
          eb.or(
            [...openByCategory].map(([category, instanties]) =>
              options.foundByTerms ? inInstanties(instanties) : eb.and([inInstanties(instanties), showsAGroupTo(category)]),
            ),
          ),
        );
      break;
    }
  }
  return base;
}

/** The instanties where the actor works as staff (consulent, beheerder or auditor). */
export function staffInstantieIds(actor: Actor): string[] {
  return actor.memberships.flatMap((m) =>
    m.role === 'consulent' || m.role === 'beheerder' || m.role === 'auditor' ? [m.instantieId!] : [],
  );
}

/** The instanties whose pool the actor's employers may search, grouped by their best category there. */
export async function poolInstanties(db: Db, actor: Actor, known?: EmployerStanding): Promise<Map<EmployerCategory, string[]>> {
  const employers = employerIds(actor);
  const result = new Map<EmployerCategory, string[]>();
  if (employers.length === 0) return result;
  const { bestCategoryAt, instanties } = known ?? (await employerStanding(db, actor));
  for (const instantie of instanties) {
    const category = bestCategoryAt(instantie.id);
    if (!maySearchPool(instantie.settings, category)) continue;
    result.set(category, [...(result.get(category) ?? []), instantie.id]);
  }
  return result;
}

function groupsOpenableTo(category: EmployerCategory): FieldGroup[] {
  return category === 'business_as_usual' ? fieldGroupNames.filter((g) => !restrictedGroups.includes(g)) : fieldGroupNames;
}
