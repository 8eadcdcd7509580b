import { sql, type Kysely } from 'kysely';

// The tables of better-auth (user, session, account, verification) are made by its own
// migrations (see src/db/migrate.ts); the tables here refer to "user".id.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements.split(/;\s*$/m).filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

const statements = `
    create extension if not exists pg_trgm;

    create table region (
      id text primary key,
      name text not null
    );

    create table instantie (
      id text primary key,
      name text not null,
      kind text not null check (kind in ('gemeente', 'uwv', 'sw_bedrijf')),
      region_id text not null references region(id),
      settings jsonb not null default '{}'
    );

    -- One row per role a person holds; a person may hold several.
    create table membership (
      id uuid primary key default gen_random_uuid(),
      user_id text not null,
      role text not null check (role in ('kandidaat', 'werkgever', 'consulent', 'beheerder', 'auditor')),
      instantie_id text references instantie(id),
      employer_id uuid,
      created_at timestamptz not null default now(),
      check (role not in ('consulent', 'beheerder', 'auditor') or instantie_id is not null),
      check ((role = 'werkgever') = (employer_id is not null))
    );
    create index membership_user on membership (user_id);

    create table employer (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kvk_number text not null unique check (kvk_number ~ '^[0-9]{8}$'),
      sector text not null,
      pso_level text not null default 'geen'
        check (pso_level in ('geen', 'aspirant', 'basistrede', 'trede_1', 'trede_2', 'trede_3')),
      pso_evidence_date date,
      code_sociale_ondernemingen boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index employer_name_trgm on employer using gin (name gin_trgm_ops);
    alter table membership add foreign key (employer_id) references employer(id);

    create table employer_location (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employer(id) on delete cascade,
      name text not null,
      postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$')
    );
    create index employer_location_employer on employer_location (employer_id);

    -- The category an instantie gives an employer; an employer may work with several instanties.
    create table employer_category (
      employer_id uuid not null references employer(id) on delete cascade,
      instantie_id text not null references instantie(id),
      category text not null check (category in ('preferred', 'committed', 'business_as_usual')),
      since timestamptz not null default now(),
      primary key (employer_id, instantie_id)
    );
    create index employer_category_instantie on employer_category (instantie_id, category);

    create table employer_category_change (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employer(id) on delete cascade,
      instantie_id text not null references instantie(id),
      from_category text,
      to_category text not null,
      reason text not null check (length(trim(reason)) > 0),
      decided_by text not null,
      decided_at timestamptz not null default now()
    );
    create index employer_category_change_employer on employer_category_change (employer_id, decided_at desc);

    create table candidate (
      id uuid primary key default gen_random_uuid(),
      instantie_id text not null references instantie(id),
      user_id text unique,
      consultant_user_id text,
      pseudonym text not null unique,
      first_name text not null,
      last_name text not null,
      email text,
      phone text,
      postcode text check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      travel_radius_km integer check (travel_radius_km between 0 and 200),
      travel_modes text[] not null default '{}',
      hours_per_week integer check (hours_per_week between 1 and 40),
      days text[] not null default '{}',
      wished_occupations text[] not null default '{}',
      skills text[] not null default '{}',
      work_experience jsonb not null default '[]',
      education_level text,
      languages jsonb not null default '[]',
      dutch_level text check (dutch_level in ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
      support_needs text[] not null default '{}',
      participation_step integer check (participation_step between 1 and 6),
      regie_level text not null default 'samen' check (regie_level in ('zelf', 'samen', 'begeleid')),
      target_groups text[] not null default '{}',
      about text,
      availability text not null default 'beschikbaar'
        check (availability in ('beschikbaar', 'binnenkort', 'niet_beschikbaar')),
      availability_confirmed_at timestamptz not null default now(),
      availability_expires_at timestamptz not null,
      visibility jsonb not null,
      anonymous boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index candidate_instantie on candidate (instantie_id, last_name, first_name);
    create index candidate_consultant on candidate (consultant_user_id, last_name, first_name);
    create index candidate_expiry on candidate (instantie_id, availability_expires_at);

    -- Consent to be visible to employers: what, when, by whom. The current consent is the
    -- newest row without withdrawn_at.
    create table consent (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidate(id) on delete cascade,
      scope text not null default 'zichtbaar_voor_werkgevers',
      given_at timestamptz not null default now(),
      given_by text not null,
      recorded_as text not null check (recorded_as in ('kandidaat', 'consulent_met_kandidaat')),
      withdrawn_at timestamptz,
      withdrawn_by text
    );
    create unique index consent_active on consent (candidate_id, scope) where withdrawn_at is null;

    create table vacancy (
      id uuid primary key default gen_random_uuid(),
      employer_id uuid not null references employer(id) on delete cascade,
      title text not null,
      description text not null default '',
      postcode text not null check (postcode ~ '^[1-9][0-9]{3}[A-Z]{2}$'),
      hours_per_week integer not null check (hours_per_week between 1 and 40),
      contract_type text not null,
      occupation_uri text,
      required_skills text[] not null default '{}',
      nice_skills text[] not null default '{}',
      support_offered text[] not null default '{}',
      suitability text[] not null default '{}',
      status text not null default 'concept' check (status in ('concept', 'open', 'filled', 'closed')),
      published_until date,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index vacancy_open on vacancy (status, published_until);
    create index vacancy_employer on vacancy (employer_id, created_at desc);

    -- Every read of a candidate's personal data.
    create table access_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      viewer_user_id text not null,
      viewer_role text not null,
      candidate_id uuid not null,
      fields text[] not null,
      context text not null
    );
    create index access_log_candidate on access_log (candidate_id, at desc);
    create index access_log_viewer on access_log (viewer_user_id, at desc);

    -- Every write that matters: who, what, when, why.
    create table event (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      actor_user_id text,
      subject_type text not null,
      subject_id text not null,
      action text not null,
      reason text,
      data jsonb not null default '{}'
    );
    create index event_subject on event (subject_type, subject_id, at desc);

    create table api_token (
      id uuid primary key default gen_random_uuid(),
      user_id text not null,
      name text not null,
      token_hash text not null unique,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz
    );
`;
