// @vitest-environment node
// Workers on a shared device, against the real server over HTTP (embedded database): enrolling,
// signing in, locking, wrong PINs, another worker, signing out, and records from before accounts.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAssessment, type Assessment } from '../../src/domain/index.ts';
import { openWorker } from '../../src/app/worker.ts';
import type { WorkerView } from '../../src/ui/App.tsx';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { enrolmentCodeResponseSchema } from '../../src/shared/council-api.ts';
import { createSession, type Session } from '../../src/session/session.ts';
import { AssessmentStore } from '../../src/storage/assessment-store.ts';
import { DoorstepDb } from '../../src/storage/db.ts';
import { DeviceStore, MAX_FAILED_PINS } from '../../src/storage/device-store.ts';
import { createSyncClient, type SyncClient } from '../../src/sync/client.ts';
import type { PwaController } from '../../src/sw/pwa-state.ts';

let server: RunningServer;
let client: SyncClient;
let adminToken: string;
let people = 0;

beforeAll(async () => {
  server = await startServer();
  const code = server.firstStart?.code;
  if (!code) throw new Error('The first start should print an administrator code');
  client = createSyncClient((input, init) => fetch(input, init), server.url);
  adminToken = (await client.enrol({ code, deviceName: 'Coordinator laptop' })).token;
  // A fresh embedded database takes a few seconds to create, more on a busy machine.
}, 60_000);
afterAll(async () => {
  await server.close();
});

/** A coordinator's code for a new outreach worker, and the account they will choose with it. */
async function newWorker() {
  const n = ++people;
  const { code } = await client.post(
    adminToken,
    '/api/enrolment-codes',
    { personName: `Worker ${n}`, role: 'outreach-worker' },
    enrolmentCodeResponseSchema,
  );
  return { code, username: `worker${n}`, passphrase: `a long passphrase ${n}`, pin: `${n}48213` };
}

const pwa: PwaController = {
  status: () => ({ offlineReady: false, updateReady: false }),
  subscribe: () => () => {},
  applyUpdate: async () => {},
};

// The page's online and visibility events: nothing fires them here.
const page = {
  window: new EventTarget() as Window,
  document: Object.assign(new EventTarget(), { visibilityState: 'visible' }) as unknown as Document,
};

function device() {
  const name = `doorstep-device-${Math.random().toString(36).slice(2)}`;
  let clock = Date.UTC(2026, 10, 21, 10);
  const closed: string[] = [];
  const session: Session<WorkerView> = createSession<WorkerView>({
    device: new DeviceStore(name),
    client,
    now: () => clock++,
    open: async (worker, key, options) => {
      const opened = await openWorker(
        {
          client,
          now: () => clock,
          newId: () => `id-${clock}`,
          pwa,
          signOut: () => session.signOut(),
          session,
          page,
        },
        worker,
        key,
        options,
      );
      return {
        ...opened,
        close: async () => {
          closed.push(worker.personId);
          await opened.close();
        },
      };
    },
  });
  return { session, closed };
}

function unlocked(session: Session<WorkerView>) {
  const state = session.state();
  if (state.kind !== 'unlocked') throw new Error(`Expected unlocked, got ${state.kind}`);
  return state;
}

const RESIDENT_REF = 'LIB-7781';
const VENUE = 'Tregarth Community Hall';
const DETAILS = { venue: 'home-visit', date: '2026-11-21', set: 'full', language: 'en' } as const;

async function startAssessment(session: Session<WorkerView>, id: string): Promise<Assessment> {
  const { services } = unlocked(session).opened;
  const withVenue = newAssessment(
    { ...DETAILS, residentRef: RESIDENT_REF, venueName: VENUE },
    { id, now: services.now() },
  );
  await services.store.create(withVenue);
  return withVenue;
}

/** Every database and row on the device, as IndexedDB holds them, in one string. */
async function rawDevice(): Promise<string> {
  const names = (await indexedDB.databases()).flatMap((d) => (d.name ? [d.name] : []));
  const dumps: string[] = [];
  for (const name of names) {
    const db = new Dexie(name);
    await db.open();
    for (const table of db.tables) {
      dumps.push(name, table.name, JSON.stringify(await table.toArray(), bytesAsText));
    }
    db.close();
  }
  return dumps.join('\n');
}
const bytesAsText = (_key: string, value: unknown) =>
  value instanceof Uint8Array ? new TextDecoder().decode(value) : value;

// Every PIN is turned into a key the slow way (PBKDF2, 600,000 rounds), on purpose.
describe('a shared device', { timeout: 60_000 }, () => {
  it('enrols with a code, keeps the records sealed, and locks with nothing readable', async () => {
    const { session, closed } = device();
    await session.start();
    expect(session.state().kind).toBe('unenrolled');
    const ann = await newWorker();
    await session.enrol({ ...ann, deviceName: 'Library tablet 1' });

    const state = unlocked(session);
    expect(state.worker.name).toBe('Worker 1');
    expect(state.enrolment.device.name).toBe('Library tablet 1');
    await startAssessment(session, 'a-1');
    expect((await state.opened.services.store.list()).length).toBe(1);

    const raw = await rawDevice();
    expect(raw).not.toContain(RESIDENT_REF);
    expect(raw).not.toContain(VENUE);

    await session.lock();
    expect(session.state().kind).toBe('locked');
    expect(closed).toEqual([state.worker.personId]);
    // The data key is overwritten when the app locks: nothing that held it still does.
    expect(await rawDevice()).not.toContain(RESIDENT_REF);

    expect(await session.unlock(state.worker.personId, ann.pin)).toEqual({ kind: 'unlocked' });
    const list = await unlocked(session).opened.services.store.list();
    expect(list.map((row) => row.ok && row.assessment.residentRef)).toEqual([RESIDENT_REF]);
    await session.lock();
  });

  it('locks a worker out after too many wrong PINs, until they sign in online', async () => {
    const { session } = device();
    await session.start();
    const ben = await newWorker();
    await session.enrol({ ...ben, deviceName: 'Library tablet 2' });
    const { worker } = unlocked(session);
    await startAssessment(session, 'b-1');
    await session.lock();

    for (let n = 1; n < MAX_FAILED_PINS; n++) {
      expect(await session.unlock(worker.personId, 'wrong-pin')).toEqual({
        kind: 'wrong-pin',
        remaining: MAX_FAILED_PINS - n,
      });
    }
    expect(await session.unlock(worker.personId, 'wrong-pin')).toEqual({ kind: 'locked-out' });
    // Even the right PIN does nothing now: the copy of the key it opened is gone.
    expect(await session.unlock(worker.personId, ben.pin)).toEqual({ kind: 'locked-out' });

    await session.signIn({ username: ben.username, passphrase: ben.passphrase, pin: '909090' });
    const list = await unlocked(session).opened.services.store.list();
    expect(list.map((row) => row.ok && row.assessment.id)).toEqual(['b-1']);
    await session.lock();
    expect(await session.unlock(worker.personId, '909090')).toEqual({ kind: 'unlocked' });
    await session.lock();
  });

  it('checks an unlocked worker’s PIN, and locks them out after too many wrong ones', async () => {
    const { session } = device();
    await session.start();
    const fay = await newWorker();
    await session.enrol({ ...fay, deviceName: 'Library kiosk' });
    expect(await session.confirmPin(fay.pin)).toEqual({ kind: 'unlocked' });
    expect(session.state().kind).toBe('unlocked');
    for (let n = 1; n < MAX_FAILED_PINS; n++) {
      expect(await session.confirmPin('nope-nope')).toEqual({
        kind: 'wrong-pin',
        remaining: MAX_FAILED_PINS - n,
      });
      expect(session.state().kind).toBe('unlocked');
    }
    expect(await session.confirmPin('nope-nope')).toEqual({ kind: 'locked-out' });
    const state = session.state();
    expect(state.kind).toBe('locked');
    const worker = state.kind === 'locked' ? state.workers[0] : undefined;
    expect(worker?.vault.byPin).toBeNull();
  });

  it('keeps one worker’s residents from the next, and signing out leaves nothing of theirs', async () => {
    const { session } = device();
    await session.start();
    const cara = await newWorker();
    const dan = await newWorker();
    await session.enrol({ ...cara, deviceName: 'Library tablet 3' });
    const caraWorker = unlocked(session).worker;
    const caraToken = await unlocked(session).opened.services.settings.enrolment();
    await startAssessment(session, 'c-1');
    await session.lock();

    // Dan is new: his code sets up his account on the same device.
    await session.enrol({ ...dan, deviceName: 'ignored: already enrolled' });
    const danState = unlocked(session);
    expect(danState.worker.personId).not.toBe(caraWorker.personId);
    expect(danState.worker.dbName).not.toBe(caraWorker.dbName);
    expect(danState.enrolment.device.name).toBe('Library tablet 3');
    expect(await danState.opened.services.store.list()).toEqual([]);
    // Dan's key cannot open Cara's database either.
    const keyless = new DoorstepDb(caraWorker.dbName);
    const seen = await new AssessmentStore(keyless, () => 0).list();
    keyless.close();
    expect(seen.length).toBe(1);
    expect(seen.every((row) => !row.ok)).toBe(true);

    // Cara signs out: her database and her place on the device go; Dan's stay.
    await session.lock();
    expect(await session.unlock(caraWorker.personId, cara.pin)).toEqual({ kind: 'unlocked' });
    await session.signOut();
    expect(await Dexie.exists(caraWorker.dbName)).toBe(false);
    const after = session.state();
    expect(after.kind === 'locked' && after.workers.map((w) => w.name)).toEqual([
      danState.worker.name,
    ]);
    // The token she synced with is revoked on the server.
    await expect(client.push(caraToken?.token ?? '', [])).rejects.toMatchObject({
      code: expect.stringMatching(/token_revoked|unauthenticated|invalid_request/),
    });
  });

  it('gives the records kept before accounts to the first worker to sign in, sealed', async () => {
    // Records from before, in the database every device had then, in the clear.
    const earlier = new DoorstepDb('doorstep');
    const store = new AssessmentStore(earlier, () => 1);
    await store.create(
      newAssessment({ ...DETAILS, residentRef: 'OLD-0001' }, { id: 'old-1', now: 1 }),
    );
    earlier.close();

    const { session } = device();
    await session.start();
    const eve = await newWorker();
    await session.enrol({ ...eve, deviceName: 'Library tablet 4' });
    const state = unlocked(session);
    expect(state.worker.dbName).toBe('doorstep');
    const list = await state.opened.services.store.list();
    expect(list.map((row) => row.ok && row.assessment.residentRef)).toEqual(['OLD-0001']);
    expect(await rawDevice()).not.toContain('OLD-0001');
    await session.signOut();
    expect(await Dexie.exists('doorstep')).toBe(false);
  });
});
