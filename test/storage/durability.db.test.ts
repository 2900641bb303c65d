/**
 * The device database when things go wrong around it: the connection dropped by the browser,
 * another tab opening a newer version or holding an older one open, a full disk.
 */
import { forceCloseDatabase } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { AssessmentStore, StoreError, asStoreError } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { DB_VERSIONS } from '../../src/storage/versions.ts';
import { freshStore } from '../support/store.ts';

const input = {
  residentRef: 'LIB-0042',
  venue: 'library',
  date: '2026-11-21',
  set: 'full',
  language: 'en',
} as const;

const created = (id = 'a-1'): Assessment => newAssessment(input, { id, now: 1000 });

/** The native version Dexie gives the latest schema (it multiplies ours by ten). */
const NATIVE_VERSION = Math.max(...DB_VERSIONS.map((v) => v.version)) * 10;

/** A newer version of the app opening the database in another tab, as raw IndexedDB does. */
function openNewer(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, NATIVE_VERSION + 10);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

const answersOf = async (store: AssessmentStore, id: string) => {
  const stored = await store.get(id);
  return stored?.ok ? stored.assessment.answers : undefined;
};

describe('the device database connection', () => {
  it('reopens after the browser drops the connection, and the next answer commits', async () => {
    const { db, store, reopen } = freshStore();
    await store.create(created());
    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 2);

    let closed = false;
    db.backendDB().addEventListener('close', () => (closed = true));
    // (fake-indexeddb's declared type is the constructor; it takes the connection.)
    (forceCloseDatabase as unknown as (connection: IDBDatabase) => void)(db.backendDB());
    expect(closed).toBe(true);

    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B2' }, 3);
    await store.moveToStep('a-1', 1, []);
    expect(db.problem).toBeNull();
    expect(await answersOf(reopen(), 'a-1')).toMatchObject({ basics: { B1: 2, B2: 3 } });
  });

  it('reopens after the connection was closed under it without any event', async () => {
    const { db, store, reopen } = freshStore();
    await store.create(created());
    db.backendDB().close();
    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 1);
    expect(await answersOf(reopen(), 'a-1')).toMatchObject({ basics: { B1: 1 } });
  });

  it('lets a newer version in another tab upgrade, then refuses to write, in words', async () => {
    const { db, name, store } = freshStore();
    await store.create(created());
    await store.saveAnswer('a-1', { facet: 'basics', itemId: 'B1' }, 2);
    let heard = 0;
    db.onProblem = () => heard++;

    // Not blocked: this connection lets go as soon as the newer one asks.
    const newer = await openNewer(name);
    expect(newer.version).toBe(NATIVE_VERSION + 10);
    expect(db.problem).toBe('updated');
    expect(heard).toBe(1);

    const refused = await store
      .saveAnswer('a-1', { facet: 'basics', itemId: 'B2' }, 3)
      .catch((e: unknown) => e);
    // Worded as what happened, not as a generic failure.
    expect(asStoreError(refused)).toMatchObject({ code: 'updated' });
    // Nothing was written by the old code, and what it saved before is there.
    newer.close();
    const after = new AssessmentStore(new DoorstepDb(name), () => 2000);
    expect(await answersOf(after, 'a-1')).toEqual({
      basics: { B1: 2 },
      blockers: {},
      skill: {},
      interest: {},
    });
  });

  it('says an upgrade is blocked by an older version open elsewhere, and opens once it closes', async () => {
    const name = `doorstep-blocked-${Math.random().toString(36).slice(2)}`;
    // The first version of the app, open in another tab that does not let go.
    const older = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 10);
      request.onupgradeneeded = () => {
        const assessments = request.result.createObjectStore('assessments', { keyPath: 'id' });
        assessments.createIndex('status', 'status');
        assessments.createIndex('updatedAt', 'updatedAt');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const db = new DoorstepDb(name);
    const problems: (string | null)[] = [];
    db.onProblem = () => problems.push(db.problem);
    const listed = new AssessmentStore(db, () => 1000).list();
    await expect.poll(() => db.problem).toBe('blocked');

    older.close();
    expect(await listed).toEqual([]);
    expect(problems).toEqual(['blocked', null]);
    expect(db.verno).toBe(NATIVE_VERSION / 10);
  });
});

describe('a full disk', () => {
  it('is a StoreError the app words, found inside Dexie’s wrapping', () => {
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const abort = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: quota,
    });
    expect(asStoreError(quota)).toMatchObject({ code: 'quota' });
    expect(asStoreError(abort)).toMatchObject({ code: 'quota' });
    expect(asStoreError(abort)).toBeInstanceOf(StoreError);
    const other = new Error('something else');
    expect(asStoreError(other)).toBe(other);
    expect(asStoreError(undefined)).toBeUndefined();
    // A database that failed to open is not one updated elsewhere.
    const failedOpen = Object.assign(new Error('closed'), {
      name: 'DatabaseClosedError',
      inner: Object.assign(new Error('open failed'), { name: 'OpenFailedError' }),
    });
    expect(asStoreError(failedOpen)).toBe(failedOpen);
  });
});

describe('answers committed in a worker', () => {
  it('reply with the code of a full disk or an update elsewhere, for the page to word', async () => {
    const { serveAnswers, channelAnswerWriter, inThreadAnswerWriter } =
      await import('../../src/storage/answer-writer.ts');
    const { db, name, store } = freshStore();
    await store.create(created());
    const channel = new MessageChannel();
    serveAnswers(channel.port2, store);
    const writer = channelAnswerWriter(() => channel.port1, inThreadAnswerWriter(store));
    await writer.save('a-1', { facet: 'basics', itemId: 'B1' }, 2);

    const newer = await openNewer(name);
    expect(db.problem).toBe('updated');
    const refused = await writer
      .save('a-1', { facet: 'basics', itemId: 'B2' }, 3)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreError);
    expect(refused).toMatchObject({ code: 'updated' });
    newer.close();
    channel.port1.close();
  });
});
