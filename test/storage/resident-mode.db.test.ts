// Resident mode's marker and what becomes of its assessment: kept with the marker, deleted when
// abandoned, and deleted with its outbox entry once the server's receipt is stored.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { AssessmentStore } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';

const REF = 'KIOSK-7731';
const VENUE_NAME = 'Llanbedr Reading Room';

function sealedDevice() {
  const name = `doorstep-resident-${Math.random().toString(36).slice(2)}`;
  const db = new DoorstepDb(name, { key: crypto.getRandomValues(new Uint8Array(32)) });
  const clock = { now: Date.UTC(2026, 10, 21, 10) };
  const store = new AssessmentStore(db, () => clock.now);
  return { name, db, clock, store, mode: store.residentMode(), outbox: new OutboxStore(db) };
}

function residentAssessment(id: string, now: number): Assessment {
  return {
    ...newAssessment(
      {
        residentRef: REF,
        venue: 'library',
        date: '2026-11-21',
        set: 'short',
        language: 'cy',
        venueName: VENUE_NAME,
      },
      { id, now },
    ),
    privacy: { agreedAt: now, healthQuestion: 'optional', healthConsent: null },
  };
}

/** Every row of every table as stored, sealed or not, as one string to search. */
async function rawDump(name: string): Promise<string> {
  const raw = new Dexie(name);
  await raw.open();
  const tables = await Promise.all(raw.tables.map(async (t) => [t.name, await t.toArray()]));
  raw.close();
  return JSON.stringify(tables);
}

describe('resident mode on the device', () => {
  it('creates the assessment and the marker together, and reads the marker back', async () => {
    const { store, mode, clock } = sealedDevice();
    expect(await mode.current()).toBeNull();
    await mode.start(residentAssessment('r-1', clock.now));
    expect(await mode.current()).toEqual({
      assessmentId: 'r-1',
      startedAt: clock.now,
      submitted: false,
    });
    expect(await store.get('r-1')).toMatchObject({ ok: true, assessment: { residentRef: REF } });
  });

  it('queues a submitted assessment like any other, marked to go once received', async () => {
    const { mode, outbox, clock } = sealedDevice();
    await mode.start(residentAssessment('r-1', clock.now));
    clock.now += 1000;
    const finished = await mode.submit('r-1', []);
    expect(finished).toMatchObject({ status: 'finished', revision: 2 });
    expect(await outbox.entries()).toEqual([
      expect.objectContaining({ id: 'r-1', revision: 2, state: 'waiting', purgeOnReceipt: true }),
    ]);
    expect(await mode.current()).toMatchObject({ assessmentId: 'r-1', submitted: true });
  });

  it('deletes the assessment in the transaction that stores its receipt: nothing readable stays', async () => {
    const { name, store, mode, outbox, clock } = sealedDevice();
    await mode.start(residentAssessment('r-1', clock.now));
    await store.saveAnswer('r-1', { facet: 'skill', itemId: 'TR05' }, 2);
    await mode.submit('r-1', []);
    await mode.end({ abandoned: false });
    const receipt = { id: 'r-1', revision: 3, receivedAt: '2026-11-21T10:01:00.000Z' };
    await outbox.accept(receipt);

    expect(await store.get('r-1')).toBeUndefined();
    expect(await outbox.entries()).toEqual([]);
    // Only the receipt stays: an id, a revision and a time.
    expect(await outbox.receipts()).toEqual([receipt]);
    const dump = await rawDump(name);
    expect(dump).not.toContain(REF);
    expect(dump).not.toContain(VENUE_NAME);
    const raw = new Dexie(name);
    await raw.open();
    expect(await raw.table('assessments').count()).toBe(0);
    expect(await raw.table('settings').get('resident-mode')).toBeUndefined();
    raw.close();
  });

  it('keeps an ordinary assessment when its receipt is stored', async () => {
    const { store, outbox, clock } = sealedDevice();
    await store.create(residentAssessment('w-1', clock.now));
    await store.finish('w-1', []);
    await outbox.accept({ id: 'w-1', revision: 2, receivedAt: '2026-11-21T10:01:00.000Z' });
    expect(await store.get('w-1')).toMatchObject({ ok: true, assessment: { status: 'finished' } });
    expect(await outbox.entries()).toEqual([]);
  });

  it('keeps the assessment when a receipt is for an earlier revision than the one queued', async () => {
    const { store, mode, outbox, clock } = sealedDevice();
    await mode.start(residentAssessment('r-1', clock.now));
    await mode.submit('r-1', []);
    await outbox.accept({ id: 'r-1', revision: 1, receivedAt: '2026-11-21T10:01:00.000Z' });
    expect(await store.get('r-1')).toMatchObject({ ok: true });
    expect(await outbox.entries()).toHaveLength(1);
  });

  it('deletes an abandoned assessment the resident did not submit, with the marker', async () => {
    const { name, store, mode, clock } = sealedDevice();
    await mode.start(residentAssessment('r-1', clock.now));
    await store.saveAnswer('r-1', { facet: 'basics', itemId: 'B1' }, 3);
    expect(await mode.end({ abandoned: true })).toBe('deleted');
    expect(await store.get('r-1')).toBeUndefined();
    expect(await mode.current()).toBeNull();
    const raw = new Dexie(name);
    await raw.open();
    expect(await raw.table('assessments').count()).toBe(0);
    expect(await raw.table('settings').get('resident-mode')).toBeUndefined();
    raw.close();
  });

  it('keeps a submitted assessment queued when the session is abandoned afterwards', async () => {
    const { store, mode, outbox, clock } = sealedDevice();
    await mode.start(residentAssessment('r-1', clock.now));
    await mode.submit('r-1', []);
    expect(await mode.end({ abandoned: true })).toBe('kept');
    expect(await mode.current()).toBeNull();
    expect(await store.get('r-1')).toMatchObject({ ok: true, assessment: { status: 'finished' } });
    expect(await outbox.entries()).toEqual([
      expect.objectContaining({ id: 'r-1', purgeOnReceipt: true }),
    ]);
  });

  it('leaves an unfinished assessment to the worker who leaves resident mode with their PIN', async () => {
    const { store, mode, clock } = sealedDevice();
    await mode.start(residentAssessment('r-1', clock.now));
    expect(await mode.end({ abandoned: false })).toBe('kept');
    expect(await mode.current()).toBeNull();
    expect(await store.get('r-1')).toMatchObject({
      ok: true,
      assessment: { status: 'in-progress' },
    });
  });

  it('deletes what the resident never agreed to when the worker leaves resident mode', async () => {
    const { store, mode, clock } = sealedDevice();
    // As the worker's form makes it: the agreement is the resident's to give.
    await mode.start({ ...residentAssessment('r-1', clock.now), privacy: undefined });
    expect(await mode.end({ abandoned: false })).toBe('deleted');
    expect(await store.get('r-1')).toBeUndefined();
  });

  it('dates the last use from the latest answer, or from the start before any', async () => {
    const { store, mode, clock } = sealedDevice();
    expect(await mode.lastActive()).toBeNull();
    const started = clock.now;
    await mode.start(residentAssessment('r-1', started - 60_000));
    expect(await mode.lastActive()).toBe(started);
    clock.now += 90_000;
    await store.saveAnswer('r-1', { facet: 'basics', itemId: 'B1' }, 3);
    expect(await mode.lastActive()).toBe(started + 90_000);
  });
});
