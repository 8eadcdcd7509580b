import type { Db } from '#app/db/connection.js';

export type CandidateRead = {
  viewerUserId: string;
  viewerRole: string;
  candidateId: string;
  fields: readonly string[];
  context: string;
};

/** Every read of a candidate's personal data leaves a row: who, whose, which fields, when, where. */
export async function logCandidateReads(db: Db, reads: readonly CandidateRead[]): Promise<void> {
  if (reads.length === 0) return;
  await db
    .insertInto('access_log')
    .values(
      reads.map((read) => ({
        viewer_user_id: read.viewerUserId,
        viewer_role: read.viewerRole,
        candidate_id: read.candidateId,
        fields: [...read.fields],
        context: read.context,
      })),
    )
    .execute();
}

export async function accessLogFor(db: Db, candidateId: string, limit = 100) {
  return db.selectFrom('access_log').selectAll().where('candidate_id', '=', candidateId).orderBy('at', 'desc').limit(limit).execute();
}
