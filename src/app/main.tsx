/**
 * The composition root: the only place that builds the real database, clock, id source and
 * service-worker bridge and hands them to the screens.
 */
import { render } from 'preact';
import { AssessmentStore } from '../storage/assessment-store.ts';
import { DoorstepDb } from '../storage/db.ts';
import { createPwaState } from '../sw/pwa-state.ts';
import { App } from '../ui/App.tsx';
import '../ui/styles.css';
import { newId } from './ids.ts';

const db = new DoorstepDb();
const now = () => Date.now();
const pwa = createPwaState();

render(
  <App services={{ store: new AssessmentStore(db, now), now, newId, pwa: pwa.controller }} />,
  document.getElementById('app') as HTMLElement,
);

// Ask the browser not to evict unsent assessments under storage pressure (Chromium grants this
// to installed or frequently used apps).
void navigator.storage?.persist?.().catch(() => false);

// workbox-window is not needed to show the first screen: load it afterwards.
void import('../sw/register.ts').then(({ registerServiceWorker }) => registerServiceWorker(pwa));
