import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { clearDeviceData } from '../../src/storage/db.ts';
import { HistoryStore } from '../../src/storage/history-store.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { freshStore } from '../support/store.ts';

const visit = (id: string, ref: string, date: string, finishedAt: number): Assessment => ({
  ...newAssessment(
    { residentRef: ref, venue: 'library', date, set: 'short', language: 'en' },
    { id, now: finishedAt - 1000 },
  ),
  answers: { basics: { B1: 2 }, blockers: {}, skill: { GS01: 1 }, interest: {} },
  status: 'finished',
  finishedAt,
});

describe("a resident's visits fetched from the server", () => {
  it('are kept by reference, earliest first, and read back whole', async () => {
    const { db } = freshStore();
    const history = new HistoryStore(db);
    const later = visit('s2', 'LIB-0042', '2026-10-01', 9000);
    const sameDayEarlier = visit('s1', 'LIB-0042', '2026-10-01', 5000);
    const first = visit('s0', 'LIB-0042', '2026-03-02', 1000);
    await history.keep('LIB-0042', [later, first, sameDayEarlier], 20_000);
    expect(await history.forResident('LIB-0042')).toEqual([first, sameDayEarlier, later]);
    expect(await history.forResident('LIB-0043')).toEqual([]);
  });

  it('replace what was kept for that resident only, when fetched again', async () => {
    const { db } = freshStore();
    const history = new HistoryStore(db);
    const other = visit('o1', 'LIB-0043', '2026-05-01', 1);
    await history.keep('LIB-0043', [other], 1);
    await history.keep('LIB-0042', [visit('a', 'LIB-0042', '2026-03-02', 1)], 1);
    const now = visit('b', 'LIB-0042', '2026-04-02', 2);
    await history.keep('LIB-0042', [now], 2);
    expect(await history.forResident('LIB-0042')).toEqual([now]);
    expect(await history.forResident('LIB-0043')).toEqual([other]);
  });

  it("refuse another resident's record and keep nothing of that answer", async () => {
    const { db } = freshStore();
    const history = new HistoryStore(db);
    const kept = visit('a', 'LIB-0042', '2026-03-02', 1);
    await history.keep('LIB-0042', [kept], 1);
    await expect(
      history.keep(
        'LIB-0042',
        [visit('b', 'LIB-0042', '2026-04-02', 2), visit('x', 'LIB-9', '2026-04-02', 2)],
        2,
      ),
    ).rejects.toThrow();
    await expect(history.keep('LIB-0042', [{ ...kept, id: '' }], 3)).rejects.toThrow();
    expect(await history.forResident('LIB-0042')).toEqual([kept]);
  });

  it('are neither among the assessments made here nor queued to be sent', async () => {
    const { db, store } = freshStore();
    const history = new HistoryStore(db);
    await history.keep('LIB-0042', [visit('s1', 'LIB-0042', '2026-03-02', 1)], 1);
    expect(await store.list()).toEqual([]);
    expect(await store.get('s1')).toBeUndefined();
    expect(await new OutboxStore(db).entries()).toEqual([]);
  });

  it('leave out a damaged row rather than pass it on', async () => {
    const { db } = freshStore();
    const history = new HistoryStore(db);
    const good = visit('s1', 'LIB-0042', '2026-03-02', 1);
    await history.keep('LIB-0042', [good], 1);
    await db.history.put({
      id: 'bad',
      residentRef: 'LIB-0042',
      fetchedAt: 1,
      assessment: { id: 'bad' },
    });
    expect(await history.forResident('LIB-0042')).toEqual([good]);
  });

  it('are removed with everything else when the device is cleared', async () => {
    const { db } = freshStore();
    const history = new HistoryStore(db);
    await history.keep('LIB-0042', [visit('s1', 'LIB-0042', '2026-03-02', 1)], 1);
    await clearDeviceData(db);
    expect(await db.history.count()).toBe(0);
  });
});
