// Shared by migrations 0009 and 0010. Migrations run once and are recorded by name, so what this
// writes must stay as it is: a change here would make databases migrated before it differ from new ones.

/**
 * The statement triggers that keep a derived fact after every statement on `table`: `refresh` runs
 * over the rows an insert, update or delete changed (for an update both the new rows and the old
 * ones, so a row moved to another key also leaves the first), as the transition table `changed`;
 * `clear` runs after a truncate.
 */
export function statementTriggers(table: string, purpose: string, changed: string, refresh: string, clear: string): string[] {
  const after = (event: string, name: string, transition: 'new' | 'old') =>
    `create trigger ${table}_${name}_${purpose} after ${event} on ${table}
     referencing ${transition} table as ${changed} for each statement execute function ${refresh}()`;
  return [
    after('insert', 'inserted', 'new'),
    after('update', 'updated', 'new'),
    after('update', 'updated_away', 'old'),
    after('delete', 'deleted', 'old'),
    `create trigger ${table}_truncated_${purpose} after truncate on ${table} for each statement execute function ${clear}()`,
  ];
}
