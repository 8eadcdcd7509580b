import { sql, type Kysely } from 'kysely';

// Tables for issue 3: the ESCO taxonomy, PC4 geography, match configuration and accountability,
// profile-view limits and saved searches. See docs/decisions/012-matching.md.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements.split(/;\s*$/m).filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

const statements = `
    create extension if not exists cube;
    create extension if not exists earthdistance;

    alter table vacancy add column required_dutch_level text
      check (required_dutch_level in ('A0', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2'));

    -- ESCO occupations and skills (the built-in list, or the official download once imported).
    create table esco_concept (
      uri text primary key,
      kind text not null check (kind in ('occupation', 'skill')),
      label text not null,
      alt_labels text[] not null default '{}',
      isco_group text,
      description text,
      search_text text not null,
      source text not null default 'builtin' check (source in ('builtin', 'import')),
      updated_at timestamptz not null default now()
    );
    create index esco_concept_kind on esco_concept (kind, label);
    create index esco_concept_search_trgm on esco_concept using gin (search_text gin_trgm_ops);

    create table esco_occupation_skill (
      occupation_uri text not null,
      skill_uri text not null,
      relation text not null check (relation in ('essential', 'optional')),
      primary key (occupation_uri, skill_uri)
    );
    create index esco_occupation_skill_skill on esco_occupation_skill (skill_uri);

    create table esco_broader (
      uri text not null,
      broader_uri text not null,
      primary key (uri, broader_uri)
    );

    create table isco_group (
      code text primary key,
      label text not null
    );

    -- PC4 areas with their centre; distances are great-circle km (earthdistance).
    create table postcode_area (
      pc4 text primary key check (pc4 ~ '^[1-9][0-9]{3}$'),
      latitude double precision not null check (latitude between -90 and 90),
      longitude double precision not null check (longitude between -180 and 180),
      place text,
      municipality text
    );

    -- Versioned match weights per instantie; the newest version is in force.
    create table match_weights (
      instantie_id text not null references instantie(id),
      version integer not null check (version > 0),
      weights jsonb not null,
      created_at timestamptz not null default now(),
      created_by text,
      primary key (instantie_id, version)
    );

    -- Every ranked list shown: who, which direction, the query, the configuration and the ids shown.
    create table match_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      viewer_user_id text not null,
      viewer_role text not null,
      direction text not null check (direction in ('vacancies_for_candidate', 'candidates_for_vacancy', 'candidates_by_criteria')),
      subject_id text,
      query jsonb not null default '{}',
      weights_version text not null,
      shown_ids text[] not null,
      keep_until date not null
    );
    create index match_log_viewer on match_log (viewer_user_id, at desc);
    create index match_log_keep_until on match_log (keep_until);

    -- Candidate profiles opened per user per day, against the daily limit; unusual volumes are flagged.
    create table profile_view_count (
      user_id text not null,
      day date not null,
      views integer not null default 0,
      primary key (user_id, day)
    );

    create table scraping_flag (
      id uuid primary key default gen_random_uuid(),
      user_id text not null,
      day date not null,
      views integer not null,
      daily_limit integer not null,
      flagged_at timestamptz not null default now(),
      handled_at timestamptz,
      handled_by text,
      unique (user_id, day)
    );

    create table saved_search (
      id uuid primary key default gen_random_uuid(),
      candidate_id uuid not null references candidate(id) on delete cascade,
      name text not null,
      filters jsonb not null,
      alert_weekly boolean not null default true,
      last_alert_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index saved_search_candidate on saved_search (candidate_id)
`;
