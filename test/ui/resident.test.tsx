// Resident mode in jsdom: a worker hands the device over, the resident agrees and answers one
// question at a time, submits and sees their plan; any address shows only their flow; the
// worker's PIN leaves it; an unused session is cleared before the app locks.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorker } from '../../src/app/worker.ts';
import { newAssessment } from '../../src/domain/index.ts';
import { createSession, type Session } from '../../src/session/session.ts';
import { DeviceStore, MAX_FAILED_PINS } from '../../src/storage/device-store.ts';
import { OrganisationStore } from '../../src/storage/organisation-store.ts';
import { ResidentStore } from '../../src/storage/resident-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { createVault } from '../../src/storage/vault.ts';
import { createPwaState } from '../../src/sw/pwa-state.ts';
import { createSyncClient, type Fetch } from '../../src/sync/client.ts';
import { App, type WorkerView } from '../../src/ui/App.tsx';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const REF = 'KIOSK-0042';
const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
const h1 = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const progress = () => screen.getByText(/^Question \d+ of \d+$/).textContent;

type Db = ConstructorParameters<typeof SettingsStore>[0];

/** An enrolled device whose organisation asks for a separate consent to the health question. */
async function enrolled(device: { db: Db }) {
  await new SettingsStore(device.db).saveEnrolment({
    token: 'secret-token',
    device: { id: 'd1', name: 'Library tablet' },
    person: { id: 'p1', name: 'Sam Jones', role: 'outreach-worker' },
    organisation: { id: 'o1', name: 'Newport Council' },
    enrolledAt: 1,
  });
  await new OrganisationStore(device.db).save(
    {
      minGroup: 5,
      outcomeTypes: [],
      directory: null,
      healthQuestion: 'separate-consent',
      retentionDays: 365,
    },
    [],
  );
}

/** The worker's part: from the home screen to the device handed over (short set). */
async function handOver(ref = REF) {
  fireEvent.click(await screen.findByRole('link', { name: 'Hand this device to a resident' }));
  await h1('Hand this device to a resident');
  type('Resident reference (optional)', ref);
  fireEvent.click(screen.getByLabelText('Library'));
  fireEvent.click(screen.getByLabelText('Short set'));
  fireEvent.click(screen.getByRole('button', { name: 'Hand the device over' }));
  await h1('Welcome');
}

async function agree() {
  fireEvent.click(screen.getByLabelText('I have read this and I agree to take part'));
  fireEvent.click(screen.getByRole('button', { name: 'Start' }));
  await screen.findByText(/^Question 1 of \d+$/);
}

/** Chooses the option shown at `index` of the question on the page. */
function choose(index: number) {
  const radio = screen.getAllByRole('radio')[index];
  if (!radio) throw new Error(`no option ${index}`);
  fireEvent.click(radio);
}

async function next(expected: string | RegExp) {
  fireEvent.click(screen.getByRole('button', { name: 'Next' }));
  await screen.findByText(expected);
}

describe('resident mode', () => {
  it(
    'lets a resident agree, answer one question at a time, submit and see their plan',
    { timeout: 30_000 },
    async () => {
      const app = await renderApp('/', enrolled);
      await handOver();
      // Nothing else is reachable: no navigation, and no link but the skip link.
      expect(screen.queryByRole('navigation')).toBeNull();
      expect(screen.queryByLabelText(/Name|Phone number or email/)).toBeNull();
      const notice = await screen.findByRole('region', { name: 'Before you start: privacy' });
      expect(notice.textContent).toContain('Your answers are for Newport Council');

      fireEvent.click(screen.getByRole('button', { name: 'Start' }));
      expect(await screen.findByText('Tick the box to say you agree to take part')).toBeTruthy();
      await agree();
      // 3 basics, 5 blockers (the health one behind its own consent question), 14 skills twice.
      expect(progress()).toBe('Question 1 of 36');
      await h1('Basics');
      choose(3);
      await waitFor(async () => {
        const row = await app.store.get('test-1');
        expect(row).toMatchObject({ ok: true, assessment: { answers: { basics: { B1: 3 } } } });
      });
      await next('Question 2 of 36');
      fireEvent.click(screen.getByRole('button', { name: 'Back' }));
      await screen.findByText('Question 1 of 36');
      expect((screen.getAllByRole('radio')[3] as HTMLInputElement).checked).toBe(true);

      for (let n = 2; n <= 8; n++) await next(`Question ${n} of 36`);
      await screen.findByRole('group', {
        name: /Are you happy to answer a question about health, disability or language\?/,
      });
      fireEvent.click(screen.getByLabelText('Yes'));
      // A yes asks the question itself, on a page of its own.
      await screen.findByText('Question 8 of 37');
      await next('Question 9 of 37');
      expect(screen.getByRole('group', { name: /Health, disability or language/ })).toBeTruthy();
      choose(1);
      await next('Question 10 of 37');
      await h1(/.+/);
      choose(4);
      for (let n = 11; n <= 37; n++) await next(`Question ${n} of 37`);
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      await h1('Check and send your answers');
      expect(screen.getByText('You answered 3 of 36 questions.')).toBeTruthy();

      fireEvent.click(screen.getByRole('button', { name: 'Send my answers' }));
      await h1('Your digital skills plan');
      expect(screen.getByRole('status').textContent).toContain('Thank you. Your answers are saved');
      expect(screen.getByRole('button', { name: 'Print this plan' })).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Your scores' })).toBeTruthy();
      const links = [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(['#main']);

      // Finished and queued as any assessment, marked to go from the device once received.
      const stored = await app.store.get('test-1');
      expect(stored).toMatchObject({
        ok: true,
        assessment: {
          status: 'finished',
          residentRef: REF,
          set: 'short',
          privacy: { healthQuestion: 'separate-consent', healthConsent: true },
        },
      });
      expect(await app.outbox.entries()).toEqual([
        expect.objectContaining({ id: 'test-1', state: 'waiting', purgeOnReceipt: true }),
      ]);
      // No resident record is made for it: resident mode keeps nothing of them to look up later.
      expect(await new ResidentStore(app.db).get(REF)).toBeUndefined();
    },
  );

  it('shows only the resident flow at any address while it is on', async () => {
    await renderApp('/sync', async (device) => {
      await device.store.residentMode().start(
        newAssessment(
          {
            residentRef: REF,
            venue: 'library',
            date: '2026-11-21',
            set: 'short',
            language: 'en',
          },
          { id: 'r-1', now: device.clock.now },
        ),
      );
    });
    await h1('Welcome');
    expect(screen.queryByRole('heading', { name: 'Sending to the server' })).toBeNull();
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByRole('button', { name: 'Cymraeg' })).toBeTruthy();
  });
});

// With a real session: the worker's PIN, locking, and the organisation's lock time.
const offline: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
const PIN = '482913';

async function renderUnlocked() {
  window.history.replaceState(null, '', '/');
  const device = new DeviceStore(`doorstep-device-${Math.random().toString(36).slice(2)}`);
  await device.saveEnrolment({
    deviceToken: 'device-token',
    device: { id: 'd1', name: 'Library tablet 2' },
    organisation: { id: 'o1', name: 'Newport Council' },
    enrolledAt: 1,
  });
  const { record } = await createVault(PIN, crypto.getRandomValues(new Uint8Array(32)));
  await device.putWorker({
    personId: 'p1',
    name: 'Sam Jones',
    username: 'sam',
    role: 'outreach-worker',
    dbName: `doorstep-resident-test-${Math.random().toString(36).slice(2)}`,
    vault: record,
    failedPins: 0,
    signedInAt: 1,
  });
  const client = createSyncClient(offline, 'http://doorstep.test');
  const pwa = createPwaState();
  let ids = 0;
  const now = () => Date.now();
  const session: Session<WorkerView> = createSession<WorkerView>({
    device,
    client,
    now,
    open: (worker, key, options) =>
      openWorker(
        {
          client,
          now,
          newId: () => `r-${++ids}`,
          pwa: pwa.controller,
          signOut: () => session.signOut(),
          session,
          page: { window, document },
        },
        worker,
        key,
        options,
      ),
  });
  render(
    <App
      language={{ locale: 'en', t: translator('en', en) }}
      session={session}
      pwa={pwa.controller}
    />,
  );
  await session.start();
  await unlock();
  return { session, device };
}

async function unlock() {
  await h1('Unlock Doorstep');
  type('PIN', PIN);
  fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
  // The key is derived from the PIN the slow way, on purpose.
  await screen.findByRole(
    'heading',
    { level: 1, name: 'Assessments on this device' },
    { timeout: 10_000 },
  );
}

/** Milliseconds the clock has been moved ahead. */
let skipped = 0;

/** Time passes without use; the page is shown again (IdleLock measures, it does not count). */
function idleFor(minutes: number) {
  skipped += minutes * 60_000;
  document.dispatchEvent(new Event('visibilitychange'));
}

async function leaveWith(pin: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Worker: leave resident mode' }));
  type('Worker’s PIN', pin);
  fireEvent.click(screen.getByRole('button', { name: 'Leave resident mode' }));
}

describe('resident mode on a shared device', () => {
  beforeEach(() => {
    // The clock runs on, moved ahead by the tests: IndexedDB and key derivation need real time.
    skipped = 0;
    const real = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => real() + skipped);
    Object.defineProperty(document, 'visibilityState', { configurable: true, value: 'visible' });
  });
  afterEach(() => vi.restoreAllMocks());

  it('needs the worker’s PIN to leave, counting wrong ones', { timeout: 30_000 }, async () => {
    await renderUnlocked();
    await handOver();
    await agree();
    choose(2);
    await leaveWith('000000');
    expect(
      await screen.findByText(
        `That PIN is not right. ${MAX_FAILED_PINS - 1} more wrong PINs and the app locks.`,
      ),
    ).toBeTruthy();
    expect(screen.getByText('Question 1 of 36')).toBeTruthy();
    type('Worker’s PIN', PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Leave resident mode' }));
    await h1('Assessments on this device');
    expect(screen.getByRole('navigation')).toBeTruthy();
    // What the resident agreed to and started stays the worker's, to carry on with.
    expect(
      await screen.findByRole('link', { name: `Continue the assessment for ${REF}` }),
    ).toBeTruthy();
  });

  it(
    'clears an unused session the resident did not submit, then locks',
    { timeout: 30_000 },
    async () => {
      await renderUnlocked();
      await handOver();
      await agree();
      choose(2);
      await next('Question 2 of 36');
      idleFor(4);
      expect(screen.getByText('Question 2 of 36')).toBeTruthy();
      idleFor(2);
      await h1('Unlock Doorstep');
      await unlock();
      expect(await screen.findByText('There are no assessments on this device yet.')).toBeTruthy();
    },
  );

  it(
    'keeps a submitted assessment queued when the session is left unused',
    { timeout: 30_000 },
    async () => {
      await renderUnlocked();
      await handOver();
      await agree();
      for (let n = 2; n <= 36; n++) await next(`Question ${n} of 36`);
      fireEvent.click(screen.getByRole('button', { name: 'Next' }));
      fireEvent.click(await screen.findByRole('button', { name: 'Send my answers' }));
      await h1('Your digital skills plan');
      idleFor(6);
      await h1('Unlock Doorstep');
      await unlock();
      const finished = await screen.findByRole('region', { name: 'Finished' });
      expect(finished.textContent).toContain(REF);
    },
  );

  it(
    'on unlock, clears a session left unused longer than the lock time',
    { timeout: 30_000 },
    async () => {
      const { session } = await renderUnlocked();
      await handOver();
      await agree();
      choose(2);
      // The page was reloaded: the app starts locked, the marker still kept.
      await session.lock();
      await h1('Unlock Doorstep');
      skipped += 2 * 60_000;
      type('PIN', PIN);
      fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
      // Not that long: the resident carries on at the first question not answered.
      await screen.findByText('Question 2 of 36', {}, { timeout: 10_000 });
      await session.lock();
      await h1('Unlock Doorstep');
      skipped += 6 * 60_000;
      await unlock();
      expect(await screen.findByText('There are no assessments on this device yet.')).toBeTruthy();
    },
  );
});

describe('too many wrong PINs to leave resident mode', () => {
  // Each try derives a key from the PIN the slow way, on purpose.
  it('locks the app and the worker out', { timeout: 60_000 }, async () => {
    const { device } = await renderUnlocked();
    await handOver();
    for (let n = 1; n <= MAX_FAILED_PINS; n++) {
      await leaveWith(`00000${n}`);
      await waitFor(async () => expect((await device.worker('p1'))?.failedPins).toBe(n), {
        timeout: 10_000,
      });
      if (n < MAX_FAILED_PINS) {
        await screen.findByText(new RegExp(`${MAX_FAILED_PINS - n} more wrong PIN`));
        fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
      }
    }
    await h1('Unlock Doorstep');
    expect((await screen.findAllByText(/Too many wrong PINs/)).length).toBeGreaterThan(0);
    expect(screen.queryByText('Welcome')).toBeNull();
  });
});
