import { sql, type Kysely } from 'kysely';
import { statementTriggers } from './statement-triggers.js';

// The point on the earth of a vacancy's PC4 area (postcode_area.point), kept on the vacancy's own
// row as migration 0009 keeps it on the candidate's: a candidate's list measures the distance to
// thousands of vacancies, and looking up each one's area cost a fifth of the list's time
// (docs/decisions/030-lean-ranking-rows.md). A trigger sets it whenever the postcode is written;
// after every statement that changes postcode_area, the vacancies of the PC4 areas it changed get
// the new point. Null when the PC4 area is not in the table.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

const statements = [
  `alter table vacancy add column point earth`,
  `create function vacancy_point() returns trigger language plpgsql as $$
   begin
     new.point := (select point from postcode_area where pc4 = left(new.postcode, 4));
     return new;
   end $$`,
  `create trigger vacancy_keeps_point before insert or update of postcode on vacancy
     for each row execute function vacancy_point()`,
  // Once per statement over the PC4 areas it changed; a statement that changed none reads no vacancy.
  `create function refresh_vacancy_points() returns trigger language plpgsql as $$
   begin
     if not exists (select from changed_area) then return null; end if;
     update vacancy set point = (select point from postcode_area where pc4 = left(vacancy.postcode, 4))
       where left(vacancy.postcode, 4) in (select pc4 from changed_area)
         and vacancy.point is distinct from (select point from postcode_area where pc4 = left(vacancy.postcode, 4));
     return null;
   end $$`,
  `create function clear_vacancy_points() returns trigger language plpgsql as $$
   begin
     update vacancy set point = null where point is not null;
     return null;
   end $$`,
  ...statementTriggers('postcode_area', 'moves_vacancies', 'changed_area', 'refresh_vacancy_points', 'clear_vacancy_points'),
  `update vacancy set point = (select point from postcode_area where pc4 = left(vacancy.postcode, 4))`,
];
