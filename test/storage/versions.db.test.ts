import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { AssessmentStore } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { DB_VERSIONS } from '../../src/storage/versions.ts';

const uniqueName = () => `doorstep-versions-${Math.random().toString(36).slice(2)}`;

/** A database as an older release of the app wrote it: only its versions are declared. */
function databaseAtVersion(name: string, version: number): Dexie {
  const db = new Dexie(name);
  for (const v of DB_VERSIONS.filter((d) => d.version <= version)) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}

const assessment = (id: string, patch: Partial<Assessment> = {}): Assessment => ({
  ...newAssessment(
    { residentRef: 'LIB-1', venue: 'library', date: '2026-11-20', set: 'short', language: 'en' },
    { id, now: 1000 },
  ),
  ...patch,
});

describe('the device database versions', () => {
  it('are numbered upwards without gaps, starting at 1', () => {
    expect(DB_VERSIONS.map((v) => v.version)).toEqual(DB_VERSIONS.map((_, i) => i + 1));
  });

  it('open a new database at the latest version with every table', async () => {
    const db = new DoorstepDb(uniqueName());
    await db.open();
    expect(db.verno).toBe(DB_VERSIONS.length);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'assessments',
      'contacts',
      'history',
      'outbox',
      'receipts',
      'residents',
      'settings',
    ]);
    db.close();
  });

  it('open a database written by version 1, keeping every assessment and queueing the finished ones', async () => {
    const name = uniqueName();
    const v1 = databaseAtVersion(name, 1);
    await v1.table('assessments').bulkAdd([
      assessment('draft', {
        answers: { basics: { B1: 3 }, blockers: {}, skill: {}, interest: {} },
      }),
      assessment('done', { status: 'finished', finishedAt: 5000, revision: 7 }),
    ]);
    v1.close();

    const db = new DoorstepDb(name);
    const store = new AssessmentStore(db, () => 9000);
    const rows = await store.list();
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(rows.map((r) => (r.ok ? r.assessment.id : '')).sort()).toEqual(['done', 'draft']);
    const draft = await store.get('draft');
    expect(draft?.ok && draft.assessment.answers.basics).toEqual({ B1: 3 });

    const outbox = await new OutboxStore(db).entries();
    expect(outbox).toEqual([
      {
        id: 'done',
        revision: 7,
        state: 'waiting',
        attempts: 0,
        nextAttemptAt: 0,
        queuedAt: 5000,
        lastError: null,
      },
    ]);
    db.close();
  });

  it('open a database written by version 2, keeping its assessments, outbox and enrolment', async () => {
    const name = uniqueName();
    const v2 = databaseAtVersion(name, 2);
    await v2.table('assessments').add(assessment('kept', { status: 'finished', finishedAt: 5 }));
    await v2.table('outbox').add({
      id: 'kept',
      revision: 1,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: 0,
      queuedAt: 5,
      lastError: null,
    });
    await v2.table('settings').add({ key: 'enrolment', value: 'kept' });
    v2.close();

    const db = new DoorstepDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSIONS.length);
    expect(await db.assessments.count()).toBe(1);
    expect((await new OutboxStore(db).entries()).map((e) => e.id)).toEqual(['kept']);
    expect(await db.settings.get('enrolment')).toEqual({ key: 'enrolment', value: 'kept' });
    expect(await db.residents.count()).toBe(0);
    db.close();
  });

  it('open a database written by version 3, keeping its residents, with no fetched history yet', async () => {
    const name = uniqueName();
    const v3 = databaseAtVersion(name, 3);
    await v3.table('assessments').add(assessment('kept', { status: 'finished', finishedAt: 5 }));
    await v3.table('residents').add({ ref: 'LIB-1', createdAt: 1, updatedAt: 1 });
    v3.close();

    const db = new DoorstepDb(name);
    await db.open();
    expect(db.verno).toBe(DB_VERSIONS.length);
    expect(await db.assessments.count()).toBe(1);
    expect(await db.residents.get('LIB-1')).toEqual({ ref: 'LIB-1', createdAt: 1, updatedAt: 1 });
    expect(await db.history.count()).toBe(0);
    db.close();
  });
});
