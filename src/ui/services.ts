/** What the screens need from the rest of the app, passed in at the composition root. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { PwaController } from '../sw/pwa-state.ts';
import type { AssessmentStore } from '../storage/assessment-store.ts';

export interface Services {
  readonly store: AssessmentStore;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly newId: () => string;
  readonly pwa: PwaController;
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices needs a ServicesContext provider');
  return services;
}
