// The gate in jsdom: setting a device up, unlocking, wrong PINs and locking, with the real
// session, device store and vault on fake-indexeddb, and a server that cannot be reached.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorker } from '../../src/app/worker.ts';
import { createSession, type Session } from '../../src/session/session.ts';
import { DeviceStore, MAX_FAILED_PINS } from '../../src/storage/device-store.ts';
import { createVault } from '../../src/storage/vault.ts';
import { createPwaState } from '../../src/sw/pwa-state.ts';
import { createSyncClient, type Fetch } from '../../src/sync/client.ts';
import { App, type WorkerView } from '../../src/ui/App.tsx';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';

afterEach(cleanup);

const offline: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));
const PIN = '482913';

async function renderGate(path: string, seed?: (device: DeviceStore) => Promise<void>) {
  window.history.replaceState(null, '', path);
  const device = new DeviceStore(`doorstep-device-${Math.random().toString(36).slice(2)}`);
  await seed?.(device);
  const client = createSyncClient(offline, 'http://doorstep.test');
  const pwa = createPwaState();
  const session: Session<WorkerView> = createSession<WorkerView>({
    device,
    client,
    now: () => Date.UTC(2026, 10, 21),
    open: (worker, key, options) =>
      openWorker(
        {
          client,
          now: () => Date.UTC(2026, 10, 21),
          newId: () => 'id',
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
  return { session, device };
}

/** An enrolled device with one worker on it, whose data key opens with PIN. */
async function oneWorker(device: DeviceStore) {
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
    dbName: `doorstep-gate-test-${Math.random().toString(36).slice(2)}`,
    vault: record,
    failedPins: 0,
    signedInAt: 1,
  });
}

const type = (label: string, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('setting up a device', () => {
  it('fills in the code from a scanned QR code link', async () => {
    await renderGate('/?code=ABCD-EFGH-JKMN');
    await screen.findByRole('heading', { level: 1, name: 'Set up this device' });
    expect((screen.getByLabelText('Enrolment code') as HTMLInputElement).value).toBe(
      'ABCD-EFGH-JKMN',
    );
  });

  it('lists every missing answer, and asks for a PIN long enough', async () => {
    await renderGate('/');
    await screen.findByRole('heading', { level: 1, name: 'Set up this device' });
    type('Choose a PIN for this device', '123');
    fireEvent.click(screen.getByRole('button', { name: 'Set up this device' }));
    const summary = await screen.findByRole('alert');
    expect(
      [...summary.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]),
    ).toEqual([
      ['#code', 'Enter the enrolment code'],
      ['#deviceName', 'Enter a name for this device'],
      ['#username', 'Enter your username'],
      ['#passphrase', 'Enter your passphrase'],
      ['#pin', 'Choose a PIN of at least 6 characters'],
    ]);
  });

  it('says plainly when the server cannot be reached, and keeps what was typed', async () => {
    await renderGate('/');
    await screen.findByRole('heading', { level: 1, name: 'Set up this device' });
    type('Enrolment code', 'ABCD-EFGH-JKMN');
    type('Name for this device', 'Tablet 2');
    type('Username', 'sam');
    type('Passphrase', 'a long passphrase');
    type('Choose a PIN for this device', PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Set up this device' }));
    expect(await screen.findByText('The server could not be reached.')).toBeTruthy();
    expect((screen.getByLabelText('Name for this device') as HTMLInputElement).value).toBe(
      'Tablet 2',
    );
    expect((screen.getByLabelText('Passphrase') as HTMLInputElement).type).toBe('password');
  });
});

describe('unlocking', () => {
  it('counts down wrong PINs, unlocks with the right one, and locks on demand', async () => {
    await renderGate('/sync', oneWorker);
    await screen.findByRole('heading', { level: 1, name: 'Unlock Doorstep' });
    expect(screen.getByText('Unlocking as Sam Jones.')).toBeTruthy();

    type('PIN', '000000');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(
      await screen.findByText(
        `That PIN is not right. ${MAX_FAILED_PINS - 1} more wrong PINs and you will need to sign in online.`,
      ),
    ).toBeTruthy();
    expect((screen.getByLabelText('PIN') as HTMLInputElement).value).toBe('');

    type('PIN', PIN);
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    // The address asked for before unlocking is what opens.
    await screen.findByRole('heading', { level: 1, name: 'Sending to the server' });
    expect(screen.getByText('Signed in: Sam Jones')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    await screen.findByRole('heading', { level: 1, name: 'Unlock Doorstep' });
    expect(screen.queryByText('Signed in: Sam Jones')).toBeNull();
  });

  // Each try derives a key from the PIN the slow way, on purpose.
  it(
    'locks a worker out after too many wrong PINs and points to signing in online',
    { timeout: 30_000 },
    async () => {
      const { device } = await renderGate('/', oneWorker);
      await screen.findByRole('heading', { level: 1, name: 'Unlock Doorstep' });
      for (let n = 1; n <= MAX_FAILED_PINS; n++) {
        type('PIN', `00000${n}`);
        fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
        await waitFor(async () => expect((await device.worker('p1'))?.failedPins).toBe(n));
        if (n < MAX_FAILED_PINS) {
          await screen.findByText(new RegExp(`${MAX_FAILED_PINS - n} more wrong PIN`));
        }
      }
      expect((await screen.findAllByText(/Too many wrong PINs/)).length).toBeGreaterThan(0);
      expect(screen.queryByLabelText('PIN')).toBeNull();
      expect(screen.getByRole('button', { name: 'Sign in online' })).toBeTruthy();
    },
  );
});
