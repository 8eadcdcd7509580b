import { sql, type Kysely } from 'kysely';

// Two facts that a ranked list of candidates needs of every row it finds, kept on the candidate's
// own row by the database, so that a list of thousands reads them with the row instead of looking
// each one up elsewhere (docs/decisions/026-ranking-facts-on-the-row.md):
//
// - consent_given: whether a consent of the candidate stands (a row in consent that is not
//   withdrawn). The consent table stays the record of who gave and withdrew it, and when; a trigger
//   on it keeps the flag after every change, so no write path can forget it.
// - home_point: the point on the earth of the candidate's PC4 area (postcode_area.point), or null
//   when the postcode is unknown. A trigger sets it whenever the postcode is written; after every
//   statement that changes postcode_area, the candidates whose point changed get the new one. That
//   reads the whole candidate table once per statement: postcode imports are rare and write in a
//   few large statements (src/domain/geo/import.ts).
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const statements = [
  `alter table candidate add column consent_given boolean not null default false`,
  `create function refresh_candidate_consent(candidate_id uuid) returns void language sql as $$
     update candidate set consent_given = standing.given
     from (select exists (select from consent
             where consent.candidate_id = refresh_candidate_consent.candidate_id and consent.withdrawn_at is null) as given) standing
     where candidate.id = refresh_candidate_consent.candidate_id and candidate.consent_given <> standing.given
   $$`,
  `create function keep_candidate_consent() returns trigger language plpgsql as $$
   begin
     if tg_op <> 'INSERT' then perform refresh_candidate_consent(old.candidate_id); end if;
     if tg_op <> 'DELETE' then perform refresh_candidate_consent(new.candidate_id); end if;
     return null;
   end $$`,
  `create trigger consent_keeps_candidate after insert or update or delete on consent
     for each row execute function keep_candidate_consent()`,

  `alter table candidate add column home_point earth`,
  `create function candidate_home_point() returns trigger language plpgsql as $$
   begin
     new.home_point := (select point from postcode_area where pc4 = left(new.postcode, 4));
     return new;
   end $$`,
  `create trigger candidate_keeps_home_point before insert or update of postcode on candidate
     for each row execute function candidate_home_point()`,
  `create function refresh_candidate_home_points() returns trigger language plpgsql as $$
   begin
     update candidate set home_point = area.point
       from postcode_area area
       where area.pc4 = left(candidate.postcode, 4) and candidate.home_point is distinct from area.point;
     update candidate set home_point = null
       where candidate.home_point is not null
         and not exists (select from postcode_area area where area.pc4 = left(candidate.postcode, 4));
     return null;
   end $$`,
  `create trigger postcode_area_candidate_points after insert or update or delete or truncate on postcode_area
     for each statement execute function refresh_candidate_home_points()`,
  // Both facts for the candidates already there, in one pass over the table.
  `update candidate set
     consent_given = exists (select from consent where consent.candidate_id = candidate.id and consent.withdrawn_at is null),
     home_point = (select point from postcode_area where pc4 = left(candidate.postcode, 4))`,
];
