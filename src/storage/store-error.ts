/** What goes wrong with storage on the device, in terms the app has words for. */

export class StoreError extends Error {
  constructor(
    readonly code: 'not-found' | 'finished' | 'invalid' | 'damaged' | 'quota' | 'updated',
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** The failure, or one it wraps (Dexie's `inner`), has this name. */
const causedBy = (error: unknown, name: string): boolean =>
  typeof error === 'object' &&
  error !== null &&
  ((error as Error).name === name || causedBy((error as { inner?: unknown }).inner, name));

/**
 * A failure of the storage itself, as a StoreError the app has words for. `quota`: the device,
 * or the browser's share of it, is full; the transaction was aborted, so nothing saved before
 * is touched. `updated`: the connection was closed by this app itself and not to be reopened,
 * which it does only when a newer version opens the database in another tab (db.ts); a failure
 * to open would wrap another error.
 */
export function asStoreError(error: unknown): unknown {
  if (error instanceof StoreError) return error;
  if (causedBy(error, 'QuotaExceededError')) return new StoreError('quota', String(error));
  let e = error;
  do {
    if ((e as Error | null)?.name !== 'DatabaseClosedError') return error;
    e = (e as { inner?: unknown }).inner;
  } while (e);
  return new StoreError('updated', String(error));
}
