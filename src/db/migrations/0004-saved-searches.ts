import { sql, type Kysely } from 'kysely';

// Saved searches with a weekly alert (issue 3; docs/decisions/016-saved-searches.md). The alert sends
// vacancies published since the last alert, so a vacancy needs the moment it went online: a concept
// can be published days after it was written. Rows written straight as open (imports, demo data)
// count from created_at.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements.split(/;\s*$/m).filter((s) => s.trim())) {
    await sql.raw(statement).execute(db);
  }
}

const statements = `
    alter table vacancy add column published_at timestamptz;
    update vacancy set published_at = created_at where status <> 'concept';
    create index vacancy_published on vacancy ((coalesce(published_at, created_at))) where status = 'open';

    -- last_alert_at ends the window of the last weekly check, also when nothing new was found;
    -- last_sent_at is when a message last went out, to show the candidate.
    alter table saved_search add column last_sent_at timestamptz;
    create index saved_search_alert_due on saved_search (last_alert_at) where alert_weekly
`;
