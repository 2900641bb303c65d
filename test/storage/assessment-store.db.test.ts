import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { StoreError } from '../../src/storage/assessment-store.ts';
import { freshStore } from '../support/store.ts';

const input = {
  residentRef: 'LIB-0042',
  venue: 'library',
  date: '2026-11-21',
  set: 'full',
  language: 'en',
} as const;

function created(id = 'a-1', now = 1000): Assessment {
  return newAssessment(input, { id, now });
}

describe('the assessment store on the device', () => {
  it('keeps a new assessment with the question-bank and scale versions it was asked with', async () => {
    const { store } = freshStore();
    await store.create(created());
    const stored = await store.get('a-1');
    expect(stored).toMatchObject({
      ok: true,
      assessment: {
        id: 'a-1',
        bankVersion: 1,
        scaleVersion: 1,
        residentRef: 'LIB-0042',
        status: 'in-progress',
      },
    });
  });

  it('commits each answer so that a new connection to the database reads it back', async () => {
    const { store, reopen, clock } = freshStore();
    await store.create(created());
    clock.now += 5000;
    await store.saveAnswer('a-1', { facet: 'skill', itemId: 'TR05' }, 1);
    await store.saveAnswer('a-1', { facet: 'interest', itemId: 'TR05' }, 4);
    await store.saveAnswer('a-1', { facet: 'blockers', itemId: 'K5' }, 'prefer-not-to-say');
    const again = await reopen().get('a-1');
    expect(again?.ok && again.assessment.answers).toEqual({
      basics: {},
      blockers: { K5: 'prefer-not-to-say' },
      skill: { TR05: 1 },
      interest: { TR05: 4 },
    });
    expect(again?.ok && again.assessment.updatedAt).toBe(clock.now);
  });

  it('lets an answer be changed', async () => {
    const { store } = freshStore();
    await store.create(created());
    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 0);
    const changed = await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 'dont-know');
    expect(changed.answers.basics).toEqual({ B1: 'dont-know' });
  });

  it('refuses an answer outside the scale and leaves the stored record as it was', async () => {
    const { store } = freshStore();
    await store.create(created());
    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 2);
    await expect(
      store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 5 as never),
    ).rejects.toMatchObject({ code: 'invalid' });
    const stored = await store.get('a-1');
    expect(stored?.ok && stored.assessment.answers.basics).toEqual({ B1: 2 });
  });

  it('says so when the assessment does not exist', async () => {
    const { store } = freshStore();
    await expect(
      store.saveAnswer('nope', { facet: 'basics', itemId: 'B1' }, 2),
    ).rejects.toBeInstanceOf(StoreError);
  });

  it('records questions left unanswered as skipped when moving on, without touching given answers', async () => {
    const { store } = freshStore();
    await store.create(created());
    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 3);
    const moved = await store.moveToStep('a-1', 1, [
      { facet: 'basics', itemId: 'B1' },
      { facet: 'basics', itemId: 'B2' },
      { facet: 'basics', itemId: 'B3' },
    ]);
    expect(moved.step).toBe(1);
    expect(moved.answers.basics).toEqual({ B1: 3, B2: 'skipped', B3: 'skipped' });
  });

  it('finishes an assessment with the time from the clock and then refuses further changes', async () => {
    const { store, clock } = freshStore();
    await store.create(created());
    clock.now = 42_000;
    const finished = await store.finish('a-1', [{ facet: 'skill', itemId: 'GS01' }]);
    expect(finished).toMatchObject({ status: 'finished', finishedAt: 42_000 });
    expect(finished.answers.skill).toEqual({ GS01: 'skipped' });
    await expect(
      store.saveAnswer('a-1', { facet: 'skill', itemId: 'GS01' }, 2),
    ).rejects.toMatchObject({
      code: 'finished',
    });
  });

  it('lists assessments most recently changed first', async () => {
    const { store, clock } = freshStore();
    await store.create(created('old', 1));
    await store.create(created('new', 2));
    clock.now = 10;
    await store.saveAnswer('old', { facet: 'basics', itemId: 'B1' }, 1);
    const ids = (await store.list()).map((r) => (r.ok ? r.assessment.id : r.id));
    expect(ids).toEqual(['old', 'new']);
  });

  it('reports a damaged record in the list, keeps it, and still lists the others', async () => {
    const { store, db } = freshStore();
    await store.create(created('good'));
    await db.assessments.put({ id: 'bad', bankVersion: 1, answers: { skill: { GS01: 9 } } });
    const rows = await store.list();
    const bad = rows.find((r) => !r.ok);
    expect(bad).toMatchObject({ ok: false, id: 'bad' });
    expect(bad && !bad.ok && bad.problems.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.assessments.get('bad')).toBeDefined();
    await expect(
      store.saveAnswer('bad', { facet: 'basics', itemId: 'B1' }, 1),
    ).rejects.toMatchObject({
      code: 'damaged',
    });
  });
});

describe('answers written by two tabs at once', () => {
  it('keeps both when each tab has its own view of the same assessment', async () => {
    const tabA = freshStore();
    await tabA.store.create(created());
    const tabB = tabA.reopen();
    await tabB.get('a-1');
    await tabA.store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 1);
    // Tab B last saw revision 1; its write must not undo tab A's answer.
    await tabB.saveAnswer('a-1', { facet: 'basics', itemId: 'B2' }, 2);
    await tabA.store.saveAnswer('a-1', { facet: 'basics', itemId: 'B3' }, 3);
    const stored = await tabA.reopen().get('a-1');
    expect(stored?.ok && stored.assessment.answers.basics).toEqual({ B1: 1, B2: 2, B3: 3 });
    expect(stored?.ok && stored.assessment.revision).toBe(4);
  });

  it('refuses a late answer from a tab that did not see the assessment finished elsewhere', async () => {
    const tabA = freshStore();
    await tabA.store.create(created());
    const tabB = tabA.reopen();
    await tabB.get('a-1');
    await tabA.store.finish('a-1', []);
    await expect(
      tabB.saveAnswer('a-1', { facet: 'skill', itemId: 'GS01' }, 2),
    ).rejects.toMatchObject({
      code: 'finished',
    });
    const stored = await tabA.reopen().get('a-1');
    expect(stored?.ok && stored.assessment.answers.skill).toEqual({});
  });

  it('keeps every answer of quick taps in a row, each write building on the one before', async () => {
    const { store, reopen } = freshStore();
    await store.create(created());
    await Promise.all(
      ['GS01', 'GS02', 'GS03', 'GS04'].map((id, i) =>
        store.saveAnswer('a-1', { facet: 'skill', itemId: id }, (i % 5) as 0 | 1 | 2 | 3),
      ),
    );
    const stored = await reopen().get('a-1');
    expect(stored?.ok && stored.assessment.answers.skill).toEqual({
      GS01: 0,
      GS02: 1,
      GS03: 2,
      GS04: 3,
    });
    expect(stored?.ok && stored.assessment.revision).toBe(5);
  });
});
