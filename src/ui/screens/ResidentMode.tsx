/**
 * Resident mode's switch, between unlocking and the worker's screens: while its marker is kept in
 * the worker's database, only the resident's flow is shown, at any address. Loaded after the
 * first screen, and the resident's flow only when it is on.
 */
import { createContext, type ComponentChildren } from 'preact';
import { ErrorBoundary, lazy } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ResidentMode as Marker } from '../../storage/resident-mode.ts';
import { useServices } from '../services.ts';

const ResidentScreen = lazy(() => import('./ResidentScreen.tsx'));

/** How long unused before the session is abandoned, until the organisation sets it (as IdleLock). */
const DEFAULT_LOCK_MINUTES = 5;

/** Read by the worker's form that starts resident mode: resolves once its flow is shown. */
export const ResidentModeStarted = createContext<(() => Promise<void>) | null>(null);

export default function ResidentMode(props: {
  /** Locks the app; absent where screens are shown without a session (tests). */
  lock: (() => void) | undefined;
  /** The app's idle lock, given what to do when the resident's session is left unused. */
  idleLock: (abandon: () => void) => ComponentChildren;
  languageSwitch: ComponentChildren;
  /** Shown until the marker is read: what keeps the database from answering, if anything. */
  pending: ComponentChildren;
  /** The worker's screens. */
  children: ComponentChildren;
}) {
  const { lock } = props;
  const { store, organisation, now } = useServices();
  // Undefined until read: nothing of the worker's is shown before it is known.
  const [marker, setMarker] = useState<Marker | null | undefined>(undefined);
  const refresh = useCallback(
    () =>
      store
        .residentMode()
        .current()
        .then(setMarker, () => setMarker(null)),
    [store],
  );
  // On unlock: a session unused for longer than the organisation's lock time (the page was
  // reloaded mid-way) is ended as an abandoned one would have been.
  useEffect(() => {
    const mode = store.residentMode();
    void (async () => {
      const last = await mode.lastActive();
      if (last !== null) {
        const settings = await organisation()
          .then((s) => s.settings())
          .catch(() => null);
        const limit = (settings?.lockMinutes ?? DEFAULT_LOCK_MINUTES) * 60_000;
        if (now() - last >= limit) await mode.end({ abandoned: true });
      }
      setMarker(await mode.current());
      // Not known whether a resident has the device: lock rather than show the worker's screens.
    })().catch(() => (lock ? lock() : setMarker(null)));
  }, [store]);
  // Left unused: cleared before the app locks, as the data key is gone once it has.
  const abandon = useCallback(() => {
    void store
      .residentMode()
      .end({ abandoned: true })
      .catch(() => {})
      .finally(() => lock?.());
  }, [store, lock]);

  if (marker === undefined) return <>{props.pending}</>;
  if (marker === null) {
    return (
      <ResidentModeStarted.Provider value={refresh}>{props.children}</ResidentModeStarted.Provider>
    );
  }
  return (
    <>
      {props.idleLock(abandon)}
      <ErrorBoundary>
        <ResidentScreen marker={marker} onEnded={refresh} languageSwitch={props.languageSwitch} />
      </ErrorBoundary>
    </>
  );
}
