import { describe, expect, it } from 'vitest';
import { OutboxStore, outboxEntry } from '../../src/storage/outbox-store.ts';
import type { DrainOutcome } from '../../src/sync/drain.ts';
import { ApiError } from '../../src/sync/client.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { freshStore } from '../support/store.ts';

function engineWith(drain: () => Promise<DrainOutcome>) {
  const { db, clock } = freshStore();
  const outbox = new OutboxStore(db);
  const timers: { ms: number; run: () => void }[] = [];
  const engine = createSyncEngine({
    outbox,
    now: () => clock.now,
    drain,
    setTimer: (run, ms) => timers.push({ ms, run }),
    clearTimer: () => {},
  });
  return { engine, outbox, clock, timers, db };
}

const done: DrainOutcome = { kind: 'done', accepted: 0, rejected: 0 };

describe('the sync engine', () => {
  it('runs one drain at a time, and one more pass for triggers that came during it', async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const { engine } = engineWith(async () => {
      running += 1;
      most = Math.max(most, running);
      passes += 1;
      await new Promise((r) => setTimeout(r, 5));
      running -= 1;
      return done;
    });
    await Promise.all([
      engine.trigger('start'),
      engine.trigger('visible'),
      engine.trigger('timer'),
    ]);
    await new Promise((r) => setTimeout(r, 30));
    expect(most).toBe(1);
    expect(passes).toBe(2);
  });

  it('drains when the browser says the connection is back, and when the app is visible again', async () => {
    const reasons: string[] = [];
    const { engine } = engineWith(async () => {
      reasons.push('drain');
      return done;
    });
    const stop = engine.start({ window, document });
    await new Promise((r) => setTimeout(r, 5));
    window.dispatchEvent(new Event('online'));
    await new Promise((r) => setTimeout(r, 5));
    document.dispatchEvent(new Event('visibilitychange'));
    await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(reasons).toEqual(['drain', 'drain', 'drain']);
  });

  it('sets a timer for the earliest postponed record, and makes everything due when back online', async () => {
    const { engine, outbox, clock, timers, db } = engineWith(async () => done);
    await db.outbox.put({
      ...outboxEntry('a', 2, 0),
      nextAttemptAt: clock.now + 8_000,
      attempts: 2,
    });
    await db.outbox.put({
      ...outboxEntry('b', 2, 0),
      nextAttemptAt: clock.now + 30_000,
      attempts: 3,
    });
    await engine.trigger('timer');
    expect(timers.at(-1)?.ms).toBe(8_000);
    await engine.trigger('online');
    expect((await outbox.entries()).map((e) => e.nextAttemptAt)).toEqual([0, 0]);
  });

  it('reports each outcome to its subscribers', async () => {
    const { engine } = engineWith(async () => ({ kind: 'not-enrolled' }));
    const seen: (DrainOutcome | null)[] = [];
    engine.subscribe((s) => seen.push(s.last));
    await engine.trigger('manual');
    expect(seen).toContainEqual({ kind: 'not-enrolled' });
    expect(engine.state().running).toBe(false);
  });
});

describe('a device the server no longer accepts', () => {
  it('is not retried on a timer: only a new trigger sends again', async () => {
    const { engine, timers, db, clock } = engineWith(async () => ({
      kind: 'signed-out',
      error: new ApiError('token_revoked', 'This device has been signed out.', 401),
    }));
    await db.outbox.put({ ...outboxEntry('a', 2, 0), nextAttemptAt: clock.now + 8_000 });
    await engine.trigger('start');
    expect(timers).toEqual([]);
  });
});
