import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeWorld, type World } from '../../../test/support/fixtures.js';
import { makePlacement, type TestPlacement } from '../../../test/support/support-placements.js';
import { formatDate } from '#app/i18n.js';
import { jobDefinitions } from '#app/jobs/definitions.js';
import { renderNotification } from '../notifications/kinds.js';
import { todayIso } from '../vacancies/rules.js';
import { saveSettings } from '../instanties/commands.js';
import { remindPlacementEnds } from './end-reminders.js';
import { defaultPlacementEndNoticeDays } from './rules.js';

let app: TestApp;
let world: World;
let running: TestPlacement;
const db = () => app.database.db;
const now = new Date();
const inDays = (days: number) => todayIso(new Date(now.getTime() + days * 86_400_000));

beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
  running = await makePlacement(app, world, 'preferred');
});
afterAll(async () => app?.close());

/** Moves a placement's dates (it started two months ago) and status, as time and people would. */
async function setPlacement(id: string, values: { end_date: string | null; status?: 'active' | 'ended' }) {
  await db()
    .updateTable('placement')
    .set({ start_date: inDays(-60), ...values })
    .where('id', '=', id)
    .execute();
}

async function notices(placementId: string) {
  const rows = await db()
    .selectFrom('notification')
    .select(['user_id', 'link', 'params', 'dedupe_key'])
    .where('kind', '=', 'placement_ending')
    .where('dedupe_key', 'like', `placement_ending:${placementId}:%`)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ ...row, params: row.params as { vacancyTitle: string; endDate: string; moment: 'near' | 'passed' } }));
}

describe('reminders of a placement’s end date', () => {
  test('the employer and the consultant hear once when the end date is near, and once more when it passed', async () => {
    await setPlacement(running.id, { end_date: inDays(defaultPlacementEndNoticeDays + 6) });
    expect(await remindPlacementEnds(db(), now)).toBe(0);

    await setPlacement(running.id, { end_date: inDays(10) });
    const employerUser = world.employers.preferred.user.userId;
    expect(await remindPlacementEnds(db(), now)).toBe(2);
    const near = await notices(running.id);
    expect(near.map((n) => [n.user_id, n.link])).toEqual(
      expect.arrayContaining([
        [employerUser, `/werkgever/plaatsingen/${running.id}`],
        [world.consulent.userId, `/consulent/plaatsingen/${running.id}`],
      ]),
    );
    expect(near.every((n) => n.params.moment === 'near' && n.params.endDate === inDays(10))).toBe(true);
    // The candidate records nothing at the end, so is not asked.
    expect(near.map((n) => n.user_id)).not.toContain(running.candidate.user.userId);
    const mailed = await db()
      .selectFrom('mail_outbox')
      .select('to_address')
      .where('notification_id', 'in', await db().selectFrom('notification').select('id').where('kind', '=', 'placement_ending'))
      .execute();
    expect(mailed).toHaveLength(2);

    expect(await remindPlacementEnds(db(), now)).toBe(0);
    expect(await notices(running.id)).toHaveLength(2);

    // The end date passed and the placement still runs: one more notice each, the day after too.
    await setPlacement(running.id, { end_date: inDays(-1) });
    expect(await remindPlacementEnds(db(), now)).toBe(2);
    expect(await remindPlacementEnds(db(), new Date(now.getTime() + 86_400_000))).toBe(0);
    const passed = (await notices(running.id)).filter((n) => n.params.moment === 'passed');
    expect(passed.map((n) => n.user_id).sort()).toEqual([employerUser, world.consulent.userId].sort());
    const { title } = renderNotification('placement_ending', passed[0]!.params, 'nl');
    expect(title).toBe(`De plaatsing voor "${running.vacancyTitle}" had op ${formatDate(inDays(-1), 'nl')} moeten stoppen`);
  });

  test('an ended placement, one waiting for the instantie and one without an end date get nothing', async () => {
    const ended = await makePlacement(app, world, 'preferred');
    await setPlacement(ended.id, { end_date: inDays(3), status: 'ended' });
    const waiting = await makePlacement(app, world, 'committed');
    await setPlacement(waiting.id, { end_date: inDays(3) });
    const open = await makePlacement(app, world, 'preferred');
    await setPlacement(open.id, { end_date: null });
    await remindPlacementEnds(db(), now);
    expect(await notices(ended.id)).toEqual([]);
    expect(await notices(waiting.id)).toEqual([]);
    expect(await notices(open.id)).toEqual([]);
  });

  test('an instantie that sets its own number of days is reminded that many days ahead', async () => {
    const later = await makePlacement(app, world, 'preferred');
    await setPlacement(later.id, { end_date: inDays(25) });
    expect(await remindPlacementEnds(db(), now)).toBe(0);
    expect(
      await saveSettings(db(), world.beheerder, 'rotterdam', { placementEndNoticeDays: '30', reason: 'Meer tijd voor het gesprek.' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await remindPlacementEnds(db(), now)).toBe(2);
    expect((await notices(later.id)).map((n) => n.params.moment)).toEqual(['near', 'near']);
    // 61 days is more than the page allows: a Dutch message, nothing saved.
    expect(await saveSettings(db(), world.beheerder, 'rotterdam', { placementEndNoticeDays: '61', reason: 'Nog meer tijd.' })).toEqual({
      ok: false,
      reason: 'invalid',
      errors: { placementEndNoticeDays: 'Vul bij "Dagen vooraf een herinnering aan de einddatum" een heel getal in van 1 tot en met 60.' },
    });
    const stored = await db().selectFrom('instantie').select('settings').where('id', '=', 'rotterdam').executeTakeFirstOrThrow();
    expect(stored.settings).toMatchObject({ placementEndNoticeDays: 30 });
  });

  test('runs as the daily job placement-end-reminders, also at start-up', () => {
    const job = jobDefinitions.find((j) => j.name === 'placement-end-reminders');
    expect(job).toMatchObject({ schedule: '30 7 * * *', runAtStart: true });
  });
});
