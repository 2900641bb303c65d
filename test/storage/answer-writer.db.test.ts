// The page's answer writer and the worker's side, joined by a real MessageChannel: the same
// messages a Worker carries, each end with its own connection to the same device database.
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { newAssessment } from '../../src/domain/index.ts';
import {
  channelAnswerWriter,
  inThreadAnswerWriter,
  serveAnswers,
  type AnswerChannel,
  type AnswerDatabase,
} from '../../src/storage/answer-writer.ts';
import { AssessmentStore, StoreError } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { freshStore } from '../support/store.ts';

const B1 = { facet: 'basics', itemId: 'B1' } as const;
const B2 = { facet: 'basics', itemId: 'B2' } as const;
const GS01 = { facet: 'skill', itemId: 'GS01' } as const;

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A device whose answers go through a "worker" on the other end of a MessageChannel. */
async function device(options: { workerClock?: () => number; timeOrigin?: number } = {}) {
  const page = freshStore();
  await page.store.create(
    newAssessment(
      { residentRef: null, venue: 'library', date: '2026-11-21', set: 'full', language: 'en' },
      { id: 'a-1', now: page.clock.now },
    ),
  );
  const channel = new MessageChannel();
  channels.push(channel);
  let connects = 0;
  // The worker's own store, on its own connection to the same database.
  serveAnswers(channel.port2, page.reopen(), options.workerClock);
  const writer = channelAnswerWriter(
    () => {
      connects += 1;
      return channel.port1 as unknown as AnswerChannel;
    },
    inThreadAnswerWriter(page.store),
    options.timeOrigin === undefined ? {} : { timeOrigin: options.timeOrigin },
  );
  return { ...page, writer, connects: () => connects };
}

const storedAnswers = async (reopen: () => ReturnType<typeof freshStore>['store']) => {
  const stored = await reopen().get('a-1');
  if (!stored?.ok) throw new Error('not stored');
  return stored.assessment;
};

describe('answers committed on the other side of a channel', () => {
  it('resolves once the answer is durable, with the commit time on the page timeline', async () => {
    const { writer, reopen } = await device({
      workerClock: () => 1_000_250,
      timeOrigin: 1_000_000,
    });
    const saved = await writer.save('a-1', B1, 3);
    expect(saved.committedAt).toBe(250);
    expect(saved.assessment.answers.basics).toEqual({ B1: 3 });
    expect((await storedAnswers(reopen)).answers.basics).toEqual({ B1: 3 });
  });

  it('connects once, on prepare, and keeps every answer of quick taps in a row', async () => {
    const { writer, reopen, connects } = await device();
    writer.prepare();
    writer.prepare();
    expect(connects()).toBe(1);
    const taps = ['GS01', 'GS02', 'GS03', 'GS04', 'GS05'].map((itemId, i) =>
      writer.save('a-1', { facet: 'skill', itemId }, (i % 5) as 0 | 1 | 2 | 3 | 4),
    );
    await writer.settled();
    await Promise.all(taps);
    const stored = await storedAnswers(reopen);
    expect(stored.answers.skill).toEqual({ GS01: 0, GS02: 1, GS03: 2, GS04: 3, GS05: 4 });
    expect(stored.revision).toBe(6);
    expect(connects()).toBe(1);
  });

  it("keeps the page's own changes and the worker's answers both, whichever came first", async () => {
    const { writer, store, reopen } = await device();
    await writer.save('a-1', B1, 1);
    // The page moves on a step with its own connection: the worker's view is now stale.
    await store.moveToStep('a-1', 1, [B2]);
    await writer.save('a-1', GS01, 4);
    const stored = await storedAnswers(reopen);
    expect(stored.answers.basics).toEqual({ B1: 1, B2: 'skipped' });
    expect(stored.answers.skill).toEqual({ GS01: 4 });
    expect(stored.step).toBe(1);
  });

  it('keeps the last of quick answers to one question given just after the page changed it', async () => {
    const { writer, store, reopen } = await device();
    await writer.save('a-1', B1, 1);
    // The worker's view is now stale; then the arrow keys run through four options at once.
    await store.moveToStep('a-1', 1, [B2]);
    const taps = ([2, 3, 'dont-know', 'not-applicable'] as const).map((answer) =>
      writer.save('a-1', B1, answer),
    );
    await Promise.all(taps);
    const stored = await storedAnswers(reopen);
    expect(stored.answers.basics).toEqual({ B1: 'not-applicable', B2: 'skipped' });
    expect(stored.step).toBe(1);
    expect(stored.revision).toBe(7);
  });

  it('passes on a refusal with its reason, and writes nothing', async () => {
    const { writer, store, reopen } = await device();
    await store.finish('a-1', []);
    const refused = writer.save('a-1', B1, 2);
    await expect(refused).rejects.toBeInstanceOf(StoreError);
    await expect(refused).rejects.toMatchObject({ code: 'finished' });
    expect((await storedAnswers(reopen)).answers.basics).toEqual({});
  });
});

describe('when the worker cannot run', () => {
  it('commits on the page instead when the worker cannot even start', async () => {
    const page = freshStore();
    await page.store.create(
      newAssessment(
        { residentRef: null, venue: 'home-visit', date: '2026-11-21', set: 'full', language: 'en' },
        { id: 'a-1', now: page.clock.now },
      ),
    );
    const writer = channelAnswerWriter(() => {
      throw new Error('workers are blocked here');
    }, inThreadAnswerWriter(page.store));
    await writer.save('a-1', B1, 2);
    expect((await storedAnswers(page.reopen)).answers.basics).toEqual({ B1: 2 });
  });

  it('commits the answers that were waiting, and every later one, on the page after an error', async () => {
    const page = freshStore();
    await page.store.create(
      newAssessment(
        { residentRef: null, venue: 'library', date: '2026-11-21', set: 'full', language: 'en' },
        { id: 'a-1', now: page.clock.now },
      ),
    );
    // A worker whose script never loads: it takes messages, never answers, then reports an error.
    const broken = new EventTarget() as EventTarget & AnswerChannel;
    const posted: unknown[] = [];
    broken.postMessage = (message: unknown) => posted.push(message);
    const writer = channelAnswerWriter(() => broken, inThreadAnswerWriter(page.store));
    const waiting = writer.save('a-1', B1, 1);
    // First the database to open, then the answer.
    expect(posted).toHaveLength(2);
    broken.dispatchEvent(new Event('error'));
    await waiting;
    await writer.save('a-1', B2, 0);
    expect(posted).toHaveLength(2);
    expect((await storedAnswers(page.reopen)).answers.basics).toEqual({ B1: 1, B2: 0 });
  });
});

describe('a sealed database', () => {
  it("is opened in the worker by the page's name and key, sent first", async () => {
    const name = `doorstep-answers-${Math.random().toString(36).slice(2)}`;
    const key = crypto.getRandomValues(new Uint8Array(32));
    const page = new AssessmentStore(new DoorstepDb(name, { key }), () => 1000);
    await page.create(
      newAssessment(
        { residentRef: null, venue: 'library', date: '2026-11-21', set: 'full', language: 'en' },
        { id: 'a-1', now: 1000 },
      ),
    );
    const channel = new MessageChannel();
    channels.push(channel);
    const opened: AnswerDatabase[] = [];
    // What answer-worker.ts does with the first message.
    serveAnswers(channel.port2, (database) => {
      opened.push(database);
      const options = database.key ? { key: database.key } : {};
      return new AssessmentStore(new DoorstepDb(database.name, options), () => 2000);
    });
    const writer = channelAnswerWriter(
      () => channel.port1 as unknown as AnswerChannel,
      inThreadAnswerWriter(page),
      { database: { name, key } },
    );
    await writer.save('a-1', B1, 3);
    await writer.save('a-1', B2, 1);
    expect(opened).toEqual([{ name, key }]);
    const stored = await new AssessmentStore(new DoorstepDb(name, { key }), () => 0).get('a-1');
    expect(stored?.ok && stored.assessment.answers.basics).toEqual({ B1: 3, B2: 1 });
    // Written sealed by the worker's connection.
    const raw = new Dexie(name);
    await raw.open();
    const row = (await raw.table('assessments').get('a-1')) as object;
    expect(Object.keys(row).sort()).toEqual(['$sealed', 'id', 'status', 'updatedAt']);
    raw.close();
  });

  it('refuses an answer, with a reason, when no database was opened', async () => {
    const channel = new MessageChannel();
    channels.push(channel);
    serveAnswers(channel.port2, () => {
      throw new Error('not to be opened');
    });
    const replies: unknown[] = [];
    const replied = new Promise<void>((resolve) => {
      channel.port1.addEventListener('message', (event) => {
        replies.push(event.data);
        resolve();
      });
    });
    channel.port1.start();
    channel.port1.postMessage({ seq: 1, id: 'a-1', question: B1, answer: 2 });
    await replied;
    expect(replies).toEqual([
      { seq: 1, ok: false, code: null, message: 'No database was opened for answers' },
    ]);
  });
});
