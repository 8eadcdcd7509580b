import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { candidate, distance, vacancy, weights } from './score.arbitraries.js';
import { scoreSql, type WeightsSql } from './score-sql.js';
import { partNames, scoreMatch } from './score.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
});

const textArray = (items: readonly string[] | null) =>
  items === null ? sql<string[]>`null::text[]` : sql<string[]>`${sql.val(items)}::text[]`;

describe('the score in SQL', () => {
  it('gives the same total as score.ts for any candidate, vacancy, distance and weights', async () => {
    await fc.assert(
      fc.asyncProperty(candidate, vacancy, distance, weights, async (c, v, d, w) => {
        const score = scoreSql(
          {
            wishedOccupations: textArray(c.wishedOccupations),
            skills: textArray(c.skills),
            candidateHours: sql`${c.hoursPerWeek}::integer`,
            dutchLevel: sql`${c.dutchLevel}::text`,
            travelRadiusKm: sql`${c.travelRadiusKm}::integer`,
            availability: sql`${c.availability}::text`,
            availabilityExpired: sql`${c.availabilityExpired}::boolean`,
            occupationUri: sql`${v.occupationUri}::text`,
            requiredSkills: textArray(v.requiredSkills),
            niceSkills: textArray(v.niceSkills),
            vacancyHours: sql`${v.hoursPerWeek}::integer`,
            requiredDutchLevel: sql`${v.requiredDutchLevel}::text`,
            sameIscoGroup: sql`${v.iscoGroup !== null && (c.wishedIscoGroups ?? []).includes(v.iscoGroup)}::boolean`,
            distanceKm: sql`${d}::float8`,
          },
          Object.fromEntries(partNames.filter((n) => n !== 'ondersteuning').map((n) => [n, sql`${w[n]}::float8`])) as WeightsSql,
        );
        const { rows } = await sql<{
          total: number;
        }>`select ${score.total} as total from ${score.parts}`.execute(app.database.db);
        expect(Number(rows[0]!.total)).toBe(scoreMatch(c, v, d, w).total);
      }),
      { numRuns: 300 },
    );
  });

  it('treats an unknown (hidden) fact as score.ts does: the part drops out', async () => {
    // Only the required skills are known to count: the candidate's skills are hidden, so the total rests on hours alone.
    const score = scoreSql(
      {
        wishedOccupations: sql`null::text[]`,
        skills: sql`null::text[]`,
        candidateHours: sql`20`,
        dutchLevel: sql`null::text`,
        travelRadiusKm: sql`null::integer`,
        availability: sql`null::text`,
        availabilityExpired: sql`null::boolean`,
        occupationUri: sql`'o'::text`,
        requiredSkills: sql`array['s']::text[]`,
        niceSkills: sql`'{}'::text[]`,
        vacancyHours: sql`20`,
        requiredDutchLevel: sql`null::text`,
        sameIscoGroup: sql`false`,
        distanceKm: sql`null::float8`,
      },
      Object.fromEntries(partNames.filter((n) => n !== 'ondersteuning').map((n) => [n, sql`10::float8`])) as WeightsSql,
    );
    const { rows } = await sql<{
      total: number;
    }>`select ${score.total} as total from ${score.parts}`.execute(app.database.db);
    expect(Number(rows[0]!.total)).toBe(100);
  });
});
