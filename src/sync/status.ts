/** Where one assessment stands on its way to the server, as the worker sees it. */
import type { Assessment } from '../domain/index.ts';
import type { Receipt } from '../shared/protocol.ts';
import type { OutboxEntry, OutboxError } from '../storage/outbox-store.ts';

export type RecordStatus =
  | { readonly kind: 'saved' }
  | {
      readonly kind: 'waiting';
      readonly lastError: OutboxError | null;
      readonly nextAttemptAt: number;
    }
  | { readonly kind: 'sending' }
  | { readonly kind: 'received'; readonly receivedAt: string }
  | { readonly kind: 'rejected'; readonly error: OutboxError };

export function recordStatus(
  assessment: Assessment,
  entry: OutboxEntry | undefined,
  receipt: Receipt | undefined,
  sending: ReadonlySet<string>,
): RecordStatus {
  if (entry?.state === 'rejected' && entry.lastError)
    return { kind: 'rejected', error: entry.lastError };
  if (entry && sending.has(assessment.id)) return { kind: 'sending' };
  if (entry)
    return { kind: 'waiting', lastError: entry.lastError, nextAttemptAt: entry.nextAttemptAt };
  if (receipt && receipt.revision >= assessment.revision) {
    return { kind: 'received', receivedAt: receipt.receivedAt };
  }
  // In progress, or finished on a device that has no outbox entry for it.
  return { kind: 'saved' };
}
