/**
 * The composition root: the only place that builds the real database, clock, id source, server
 * client, sync engine and service-worker bridge, and hands them to the screens.
 */
import { render } from 'preact';
import { channelAnswerWriter, inThreadAnswerWriter } from '../storage/answer-writer.ts';
import { AssessmentStore } from '../storage/assessment-store.ts';
import { DoorstepDb, clearDeviceData } from '../storage/db.ts';
import { OutboxStore } from '../storage/outbox-store.ts';
import { ResidentStore } from '../storage/resident-store.ts';
import { SettingsStore } from '../storage/settings-store.ts';
import { createPwaState } from '../sw/pwa-state.ts';
import { createSyncClient } from '../sync/client.ts';
import { drainOutbox } from '../sync/drain.ts';
import { createSyncEngine } from '../sync/engine.ts';
import { signOut } from '../sync/sign-out.ts';
import { App } from '../ui/App.tsx';
import { LANGUAGE_TAG, initialLocale, loadTranslator } from '../ui/i18n/i18n.ts';
import { loadWords } from '../ui/i18n/words.ts';
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
// The language chosen on this device before, else the device's own. Only its messages load.
const LANGUAGE_KEY = 'doorstep.language';
const storedLanguage = (() => {
  try {
    return localStorage.getItem(LANGUAGE_KEY);
  } catch {
    return null; // storage blocked: start from the device's language
  }
})();
let locale = initialLocale(storedLanguage, navigator.languages ?? [navigator.language]);

// The API is served from the same origin as the app; it answers in the language shown.
const client = createSyncClient(
  (input, init) => fetch(input, init),
  '',
  () => locale,
);
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

document.documentElement.lang = LANGUAGE_TAG[locale];
const t = await loadTranslator(locale);

render(
  <App
    language={{
      locale,
      t,
      remember: (chosen) => {
        locale = chosen;
        try {
          localStorage.setItem(LANGUAGE_KEY, chosen);
        } catch {
          // Not remembered on this device: the choice still holds until the app is closed.
        }
      },
    }}
    services={{
      store,
      answers,
      outbox,
      residents: new ResidentStore(db),
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

// The question wording is not on the start screen: fetch it now, ready for the interview.
void loadWords(locale).catch(() => {});

// workbox-window is not needed to show the first screen: load it afterwards.
void import('../sw/register.ts').then(({ registerServiceWorker }) => registerServiceWorker(pwa));
