/** Renders the whole app in jsdom with a fresh device database and the real sync engine. */
import { render } from '@testing-library/preact';
import { inThreadAnswerWriter } from '../../src/storage/answer-writer.ts';
import { clearDeviceData } from '../../src/storage/db.ts';
import { HistoryStore } from '../../src/storage/history-store.ts';
import { OutboxStore } from '../../src/storage/outbox-store.ts';
import { ResidentStore } from '../../src/storage/resident-store.ts';
import { OrganisationStore } from '../../src/storage/organisation-store.ts';
import { SettingsStore } from '../../src/storage/settings-store.ts';
import { createPwaState } from '../../src/sw/pwa-state.ts';
import { createSyncClient, type Fetch } from '../../src/sync/client.ts';
import { drainOutbox } from '../../src/sync/drain.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { App } from '../../src/ui/App.tsx';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';
import { freshStore } from './store.ts';

type Device = ReturnType<typeof freshStore>;

/** No server: every request fails as if the device were offline. */
const offline: Fetch = () => Promise.reject(new TypeError('Failed to fetch'));

export async function renderApp(
  path = '/',
  seed?: (device: Device) => Promise<unknown>,
  options: { fetch?: Fetch; baseUrl?: string } = {},
) {
  window.history.replaceState(null, '', path);
  const device = freshStore();
  await seed?.(device);
  const outbox = new OutboxStore(device.db);
  const settings = new SettingsStore(device.db);
  const client = createSyncClient(
    options.fetch ?? offline,
    options.baseUrl ?? 'http://doorstep.test',
  );
  const now = () => device.clock.now;
  const sync = createSyncEngine({
    outbox,
    now,
    // Tests trigger the engine themselves; timers would outlive them.
    setTimer: () => null,
    clearTimer: () => {},
    drain: (onSending) =>
      drainOutbox({
        outbox,
        assessments: device.store,
        client,
        token: async () => (await settings.enrolment())?.token ?? null,
        now,
        random: () => 0.5,
        onSending,
      }),
  });
  const pwa = createPwaState();
  const applied: string[] = [];
  pwa.setApply(async () => {
    applied.push('update');
  });
  let ids = 0;
  // The worker's session as the screens see it: what they asked of it is recorded.
  const sessionCalls: string[] = [];
  const utils = render(
    <App
      language={{ locale: 'en', t: translator('en', en) }}
      services={{
        store: device.store,
        answers: inThreadAnswerWriter(device.store),
        residents: new ResidentStore(device.db),
        history: () => Promise.resolve(new HistoryStore(device.db)),
        outbox,
        settings,
        organisation: () => Promise.resolve(new OrganisationStore(device.db)),
        client,
        sync,
        now,
        newId: () => `test-${++ids}`,
        pwa: pwa.controller,
        // What signing a worker out does to their data; the session's part is tested apart.
        signOut: async () => {
          const enrolment = await settings.enrolment();
          if (enrolment) await client.revokeSelf(enrolment.token).catch(() => undefined);
          await clearDeviceData(device.db);
        },
        session: {
          lock: async () => void sessionCalls.push('lock'),
          confirmPin: async () => {
            sessionCalls.push('confirmPin');
            return { kind: 'unlocked' };
          },
        },
      }}
    />,
  );
  return { ...utils, ...device, outbox, settings, sync, pwa, applied, sessionCalls };
}
