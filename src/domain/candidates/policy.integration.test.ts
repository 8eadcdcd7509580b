import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { makeCandidate, makeWorld, type World } from '../../../test/support/fixtures.js';
import { readCandidate } from './queries.js';

let app: TestApp;
let world: World;
beforeAll(async () => {
  app = await createTestApp();
  world = await makeWorld(app);
});
afterAll(async () => app?.close());

/** These readers stay far below any daily view limit, so a 'limit' answer is a failure here. */
async function readShown(...args: Parameters<typeof readCandidate>) {
  const read = await readCandidate(...args);
  if (read === 'limit') throw new Error('unexpected view limit');
  return read;
}

describe('reading a candidate through the policy', () => {
  it('shows the consultant everything and logs the read', async () => {
    const { id } = await makeCandidate(app, world.consulent);
    const read = await readShown(app.database.db, world.consulent, id, 'test');
    expect(read?.view.firstName).toBe('Fatima');
    expect(read?.view.targetGroups).toEqual(['doelgroepregister']);
    const log = await app.database.db.selectFrom('access_log').selectAll().where('candidate_id', '=', id).execute();
    expect(log).toHaveLength(1);
    expect(log[0]!.viewer_role).toBe('consulent');
  });

  it('refuses a consultant of another instantie', async () => {
    const { id } = await makeCandidate(app, world.consulent);
    expect(await readCandidate(app.database.db, world.otherConsulent, id, 'test')).toBeNull();
  });

  it('hides identity from employers in anonymous mode and shows only the PC4 area', async () => {
    const { id } = await makeCandidate(app, world.consulent, { visibility: { identiteit: 'alle' }, anonymous: true });
    const read = await readShown(app.database.db, world.employers.preferred.user, id, 'test');
    expect(read?.view.firstName).toBeUndefined();
    expect(read?.view.pseudonym).toMatch(/^Kandidaat /);
    expect(read?.view.postcode).toBeUndefined();
    expect(read?.view.postcodeArea).toBe('3012');
  });
});
