import { useEffect, useState } from 'preact/hooks';
import type { Receipt } from '../shared/protocol.ts';
import type { OutboxEntry } from '../storage/outbox-store.ts';
import type { Enrolment } from '../storage/settings-store.ts';
import type { SyncState } from '../sync/engine.ts';
import { useServices } from './services.ts';

export interface SyncView {
  readonly enrolment: Enrolment | null;
  readonly entries: ReadonlyMap<string, OutboxEntry>;
  readonly receipts: ReadonlyMap<string, Receipt>;
  readonly sending: ReadonlySet<string>;
  readonly state: SyncState;
}

/** The outbox, receipts and enrolment, read again whenever the sync engine reports a change. */
export function useSyncView(): SyncView | null {
  const { outbox, settings, sync } = useServices();
  const [state, setState] = useState(sync.state());
  const [view, setView] = useState<SyncView | null>(null);
  useEffect(() => {
    // A change between the first render and this subscription would otherwise be missed.
    setState(sync.state());
    return sync.subscribe(setState);
  }, [sync]);
  useEffect(() => {
    let current = true;
    void Promise.all([settings.enrolment(), outbox.entries(), outbox.receipts()]).then(
      ([enrolment, entries, receipts]) => {
        if (!current) return;
        setView({
          enrolment,
          entries: new Map(entries.map((e) => [e.id, e])),
          receipts: new Map(receipts.map((r) => [r.id, r])),
          sending: new Set(state.sending),
          state,
        });
      },
    );
    return () => {
      current = false;
    };
  }, [state.version]);
  return view;
}
