import { describe, expect, it } from 'vitest';
import { newAssessment, withHealthConsent, type Assessment } from '../../src/domain/index.ts';
import { StoreError } from '../../src/storage/assessment-store.ts';
import { freshStore } from '../support/store.ts';

function separateConsent(): Assessment {
  return {
    ...newAssessment(
      {
        residentRef: 'LIB-0042',
        venue: 'library',
        date: '2026-11-21',
        set: 'full',
        language: 'en',
      },
      { id: 'a-1', now: 1000 },
    ),
    privacy: { agreedAt: 1000, healthQuestion: 'separate-consent', healthConsent: null },
  };
}

const read = async (store: ReturnType<typeof freshStore>['store']) => {
  const stored = await store.get('a-1');
  if (!stored?.ok) throw new Error('not readable');
  return stored.assessment;
};

describe("the resident's answer to the separate consent, kept on the device", () => {
  it('is a new revision; a no removes the answer already given to the health question', async () => {
    const { store, tick } = freshStore();
    await store.create(separateConsent());
    tick();
    await store.update('a-1', (a) => withHealthConsent(a, true));
    await store.saveAnswer('a-1', { facet: 'blockers', itemId: 'K5' }, 2);
    await store.saveAnswer('a-1', { facet: 'blockers', itemId: 'K1' }, 3);
    const before = await read(store);
    expect(before.privacy?.healthConsent).toBe(true);

    tick();
    const after = await store.update('a-1', (a) => withHealthConsent(a, false));
    expect(after.revision).toBe(before.revision + 1);
    expect(after.updatedAt).toBeGreaterThan(before.updatedAt);
    expect(await read(store)).toEqual(after);
    expect(after.answers.blockers).toEqual({ K1: 3 });
    expect(after.privacy).toEqual({
      agreedAt: 1000,
      healthQuestion: 'separate-consent',
      healthConsent: false,
    });
  });

  it('is refused on a finished assessment, and where no separate consent is asked for', async () => {
    const { store } = freshStore();
    await store.create(separateConsent());
    await store.finish('a-1', []);
    await expect(store.update('a-1', (a) => withHealthConsent(a, true))).rejects.toBeInstanceOf(
      StoreError,
    );

    const other = freshStore();
    // Made before the notice was shown: no privacy field at all.
    await other.store.create(
      newAssessment(
        { residentRef: null, venue: 'library', date: '2026-11-21', set: 'full', language: 'en' },
        { id: 'a-1', now: 1000 },
      ),
    );
    await expect(other.store.update('a-1', (a) => withHealthConsent(a, true))).rejects.toThrow(
      'does not ask for a separate consent',
    );
    expect((await read(other.store)).revision).toBe(1);
  });
});
