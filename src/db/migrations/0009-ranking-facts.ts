import { sql, type Kysely } from 'kysely';

// Two facts that a ranked list of candidates needs of every row it finds, kept on the candidate's
// own row by the database, so that a list of thousands reads them with the row instead of looking
// each one up elsewhere (docs/decisions/026-ranking-facts-on-the-row.md):
//
// - consent_given: whether a consent of the candidate stands (a row in consent that is not
//   withdrawn). The consent table stays the record of who gave and withdrew it, and when; triggers
//   on it keep the flag after every statement that changes it, so no write path can forget it.
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
  // Once per statement over the consent rows it changed (bulk imports and seeds write thousands at once).
  `create function keep_candidate_consent() returns trigger language plpgsql as $$
   begin
     update candidate set consent_given = standing.given
       from (select changed.candidate_id, exists (select from consent
               where consent.candidate_id = changed.candidate_id and consent.withdrawn_at is null) as given
             from (select distinct candidate_id from changed_consent) changed) standing
       where candidate.id = standing.candidate_id and candidate.consent_given <> standing.given;
     return null;
   end $$`,
  `create trigger consent_inserted_keeps_candidate after insert on consent
     referencing new table as changed_consent for each statement execute function keep_candidate_consent()`,
  `create trigger consent_updated_keeps_candidate after update on consent
     referencing new table as changed_consent for each statement execute function keep_candidate_consent()`,
  // The same update seen from before: a consent row moved to another candidate leaves the first one.
  `create trigger consent_updated_away_keeps_candidate after update on consent
     referencing old table as changed_consent for each statement execute function keep_candidate_consent()`,
  `create trigger consent_deleted_keeps_candidate after delete on consent
     referencing old table as changed_consent for each statement execute function keep_candidate_consent()`,
  `create function clear_candidate_consent() returns trigger language plpgsql as $$
   begin
     update candidate set consent_given = false where consent_given;
     return null;
   end $$`,
  `create trigger consent_truncated_keeps_candidate after truncate on consent
     for each statement execute function clear_candidate_consent()`,

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
