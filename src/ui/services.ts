/** What the screens need from the rest of the app, passed in at the composition root. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Session } from '../session/session.ts';
import type { AnswerWriter } from '../storage/answer-writer.ts';
import type { AssessmentStore } from '../storage/assessment-store.ts';
import type { HistoryStore } from '../storage/history-store.ts';
import type { OrganisationStore } from '../storage/organisation-store.ts';
import type { OutboxStore } from '../storage/outbox-store.ts';
import type { ResidentStore } from '../storage/resident-store.ts';
import type { SettingsStore } from '../storage/settings-store.ts';
import type { PwaController } from '../sw/pwa-state.ts';
import type { SyncClient } from '../sync/client.ts';
import type { SyncEngine } from '../sync/engine.ts';

export interface Services {
  readonly store: AssessmentStore;
  /** Commits answers as they are given (see storage/answer-writer.ts). */
  readonly answers: AnswerWriter;
  readonly outbox: OutboxStore;
  readonly residents: ResidentStore;
  /** Residents' earlier visits fetched from the server, read-only; loaded when first needed. */
  readonly history: () => Promise<HistoryStore>;
  readonly settings: SettingsStore;
  /** The organisation's settings and baselines kept for offline use, loaded when first needed. */
  readonly organisation: () => Promise<OrganisationStore>;
  readonly client: SyncClient;
  readonly sync: SyncEngine;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly newId: () => string;
  readonly pwa: PwaController;
  /** Revoke this worker's token where possible and remove all their data from the device. */
  readonly signOut: () => Promise<void>;
  /**
   * The signed-in worker's session on a shared device: locking, and checking their PIN (to
   * leave resident mode). Absent where screens are shown without one (tests).
   */
  readonly session?: Pick<Session<unknown>, 'lock' | 'confirmPin'>;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesContext provider');
  return services;
}
