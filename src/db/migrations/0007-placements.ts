import { sql, type Kysely } from 'kysely';

// Tables for issue 4: contact and applications, the conversation, placements with their agreement,
// support on call with budgets, and open hiring's waiting list. The state machines are written down
// in docs/domain/applications.md; every state change is also an event.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements.split(/;\s*$/m).filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

const statements = `
    -- What open hiring asks of the body: the candidate reads it and judges for themself.
    alter table vacancy add column physical_requirements text;

    -- A contact between a candidate and an employer about one vacancy: the application.
    create table application (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidate(id) on delete cascade,
      vacancy_id uuid not null references vacancy(id) on delete cascade,
      employer_id uuid not null references employer(id),
      instantie_id text not null references instantie(id),
      -- who made the first move: the candidate (interest), the employer (invitation), a consultant
      -- (a proposal), or the employer taking the next person on an open-hiring waiting list
      started_by text not null check (started_by in ('candidate', 'employer', 'consultant', 'waiting_list')),
      -- an invitation waits for the consultant (regie 'begeleid') or for the candidate
      invitation text check (invitation in ('with_consultant', 'with_candidate', 'accepted')),
      state text not null default 'new'
        check (state in ('new', 'in_conversation', 'offer', 'placed', 'declined', 'withdrawn', 'expired')),
      -- the employer sees the candidate's name once the candidate agreed (interest or an accepted invitation)
      identity_revealed boolean not null default false,
      -- the candidate lets their consultant read the conversation
      consultant_reads boolean not null default true,
      -- why it closed, in the words of the person who closed it (declines are never automatic)
      closed_reason text,
      closed_by text,
      -- a begeleid candidate hears a decline from their consultant, not from the system
      decline_told_at timestamptz,
      created_by text not null,
      created_at timestamptz not null default now(),
      state_changed_at timestamptz not null default now(),
      last_activity_at timestamptz not null default now()
    );
    create unique index application_open_per_vacancy on application (candidate_id, vacancy_id)
      where state in ('new', 'in_conversation', 'offer');
    create index application_candidate on application (candidate_id, last_activity_at desc);
    create index application_employer on application (employer_id, last_activity_at desc);
    create index application_instantie on application (instantie_id, last_activity_at desc);
    create index application_idle on application (last_activity_at) where state in ('new', 'in_conversation', 'offer');

    -- Every step of an application, with who, when and why: the lead times come from here.
    create table application_step (
      id bigint generated always as identity primary key,
      application_id uuid not null references application(id) on delete cascade,
      from_state text,
      to_state text not null,
      action text not null,
      actor_user_id text,
      actor_role text,
      reason text,
      at timestamptz not null default now()
    );
    create index application_step_application on application_step (application_id, at, id);

    -- The conversation of one contact.
    create table application_message (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references application(id) on delete cascade,
      author_user_id text not null,
      author_role text not null check (author_role in ('candidate', 'employer', 'consultant')),
      body text not null check (length(trim(body)) between 1 and 4000),
      created_at timestamptz not null default now()
    );
    create index application_message_application on application_message (application_id, created_at);

    -- The tripartite transaction. The route is the employer's category with the candidate's
    -- instantie when the placement was registered.
    create table placement (
      id uuid primary key default gen_random_uuid(),
      application_id uuid not null references application(id) on delete cascade,
      candidate_id uuid not null references candidate(id) on delete cascade,
      employer_id uuid not null references employer(id),
      vacancy_id uuid not null references vacancy(id) on delete cascade,
      instantie_id text not null references instantie(id),
      route text not null check (route in ('preferred', 'committed', 'business_as_usual')),
      kind text not null check (kind in ('proefplaatsing', 'dienstverband', 'dienstverband_lks', 'leerwerktraject',
        'detachering', 'beschut_werk')),
      status text not null check (status in ('awaiting_instantie', 'active', 'ended', 'rejected', 'cancelled')),
      start_date date not null,
      end_date date,
      hours_per_week integer not null check (hours_per_week between 1 and 40),
      support text not null default '',
      conditions text not null default '',
      -- proefplaatsing: a longer one needs the employer's intention of a contract of at least 6 months
      intended_contract_months integer check (intended_contract_months between 0 and 120),
      -- beschut werk: the positive advice it needs
      positive_advice_reference text,
      positive_advice_date date,
      -- committed route: starts by itself at this moment unless the consultant objects
      starts_unless_objection_at timestamptz,
      registered_by text not null,
      registered_at timestamptz not null default now(),
      started_at timestamptz,
      decided_by text,
      decision_reason text,
      ended_at timestamptz,
      end_reason text,
      follow_up text check (follow_up in ('contract', 'extension', 'stopped')),
      evaluation text,
      check (end_date is null or end_date >= start_date),
      check (kind <> 'beschut_werk' or positive_advice_date is not null)
    );
    create unique index placement_live_per_application on placement (application_id)
      where status in ('awaiting_instantie', 'active');
    create index placement_candidate on placement (candidate_id, status);
    create index placement_employer on placement (employer_id, registered_at desc);
    create index placement_instantie on placement (instantie_id, status, registered_at desc);
    create index placement_auto_start on placement (starts_unless_objection_at) where status = 'awaiting_instantie';

    -- Who confirmed the agreement, and when: one row per party.
    create table placement_confirmation (
      placement_id uuid not null references placement(id) on delete cascade,
      party text not null check (party in ('candidate', 'employer', 'instantie')),
      user_id text not null,
      confirmed_at timestamptz not null default now(),
      primary key (placement_id, party)
    );

    -- Support on call: what the instantie has to spend per provision per year.
    create table support_budget (
      instantie_id text not null references instantie(id),
      year integer not null check (year between 2000 and 2100),
      provision text not null check (provision in ('loonwaardebepaling', 'loonkostensubsidie', 'jobcoach',
        'werkplekaanpassing', 'no_riskpolis')),
      amount_euros integer not null check (amount_euros >= 0),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (instantie_id, year, provision)
    );

    create table support_request (
      id uuid primary key default gen_random_uuid(),
      placement_id uuid not null references placement(id) on delete cascade,
      instantie_id text not null references instantie(id),
      provision text not null check (provision in ('loonwaardebepaling', 'loonkostensubsidie', 'jobcoach',
        'werkplekaanpassing', 'no_riskpolis')),
      status text not null check (status in ('requested', 'approved', 'rejected', 'withdrawn')),
      budget_year integer not null,
      -- money in whole euros: budgets and requests are planned, not booked to the cent
      amount_euros integer not null check (amount_euros >= 0),
      spent_euros integer not null default 0 check (spent_euros >= 0),
      jobcoach_hours integer check (jobcoach_hours between 1 and 2000),
      loonwaarde_percent integer check (loonwaarde_percent between 0 and 100),
      subsidy_percent integer check (subsidy_percent between 0 and 100),
      explanation text not null default '',
      due_date date not null,
      requested_by text not null,
      requested_at timestamptz not null default now(),
      decided_by text,
      decided_at timestamptz,
      decision_reason text,
      approved_by_default boolean not null default false
    );
    create index support_request_instantie on support_request (instantie_id, status, due_date);
    create index support_request_placement on support_request (placement_id, requested_at);
    create index support_request_budget on support_request (instantie_id, budget_year, provision) where status = 'approved';

    -- Open hiring: first come, first served. The candidate joins after reading the physical requirements.
    create table waiting_list_entry (
      id uuid primary key default gen_random_uuid(),
      vacancy_id uuid not null references vacancy(id) on delete cascade,
      candidate_id uuid not null references candidate(id) on delete cascade,
      status text not null default 'waiting' check (status in ('waiting', 'taken', 'withdrawn')),
      requirements_accepted_at timestamptz not null,
      joined_at timestamptz not null default now(),
      left_at timestamptz,
      application_id uuid references application(id) on delete set null
    );
    create unique index waiting_list_once on waiting_list_entry (vacancy_id, candidate_id) where status = 'waiting';
    create index waiting_list_queue on waiting_list_entry (vacancy_id, joined_at, id) where status = 'waiting';
    create index waiting_list_candidate on waiting_list_entry (candidate_id, joined_at desc)
`;
