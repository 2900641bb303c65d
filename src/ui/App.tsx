import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from 'preact-iso';
import type { ComponentChildren, ComponentType } from 'preact';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PwaController, PwaStatus } from '../sw/pwa-state.ts';
import { PageTitle } from './components/PageTitle.tsx';
import type { Session } from '../session/session.ts';
import type { ConnectionState } from '../storage/db.ts';
import { Gate } from './Gate.tsx';
import {
  I18nContext,
  LANGUAGE_TAG,
  loadTranslator,
  useI18n,
  type I18n,
  type Translate,
  type UiLocale,
} from './i18n/i18n.ts';
import { loadWords } from './i18n/words.ts';
import { ServicesContext, useServices, type Services } from './services.ts';
import { useSyncView } from './use-sync-view.ts';

// Only what is shown before a worker unlocks is in the first download; the rest loads when first
// needed (the home screen while the PIN is checked) and is cached by the service worker for
// offline use.
const HomeScreen = lazy(() => import('./screens/HomeScreen.tsx').then((m) => m.HomeScreen));
const NewAssessmentScreen = lazy(() => import('./screens/NewAssessmentScreen.tsx'));
const InterviewScreen = lazy(() => import('./screens/InterviewScreen.tsx'));
const ResultsScreen = lazy(() => import('./screens/ResultsScreen.tsx'));
const SyncScreen = lazy(() => import('./screens/SyncScreen.tsx'));
const ReceivedScreen = lazy(() => import('./screens/ReceivedScreen.tsx'));
const DevicesScreen = lazy(() => import('./screens/DevicesScreen.tsx'));
// The dashboard, baselines and organisation settings, in one chunk.
const CoordinatorScreens = lazy(() => import('./screens/CoordinatorScreens.tsx'));
const PlanScreen = lazy(() => import('./screens/PlanScreen.tsx'));
const ProgressScreen = lazy(() => import('./screens/ProgressScreen.tsx'));
const AccessibilityScreen = lazy(() => import('./screens/AccessibilityScreen.tsx'));
// Resident mode: the worker's form that starts it, and the switch to all a resident sees.
const ResidentStartScreen = lazy(() => import('./screens/ResidentStartScreen.tsx'));
const ResidentMode = lazy(() => import('./screens/ResidentMode.tsx'));

/** The language the app starts in, its messages, and where a new choice is remembered. */
export interface StartLanguage {
  readonly locale: UiLocale;
  readonly t: Translate;
  readonly remember?: (locale: UiLocale) => void;
}

/** What the app builds over an unlocked worker's database. */
export interface WorkerView {
  readonly services: Services;
  /** The worker's database connection, watched for problems the person must act on. */
  readonly connection: ConnectionState;
}

/**
 * The app. On a device, `session` decides what is shown: the gate until a worker unlocks, then
 * their records. Tests of the screens pass `services` instead (an unlocked worker).
 */
export function App({
  services,
  session,
  pwa,
  language,
  connection = null,
}: {
  services?: Services;
  session?: Session<WorkerView>;
  /** The service worker's state, shown on the gate too (the screens have it in `services`). */
  pwa?: PwaController;
  language: StartLanguage;
  connection?: ConnectionState | null;
}) {
  const [current, setCurrent] = useState({ locale: language.locale, t: language.t });
  const setLocale = useCallback(async (locale: UiLocale) => {
    // Everything the screen shows in the new language is loaded before it switches, so the
    // switch happens in one step and nothing on the screen moves or is lost.
    const [t] = await Promise.all([loadTranslator(locale), loadWords(locale).catch(() => null)]);
    language.remember?.(locale);
    // With the words, not a frame later: a screen reader must never read Welsh as English.
    document.documentElement.lang = LANGUAGE_TAG[locale];
    setCurrent({ locale, t });
  }, []);
  const i18n: I18n = useMemo(() => ({ ...current, setLocale }), [current, setLocale]);
  useEffect(() => {
    document.documentElement.lang = LANGUAGE_TAG[current.locale];
  }, [current.locale]);
  return (
    <I18nContext.Provider value={i18n}>
      <LocationProvider>
        {session ? (
          <Gated session={session} pwa={pwa} />
        ) : (
          services && (
            <ServicesContext.Provider value={services}>
              <Shell connection={connection} />
            </ServicesContext.Provider>
          )
        )}
      </LocationProvider>
    </I18nContext.Provider>
  );
}

/** The gate until a worker unlocks; then their screens, until they lock or sign out. */
function Gated({
  session,
  pwa,
}: {
  session: Session<WorkerView>;
  pwa?: PwaController | undefined;
}) {
  const { t } = useI18n();
  const [state, setState] = useState(session.state());
  useEffect(() => {
    setState(session.state());
    return session.subscribe(() => setState(session.state()));
  }, [session]);
  const lock = useCallback(() => void session.lock(), [session]);
  // Unlocking goes back to where the worker was; another worker starts from the home screen,
  // not at the address of someone else's record.
  const { route } = useLocation();
  const lastWorker = useRef<string | null>(null);
  const unlockedAs = state.kind === 'unlocked' ? state.worker.personId : null;
  useLayoutEffect(() => {
    if (!unlockedAs) return;
    if (lastWorker.current !== null && lastWorker.current !== unlockedAs) route('/', true);
    lastWorker.current = unlockedAs;
  }, [unlockedAs, route]);
  if (state.kind === 'unlocked') {
    const { services, connection } = state.opened;
    return (
      // Keyed by worker: nothing of one worker's screens survives into another's.
      <ServicesContext.Provider value={services} key={state.worker.personId}>
        <Shell connection={connection} worker={{ name: state.worker.name, lock }} />
      </ServicesContext.Provider>
    );
  }
  return (
    <>
      <Header />
      <div class="container">
        {pwa && <StatusBanners pwa={pwa} />}
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            {state.kind === 'starting' ? (
              <p>{t('app.loading')}</p>
            ) : (
              <Router>
                <Route path="/accessibility" component={AccessibilityScreen} />
                <Gate default session={session as Session<unknown>} state={state} />
              </Router>
            )}
          </ErrorBoundary>
        </main>
      </div>
      <Footer />
    </>
  );
}

interface SignedIn {
  readonly name: string;
  readonly lock: () => void;
}

function Header({ children }: { children?: ComponentChildren }) {
  const { t } = useI18n();
  return (
    <>
      <a class="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header class="header">
        <div class="container header-inner">
          <a class="header-name" href="/">
            {t('app.name')}
          </a>
          <span class="header-tagline">{t('app.tagline')}</span>
          <LanguageSwitch />
        </div>
        {children}
      </header>
    </>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer class="footer">
      <div class="container footer-inner">
        {/* Help and the statement in the same place on every screen (WCAG 3.2.6). */}
        <a href="/accessibility">{t('app.accessibility')}</a>
        <p>{t('app.version', { version: __DOORSTEP_BUILD__ })}</p>
      </div>
    </footer>
  );
}

type ShellProps = { connection: ConnectionState | null; worker?: SignedIn | undefined };

/** While a resident has the device (resident mode), only their flow; else the worker's screens. */
function Shell(props: ShellProps) {
  const { worker } = props;
  return (
    <ErrorBoundary>
      <ResidentMode
        lock={worker?.lock}
        idleLock={(abandon: () => void) => worker && <IdleLock lock={abandon} />}
        languageSwitch={<LanguageSwitch />}
        pending={<Pending connection={props.connection} />}
      >
        <WorkerShell {...props} />
      </ResidentMode>
    </ErrorBoundary>
  );
}

/**
 * Until it is known whether a resident has the device: no worker's screen, and what keeps the
 * database from answering, if anything (another tab blocking it, say).
 */
function Pending({ connection }: { connection: ConnectionState | null }) {
  const { t } = useI18n();
  return (
    <>
      <Header />
      <div class="container">
        <StorageNotices connection={connection} />
        <main id="main" tabIndex={-1}>
          <p>{t('app.loading')}</p>
        </main>
      </div>
    </>
  );
}

function WorkerShell({ connection, worker }: ShellProps) {
  const { t } = useI18n();
  const { pwa } = useServices();
  return (
    <>
      <Header>
        <nav class="container nav" aria-label={t('nav.label')}>
          <a href="/">{t('nav.assessments')}</a>
          <a href="/sync">{t('nav.sync')}</a>
          <CoordinatorLinks />
          <SyncIndicator />
          {worker && <WorkerControls worker={worker} />}
        </nav>
      </Header>
      {worker && <IdleLock lock={worker.lock} />}
      <div class="container">
        <StatusBanners pwa={pwa} />
        <StorageNotices connection={connection} />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router>
              <Route path="/" component={HomeScreen} />
              <Route path="/new" component={NewAssessmentScreen} />
              <Route path="/resident" component={ResidentStartScreen} />
              <Route path="/sync" component={SyncScreen} />
              <Route path="/received" component={ReceivedScreen} />
              <Route path="/devices" component={DevicesScreen} />
              <Route path="/dashboard" component={CoordinatorScreens} />
              <Route path="/baselines" component={CoordinatorScreens} />
              <Route path="/organisation" component={CoordinatorScreens} />
              <Route path="/accessibility" component={AccessibilityScreen} />
              <Route path="/assessments/:id/results" component={ResultsScreen} />
              <Route path="/assessments/:id/plan" component={PlanScreen} />
              <Route path="/assessments/:id/progress" component={ProgressScreen} />
              <Route path="/assessments/:id/:step" component={InterviewScreen} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
      </div>
      <Footer />
    </>
  );
}

/** Who is signed in, and locking on demand (a worker stepping away from a shared device). */
function WorkerControls({ worker }: { worker: SignedIn }) {
  const { t } = useI18n();
  return (
    <span class="worker">
      <span>{t('gate.signedInAs', { name: worker.name })}</span>{' '}
      <button type="button" class="button-link" onClick={worker.lock}>
        {t('gate.lock')}
      </button>
    </span>
  );
}

/** Locking when not used: the organisation sets how long; five minutes until it has. */
const DEFAULT_LOCK_MINUTES = 5;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

function IdleLock({ lock }: { lock: () => void }) {
  const { organisation, sync } = useServices();
  useEffect(() => {
    let limit = DEFAULT_LOCK_MINUTES * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(check, Math.max(0, last + limit - Date.now()));
    };
    // Timers are slowed in a hidden page, so time is measured, never counted by ticks.
    const check = () => (Date.now() - last >= limit ? lock() : arm());
    const active = () => {
      last = Date.now();
    };
    const visible = () => document.visibilityState === 'visible' && check();
    for (const type of ACTIVITY) document.addEventListener(type, active, { passive: true });
    document.addEventListener('visibilitychange', visible);
    arm();
    // The organisation's time, as kept on the device; read again after sending, which is when
    // a newer copy of the settings arrives.
    const readLimit = () =>
      void organisation()
        .then((store) => store.settings())
        .then((settings) => {
          const next = (settings?.lockMinutes ?? DEFAULT_LOCK_MINUTES) * 60_000;
          if (next !== limit) {
            limit = next;
            arm();
          }
        })
        .catch(() => {});
    readLimit();
    let running = sync.state().running;
    const stopWatching = sync.subscribe((state) => {
      if (running && !state.running) readLimit();
      running = state.running;
    });
    return () => {
      stopWatching();
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, active);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [organisation, sync, lock]);
  return null;
}

/** On every screen: the other language, named in that language. Nothing else changes. */
function LanguageSwitch() {
  const { locale, t, setLocale } = useI18n();
  const other: UiLocale = locale === 'en' ? 'cy' : 'en';
  return (
    <button
      type="button"
      class="language-switch"
      lang={LANGUAGE_TAG[other]}
      onClick={() => void setLocale(other)}
    >
      {t('app.language.other')}
    </button>
  );
}

/**
 * Coordinators and administrators see what their organisation received, its devices, its
 * figures, its baselines and its settings.
 */
function CoordinatorLinks() {
  const { t } = useI18n();
  const view = useSyncView();
  const role = view?.enrolment?.person.role;
  if (role !== 'coordinator' && role !== 'administrator') return null;
  return (
    <>
      <a href="/received">{t('nav.received')}</a>
      <a href="/devices">{t('nav.devices')}</a>
      <a href="/dashboard">{t('nav.dashboard')}</a>
      <a href="/baselines">{t('nav.baselines')}</a>
      <a href="/organisation">{t('nav.organisation')}</a>
    </>
  );
}

/** How many records are not yet on the server, on every screen. */
function SyncIndicator() {
  const { t } = useI18n();
  const view = useSyncView();
  if (!view) return null;
  const unsent = view.entries.size;
  const text = !view.enrolment
    ? t('sync.indicator.notEnrolled')
    : unsent > 0
      ? t('sync.indicator.unsent', { count: unsent })
      : t('sync.indicator.allSent');
  return (
    <span class="sync-indicator" data-unsent={unsent} role="status">
      {text}
    </span>
  );
}

/** Risks to the records on this device; their code and words load after the first screen. */
function StorageNotices({ connection }: { connection: ConnectionState | null }) {
  const [Notices, setNotices] = useState<ComponentType<{ connection: ConnectionState }> | null>(
    null,
  );
  useEffect(() => {
    if (!connection) return;
    import('./components/StorageNotices.tsx').then(
      (m) => setNotices(() => m.StorageNotices),
      () => {}, // not loaded (offline before it was cached): the sync screen still says it
    );
  }, [connection]);
  return Notices && connection && <Notices connection={connection} />;
}

function NotFound() {
  const { t } = useI18n();
  return (
    <>
      <PageTitle focusKey="not-found">{t('app.notFound.title')}</PageTitle>
      <p>{t('app.notFound.body')}</p>
      <a href="/">{t('app.home')}</a>
    </>
  );
}

/** Offline readiness, connection state and the update offer, shown on every screen. */
function StatusBanners({ pwa }: { pwa: PwaController }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const [status, setStatus] = useState<PwaStatus>(pwa.status());
  const [online, setOnline] = useState(navigator.onLine);
  const [updating, setUpdating] = useState(false);
  useEffect(() => pwa.subscribe(setStatus), [pwa]);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  // An update reloads the page, so it is never offered in the middle of an interview.
  const inInterview = /^\/assessments\/[^/]+\/\d+$/.test(path);
  return (
    <div class="banners" role="status">
      {!online && <p class="banner">{t('network.offline')}</p>}
      {status.offlineReady && !status.updateReady && (
        <p class="banner banner-success">{t('pwa.offlineReady')}</p>
      )}
      {status.updateReady && inInterview && <p class="banner">{t('pwa.updateAfterAssessment')}</p>}
      {status.updateReady && !inInterview && (
        <div class="banner banner-update">
          <p>{t('pwa.updateReady')}</p>
          <button
            type="button"
            class="button"
            disabled={updating}
            onClick={() => {
              setUpdating(true);
              void pwa.applyUpdate();
            }}
          >
            {updating ? t('pwa.updating') : t('pwa.updateNow')}
          </button>
        </div>
      )}
    </div>
  );
}
