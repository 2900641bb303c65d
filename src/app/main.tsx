/**
 * The composition root: the only place that builds the real database, clock, id source, server
 * client, sync engine and service-worker bridge, and hands them to the screens.
 */
import { render } from 'preact';
import { channelAnswerWriter, inThreadAnswerWriter } from '../storage/answer-writer.ts';
import { AssessmentStore } from '../storage/assessment-store.ts';
import { DoorstepDb, clearDeviceData } from '../storage/db.ts';
import { OutboxStore } from '../storage/outbox-store.ts';
import { SettingsStore } from '../storage/settings-store.ts';
import { createPwaState } from '../sw/pwa-state.ts';
import { createSyncClient } from '../sync/client.ts';
import { drainOutbox } from '../sync/drain.ts';
import { createSyncEngine } from '../sync/engine.ts';
import { signOut } from '../sync/sign-out.ts';
import { App } from '../ui/App.tsx';
import '../ui/styles.css';
import { newId } from './ids.ts';

const db = new DoorstepDb();
const now = () => Date.now();
const store = new AssessmentStore(db, now);
// Answers are committed in a worker, where IndexedDB does not wait for the page's next frame.
const answers =
  typeof Worker === 'function'
    ? channelAnswerWriter(
        () =>
          new Worker(new URL('../storage/answer-worker.ts', import.meta.url), {
            type: 'module',
            name: 'doorstep-answers',
          }),
        inThreadAnswerWriter(store),
      )
    : inThreadAnswerWriter(store);
const outbox = new OutboxStore(db);
const settings = new SettingsStore(db);
// The API is served from the same origin as the app.
const client = createSyncClient((input, init) => fetch(input, init));
const sync = createSyncEngine({
  outbox,
  now,
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  drain: (onSending) =>
    drainOutbox({
      outbox,
      assessments: store,
      client,
      token: async () => (await settings.enrolment())?.token ?? null,
      now,
      random: Math.random,
      onSending,
    }),
});
const pwa = createPwaState();

render(
  <App
    services={{
      store,
      answers,
      outbox,
      settings,
      client,
      sync,
      now,
      newId,
      pwa: pwa.controller,
      signOut: () => signOut({ settings, client, clearDevice: () => clearDeviceData(db) }),
    }}
  />,
  document.getElementById('app') as HTMLElement,
);
sync.start({ window, document });

// Ask the browser not to evict unsent assessments under storage pressure (Chromium grants this
// to installed or frequently used apps).
void navigator.storage?.persist?.().catch(() => false);

// workbox-window is not needed to show the first screen: load it afterwards.
void import('../sw/register.ts').then(({ registerServiceWorker }) => registerServiceWorker(pwa));
