/**
 * The composition root: the only place that builds the real database, clock, id source, server
 * client, sync engine and service-worker bridge, and hands them to the screens.
 */
import { render } from 'preact';
import { channelAnswerWriter, inThreadAnswerWriter } from '../storage/answer-writer.ts';
import { AssessmentStore } from '../storage/assessment-store.ts';
import { DoorstepDb, clearDeviceData } from '../storage/db.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import type { OrganisationStore } from '../storage/organisation-store.ts';
import { OutboxStore } from '../storage/outbox-store.ts';
import { ResidentStore } from '../storage/resident-store.ts';
import { SettingsStore } from '../storage/settings-store.ts';
import { createPwaState } from '../sw/pwa-state.ts';
import { createSyncClient } from '../sync/client.ts';
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
// Read only by screens loaded later, and by the refresh after a sync: not in the first download.
let historyStore: Promise<HistoryStore> | undefined;
const history = () =>
  (historyStore ??= import('../storage/history-store.ts').then((m) => new m.HistoryStore(db)));
let organisationStore: Promise<OrganisationStore> | undefined;
const organisation = () =>
  (organisationStore ??= import('../storage/organisation-store.ts').then(
    (m) => new m.OrganisationStore(db),
  ));
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
const SETTINGS_REFRESH_MS = 30 * 60_000;
let settingsFetchedAt = -Infinity;
const sync = createSyncEngine({
  outbox,
  now,
  setTimer: (run, ms) => setTimeout(run, ms),
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  drain: async (onSending) => {
    // Loaded after the first screen is drawn (the service worker keeps it for offline use).
    const { drainOutbox } = await import('../sync/drain.ts');
    const outcome = await drainOutbox({
      outbox,
      assessments: store,
      client,
      token: async () => (await settings.enrolment())?.token ?? null,
      now,
      random: Math.random,
      onSending,
    });
    // Enrolled and nothing failed: bring the organisation's settings up to date for offline use,
    // once after the app starts and then at most every half hour (they change rarely, and a
    // sync after every finished assessment should not cost three requests). A failure leaves
    // the last copy in place and must not hide how the sending went.
    if (outcome.kind === 'done' && !(now() - settingsFetchedAt < SETTINGS_REFRESH_MS)) {
      await import('../sync/organisation.ts')
        .then(async ({ refreshOrganisation }) => {
          const refreshed = await refreshOrganisation({
            client,
            settings,
            organisation: await organisation(),
          });
          if (refreshed.kind === 'refreshed') settingsFetchedAt = now();
        })
        .catch(() => null);
    }
    return outcome;
  },
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
    connection={db}
    services={{
      store,
      answers,
      outbox,
      residents: new ResidentStore(db),
      history,
      settings,
      organisation,
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

// Persistent storage is asked for by the storage notices, loaded after the first screen.

// The question wording is not on the start screen: fetch it now, ready for the interview.
void loadWords(locale).catch(() => {});

// workbox-window is not needed to show the first screen: load it afterwards.
void import('../sw/register.ts').then(({ registerServiceWorker }) => registerServiceWorker(pwa));
