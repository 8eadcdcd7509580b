import { sql, type Kysely } from 'kysely';
import { statementTriggers } from './statement-triggers.js';

// Two facts that a ranked list of candidates needs of every row it finds, kept on the candidate's
// own row by the database, so that a list of thousands reads them with the row instead of looking
// each one up elsewhere (docs/decisions/026-ranking-facts-on-the-row.md):
//
// - consent_given: whether a consent of the candidate stands (a row in consent that is not
//   withdrawn). The consent table stays the record of who gave and withdrew it, and when; triggers
//   on it keep the flag after every statement that changes it, so no write path can forget it.
// - home_point: the point on the earth of the candidate's PC4 area (postcode_area.point), or null
//   when the postcode is unknown. A trigger sets it whenever the postcode is written; after every
//   statement that changes postcode_area, the candidates of the PC4 areas it changed get the new
//   point. A statement that changed areas reads the candidate table once: postcode imports are rare
//   and write in a few large statements (src/domain/geo/import.ts).
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
  `create function clear_candidate_consent() returns trigger language plpgsql as $$
   begin
     update candidate set consent_given = false where consent_given;
     return null;
   end $$`,
  ...statementTriggers('consent', 'keeps_candidate', 'changed_consent', 'keep_candidate_consent', 'clear_candidate_consent'),

  `alter table candidate add column home_point earth`,
  `create function candidate_home_point() returns trigger language plpgsql as $$
   begin
     new.home_point := (select point from postcode_area where pc4 = left(new.postcode, 4));
     return new;
   end $$`,
  `create trigger candidate_keeps_home_point before insert or update of postcode on candidate
     for each row execute function candidate_home_point()`,
  // Once per statement over the PC4 areas it changed. Start-up adds the built-in areas with a statement
  // that mostly changes nothing; then no candidate is read at all.
  `create function refresh_candidate_home_points() returns trigger language plpgsql as $$
   begin
     if not exists (select from changed_area) then return null; end if;
     update candidate set home_point = (select point from postcode_area where pc4 = left(candidate.postcode, 4))
       where left(candidate.postcode, 4) in (select pc4 from changed_area)
         and candidate.home_point is distinct from (select point from postcode_area where pc4 = left(candidate.postcode, 4));
     return null;
   end $$`,
  `create function clear_candidate_home_points() returns trigger language plpgsql as $$
   begin
     update candidate set home_point = null where home_point is not null;
     return null;
   end $$`,
  ...statementTriggers('postcode_area', 'moves_candidates', 'changed_area', 'refresh_candidate_home_points', 'clear_candidate_home_points'),
  // Both facts for the candidates already there, in one pass over the table.
  `update candidate set
     consent_given = exists (select from consent where consent.candidate_id = candidate.id and consent.withdrawn_at is null),
     home_point = (select point from postcode_area where pc4 = left(candidate.postcode, 4))`,
];
