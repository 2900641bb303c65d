// Assessments from an exported file: added and queued in one transaction, duplicates skipped.
import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { freshStore } from '../support/store.ts';

const input = {
  residentRef: 'LIB-0042',
  venue: 'library',
  date: '2026-11-21',
  set: 'short',
  language: 'en',
} as const;

/** A finished assessment as another device would have it. */
async function finishedElsewhere(id: string, residentRef = 'LIB-0042'): Promise<Assessment> {
  const other = freshStore();
  await other.store.create(newAssessment({ ...input, residentRef }, { id, now: 1 }));
  return other.store.finish(id, []);
}

describe('importing assessments from an exported file', () => {
  it('adds finished assessments and queues them for the server, in one go', async () => {
    const { db, store } = freshStore();
    const a = await finishedElsewhere('a-1');
    const b = await finishedElsewhere('a-2', 'LIB-0043');
    const report = await store.importAssessments([a, b]);
    expect(report.added.map((x) => x.id)).toEqual(['a-1', 'a-2']);
    expect(report.skipped).toEqual([]);
    expect(report.refused).toEqual([]);
    expect(await store.get('a-1')).toEqual({ ok: true, assessment: a });
    const entries = await new OutboxStore(db).entries();
    expect(entries.map((e) => [e.id, e.revision, e.state])).toEqual([
      ['a-1', a.revision, 'waiting'],
      ['a-2', b.revision, 'waiting'],
    ]);
  });

  it('adds an unfinished one to carry on, without queuing it', async () => {
    const { db, store } = freshStore();
    const unfinished = newAssessment(input, { id: 'a-3', now: 1 });
    const report = await store.importAssessments([unfinished]);
    expect(report.added.map((x) => x.id)).toEqual(['a-3']);
    expect(await new OutboxStore(db).entries()).toEqual([]);
    // And it can be carried on here.
    await store.finish('a-3', []);
    expect((await new OutboxStore(db).entries()).map((e) => e.id)).toEqual(['a-3']);
  });

  it('skips and reports one already on the device, leaving it as it is', async () => {
    const { db, store } = freshStore();
    const a = await finishedElsewhere('a-1');
    await store.create(newAssessment(input, { id: 'a-1', now: 7 }));
    const report = await store.importAssessments([a, a]);
    expect(report.added).toEqual([]);
    expect(report.skipped.map((x) => x.id)).toEqual(['a-1', 'a-1']);
    const kept = await store.get('a-1');
    expect(kept?.ok && kept.assessment.status).toBe('in-progress');
    expect(await new OutboxStore(db).entries()).toEqual([]);
  });

  it('refuses and reports an invalid record, writing none of it', async () => {
    const { db, store } = freshStore();
    const a = await finishedElsewhere('a-1');
    const broken = { ...(await finishedElsewhere('a-2')), revision: 'many' };
    const report = await store.importAssessments([broken, { nothing: true }, a]);
    expect(report.added.map((x) => x.id)).toEqual(['a-1']);
    expect(report.refused.map((r) => r.id)).toEqual(['a-2', '(no id)']);
    expect(report.refused[0]?.problems.length).toBeGreaterThan(0);
    expect(await store.get('a-2')).toBeUndefined();
    expect((await new OutboxStore(db).entries()).map((e) => e.id)).toEqual(['a-1']);
  });

  it('writes nothing at all when the transaction fails part-way', async () => {
    const { db, store } = freshStore();
    const a = await finishedElsewhere('a-1');
    const b = await finishedElsewhere('a-2');
    // The outbox refuses its second write: the first assessment must not stay behind alone.
    let puts = 0;
    db.outbox.hook('creating', () => {
      if (++puts === 2) throw new Error('disk full');
    });
    await expect(store.importAssessments([a, b])).rejects.toThrow();
    expect(await store.list()).toEqual([]);
    expect(await new OutboxStore(db).entries()).toEqual([]);
  });
});
