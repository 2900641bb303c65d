/**
 * Everything an unlocked worker's screens use, built over their own database, opened with their
 * data key. Loaded after the first screen: nothing here is needed before a worker unlocks.
 */
import type { OpenOptions, Opened, Session } from '../session/session.ts';
import { channelAnswerWriter, inThreadAnswerWriter } from '../storage/answer-writer.ts';
import { AssessmentStore } from '../storage/assessment-store.ts';
import { DoorstepDb } from '../storage/db.ts';
import type { Worker as DeviceWorker } from '../storage/device-store.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import type { OrganisationStore } from '../storage/organisation-store.ts';
import { OutboxStore } from '../storage/outbox-store.ts';
import { ResidentStore } from '../storage/resident-store.ts';
import { sealAll } from '../storage/sealing.ts';
import { SettingsStore } from '../storage/settings-store.ts';
import type { PwaController } from '../sw/pwa-state.ts';
import type { SyncClient } from '../sync/client.ts';
import { createSyncEngine, type SyncEngine } from '../sync/engine.ts';
import type { WorkerView } from '../ui/App.tsx';

export interface WorkerDeps {
  readonly client: SyncClient;
  readonly now: () => number;
  readonly newId: () => string;
  readonly pwa: PwaController;
  /** Signs the worker out through the session, which deletes their database. */
  readonly signOut: () => Promise<void>;
  readonly session: Pick<Session<unknown>, 'lock' | 'confirmPin'>;
  /** Where the page says it is online again or visible: sending starts then. */
  readonly page: { readonly window: Window; readonly document: Document };
}

const SETTINGS_REFRESH_MS = 30 * 60_000;

export async function openWorker(
  deps: WorkerDeps,
  worker: DeviceWorker,
  key: Uint8Array,
  options: OpenOptions,
): Promise<Opened<WorkerView>> {
  const { client, now } = deps;
  const db = new DoorstepDb(worker.dbName, { key });
  if (options.adopting) await sealAll(db);
  const settings = new SettingsStore(db);
  if (options.signedIn) {
    const previous = await settings.enrolment();
    await settings.saveEnrolment({ ...options.signedIn, enrolledAt: now() });
    // The token this worker used on this device before is not needed again.
    if (previous && previous.token !== options.signedIn.token) {
      await client.revokeSelf(previous.token).catch(() => undefined);
    }
  }

  const store = new AssessmentStore(db, now);
  // Answers are committed in a worker, where IndexedDB does not wait for the page's next frame.
  // It holds the key too, so it is ended when the worker's data is locked.
  let answerThread: Worker | null = null;
  const answers =
    typeof Worker === 'function'
      ? channelAnswerWriter(
          () =>
            (answerThread = new Worker(new URL('../storage/answer-worker.ts', import.meta.url), {
              type: 'module',
              name: 'doorstep-answers',
            })),
          inThreadAnswerWriter(store),
          { database: { name: worker.dbName, key } },
        )
      : inThreadAnswerWriter(store);
  const outbox = new OutboxStore(db);
  // Read only by screens loaded later, and by the refresh after a sync.
  let historyStore: Promise<HistoryStore> | undefined;
  const history = () =>
    (historyStore ??= import('../storage/history-store.ts').then((m) => new m.HistoryStore(db)));
  let organisationStore: Promise<OrganisationStore> | undefined;
  const organisation = () =>
    (organisationStore ??= import('../storage/organisation-store.ts').then(
      (m) => new m.OrganisationStore(db),
    ));

  let settingsFetchedAt = -Infinity;
  const sync: SyncEngine = createSyncEngine({
    outbox,
    now,
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    drain: async (onSending) => {
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
      // Enrolled and nothing failed: bring the organisation's settings up to date for offline
      // use, once after unlocking and then at most every half hour (they change rarely). A
      // failure leaves the last copy in place and must not hide how the sending went.
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
  const stopSync = sync.start(deps.page);

  return {
    value: {
      services: {
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
        newId: deps.newId,
        pwa: deps.pwa,
        signOut: deps.signOut,
        session: deps.session,
      },
      connection: db,
    },
    token: async () => (await settings.enrolment())?.token ?? null,
    async close() {
      stopSync();
      await answers.settled();
      answerThread?.terminate();
      await idle(sync);
      db.close();
    },
  };
}

/** Resolves when no sending is under way (a batch on the wire finishes first). */
function idle(sync: SyncEngine): Promise<void> {
  return new Promise((resolve) => {
    if (!sync.state().running) return resolve();
    const stop = sync.subscribe((state) => {
      if (state.running) return;
      stop();
      resolve();
    });
  });
}
