/**
 * The composition root: the only place that builds the real database, clock, id source, server
 * client, sync engine and service-worker bridge, and hands them to the screens.
 */
import { render } from 'preact';
import { createSession, type Opened, type Session } from '../session/session.ts';
import { DeviceStore } from '../storage/device-store.ts';
import { createPwaState } from '../sw/pwa-state.ts';
import { createSyncClient } from '../sync/client.ts';
import { App, type WorkerView } from '../ui/App.tsx';
import { LANGUAGE_TAG, initialLocale, loadTranslator } from '../ui/i18n/i18n.ts';
import { loadWords } from '../ui/i18n/words.ts';
import '../ui/styles.css';
import { newId } from './ids.ts';

const now = () => Date.now();
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
const pwa = createPwaState();
// Who may open what on this device; an unlocked worker's part loads once they unlock.
const session: Session<WorkerView> = createSession<WorkerView>({
  device: new DeviceStore(),
  client,
  now,
  open: async (worker, key, options) => {
    const { openWorker } = await import('./worker.ts');
    const opened: Opened<WorkerView> = await openWorker(
      {
        client,
        now,
        newId,
        pwa: pwa.controller,
        signOut: () => session.signOut(),
        session,
        page: { window, document },
      },
      worker,
      key,
      options,
    );
    return opened;
  },
});

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
    session={session}
    pwa={pwa.controller}
  />,
  document.getElementById('app') as HTMLElement,
);
void session.start();

// Persistent storage is asked for by the storage notices, loaded after the first screen.

// The question wording is not on the start screen: fetch it now, ready for the interview.
void loadWords(locale).catch(() => {});

// workbox-window is not needed to show the first screen: load it afterwards.
void import('../sw/register.ts').then(({ registerServiceWorker }) => registerServiceWorker(pwa));
