/**
 * Runs the outbox drain from the page: at start, when the connection returns, when the app comes
 * back to the foreground, after an assessment is finished, on request, and on a timer for the
 * earliest postponed entry. Never relies on Background Sync. One drain at a time.
 */
import type { OutboxStore } from '../storage/outbox-store.ts';
import type { DrainOutcome } from './drain.ts';

export interface SyncState {
  readonly running: boolean;
  /** Ids in the batch on the wire right now. */
  readonly sending: readonly string[];
  readonly last: DrainOutcome | null;
  /** Bumped whenever the outbox may have changed, so screens know to read it again. */
  readonly version: number;
}

export type SyncTrigger = 'start' | 'online' | 'visible' | 'finished' | 'manual' | 'timer';

export interface SyncEngine {
  state(): SyncState;
  subscribe(listener: (state: SyncState) => void): () => void;
  trigger(reason: SyncTrigger): Promise<void>;
  /**
   * Listen to the page's online and visibility events; returns a function that stops them, and
   * every later pass and timer for good.
   */
  start(target: { window: Window; document: Document }): () => void;
}

export interface EngineDeps {
  readonly drain: (onSending: (ids: readonly string[]) => void) => Promise<DrainOutcome>;
  readonly outbox: OutboxStore;
  readonly now: () => number;
  readonly setTimer: (run: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

/** Never wait longer than this between looks at the outbox while something is waiting. */
const MAX_TIMER_MS = 5 * 60_000;

export function createSyncEngine(deps: EngineDeps): SyncEngine {
  let state: SyncState = { running: false, sending: [], last: null, version: 0 };
  const listeners = new Set<(s: SyncState) => void>();
  let again = false;
  let timer: unknown = null;
  let current: Promise<void> | null = null;
  // Once stopped (the worker's data was locked), nothing more is sent or scheduled.
  let stopped = false;

  const set = (change: Partial<SyncState>) => {
    state = { ...state, ...change, version: state.version + 1 };
    for (const listener of listeners) listener(state);
  };

  async function scheduleNext() {
    if (timer !== null) deps.clearTimer(timer);
    timer = null;
    if (stopped) return;
    const waiting = (await deps.outbox.entries()).filter((e) => e.state === 'waiting');
    if (waiting.length === 0) return;
    const earliest = Math.min(...waiting.map((e) => e.nextAttemptAt));
    const delay = Math.min(Math.max(earliest - deps.now(), 1_000), MAX_TIMER_MS);
    timer = deps.setTimer(() => void engine.trigger('timer'), delay);
  }

  async function run() {
    do {
      again = false;
      set({ running: true });
      try {
        const last = await deps.drain((sending) => set({ sending }));
        set({ last, sending: [] });
      } catch (error) {
        // A storage failure is reported by the screens that read storage; keep the engine alive.
        console.error('Sync failed', error);
        set({ sending: [] });
      }
    } while (again);
    set({ running: false });
    // Signed out, out of date or not enrolled: waiting will not help. The next start, online,
    // enrolment or "Send now" tries again.
    const stuck = ['signed-out', 'update-needed', 'not-enrolled'].includes(state.last?.kind ?? '');
    if (!stuck) await scheduleNext();
  }

  const engine: SyncEngine = {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async trigger(reason) {
      if (stopped) return;
      // The connection is back or the worker asked: whatever was postponed is due now.
      if (reason === 'online' || reason === 'manual') await deps.outbox.makeAllDue();
      if (reason === 'finished' || reason === 'manual') set({});
      if (current) {
        again = true;
        return current;
      }
      current = run().finally(() => {
        current = null;
        // A trigger that came while the last pass was finishing still gets its pass.
        if (again) void engine.trigger('timer');
      });
      return current;
    },
    start({ window, document }) {
      const online = () => void engine.trigger('online');
      const visible = () => {
        if (document.visibilityState === 'visible') void engine.trigger('visible');
      };
      window.addEventListener('online', online);
      document.addEventListener('visibilitychange', visible);
      void engine.trigger('start');
      return () => {
        stopped = true;
        window.removeEventListener('online', online);
        document.removeEventListener('visibilitychange', visible);
        if (timer !== null) deps.clearTimer(timer);
      };
    },
  };
  return engine;
}
