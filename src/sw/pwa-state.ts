/**
 * What the page knows about its service worker, as a tiny observable store. Kept apart from the
 * registration code so that screens can read it without loading workbox-window.
 */
export interface PwaStatus {
  /** The app shell is cached: the app now works with no connection. */
  readonly offlineReady: boolean;
  /** A new version is installed and waiting for the user to accept it. */
  readonly updateReady: boolean;
}

export interface PwaController {
  status(): PwaStatus;
  subscribe(listener: (status: PwaStatus) => void): () => void;
  /** Activate the waiting version and reload. Only call between assessments. */
  applyUpdate(): Promise<void>;
}

export function createPwaState() {
  let status: PwaStatus = { offlineReady: false, updateReady: false };
  const listeners = new Set<(s: PwaStatus) => void>();
  let apply: () => Promise<void> = async () => {};
  const controller: PwaController = {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    applyUpdate: () => apply(),
  };
  return {
    controller,
    update(change: Partial<PwaStatus>) {
      status = { ...status, ...change };
      for (const l of listeners) l(status);
    },
    setApply(fn: () => Promise<void>) {
      apply = fn;
    },
  };
}
