// The store suites again, on sealed databases: every DoorstepDb they open gets a data key.
import Dexie from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { newAssessment } from '../../src/domain/index.ts';
import type * as Db from '../../src/storage/db.ts';
import { freshStore } from '../support/store.ts';
import './answer-writer.db.test.ts';
import './assessment-store.db.test.ts';
import './durability.db.test.ts';
import './health-consent.db.test.ts';
import './history-store.db.test.ts';
import './outcomes.db.test.ts';
import './resident-store.db.test.ts';
// Not versions.db.test.ts: a database written by an earlier version is one written before
// rows were sealed, and is sealed once, by sealAll, when a worker adopts it (sealing.db.test.ts).

vi.mock('../../src/storage/db.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Db>();
  const key = crypto.getRandomValues(new Uint8Array(32));
  class SealedDoorstepDb extends real.DoorstepDb {
    constructor(name?: string, options: Db.DoorstepDbOptions = {}) {
      super(name, { key, ...options });
    }
  }
  return { ...real, DoorstepDb: SealedDoorstepDb };
});

describe('the suites above', () => {
  it('ran on sealed databases', async () => {
    const { store, name } = freshStore();
    await store.create(
      newAssessment(
        { residentRef: null, venue: 'library', date: '2026-11-21', set: 'full', language: 'en' },
        { id: 'a-1', now: 1 },
      ),
    );
    const raw = new Dexie(name);
    await raw.open();
    const row = (await raw.table('assessments').get('a-1')) as object;
    expect(Object.keys(row).sort()).toEqual(['$sealed', 'id', 'status', 'updatedAt']);
    raw.close();
  });
});
