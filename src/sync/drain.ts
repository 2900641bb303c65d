/**
 * One pass over the outbox: send what is due in batches, store each receipt, keep each rejection
 * with its reason, and postpone everything else with backoff. The network is at-least-once; the
 * server's idempotent ingest makes a repeated send harmless.
 */
import { MAX_BATCH, type PushRecord } from '../shared/protocol.ts';
import type { AssessmentStore } from '../storage/assessment-store.ts';
import type { OutboxEntry, OutboxStore } from '../storage/outbox-store.ts';
import { backoffDelay } from './backoff.ts';
import { ApiError, type SyncClient } from './client.ts';

export interface DrainDeps {
  readonly outbox: OutboxStore;
  readonly assessments: AssessmentStore;
  readonly client: SyncClient;
  readonly token: () => Promise<string | null>;
  readonly now: () => number;
  readonly random: () => number;
  /** Ids being sent right now (empty when the batch is done), for the status screens. */
  readonly onSending?: (ids: readonly string[]) => void;
  readonly batchSize?: number;
}

export type DrainOutcome =
  | { readonly kind: 'done'; readonly accepted: number; readonly rejected: number }
  | { readonly kind: 'not-enrolled' }
  /** The server no longer accepts this device's token: the worker must enrol again. */
  | { readonly kind: 'signed-out'; readonly error: ApiError }
  /** The server speaks a newer protocol: the app must update before it can send. */
  | { readonly kind: 'update-needed'; readonly error: ApiError }
  /** Could not send now; entries were postponed. */
  | { readonly kind: 'postponed'; readonly error: ApiError; readonly accepted: number };

export async function drainOutbox(deps: DrainDeps): Promise<DrainOutcome> {
  const token = await deps.token();
  if (!token) return { kind: 'not-enrolled' };
  let accepted = 0;
  let rejected = 0;
  for (;;) {
    const due = await deps.outbox.due(deps.now(), deps.batchSize ?? MAX_BATCH);
    if (due.length === 0) return { kind: 'done', accepted, rejected };
    const records = await recordsFor(due, deps);
    if (records.length === 0) continue;
    deps.onSending?.(records.map((r) => r.id));
    try {
      const { results, language } = await deps.client.push(token, records);
      const answered = new Set<string>();
      for (const result of results) {
        answered.add(result.id);
        if (result.status === 'accepted') {
          await deps.outbox.accept(result.receipt);
          accepted += 1;
        } else {
          const at = deps.now();
          const { code, message } = result;
          await deps.outbox.reject(result.id, { code, message, language, at });
          rejected += 1;
        }
      }
      // A record the server said nothing about is simply sent again later.
      const unanswered = due.filter((e) => !answered.has(e.id));
      if (unanswered.length > 0) {
        const error = new ApiError(
          'bad_response',
          'The server did not answer for every record.',
          200,
        );
        await postpone(unanswered, error, deps);
        return { kind: 'postponed', error, accepted };
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.code === 'unauthenticated' || error.code === 'token_revoked') {
        return { kind: 'signed-out', error };
      }
      if (error.code === 'unsupported_protocol') return { kind: 'update-needed', error };
      if (error.transient) {
        await postpone(due, error, deps);
        return { kind: 'postponed', error, accepted };
      }
      // The server refused the whole batch for a reason that will not pass by waiting: keep each
      // record, marked with that reason, for the worker to retry or export.
      for (const entry of due) {
        await deps.outbox.reject(entry.id, {
          code: 'invalid_record',
          message: error.message,
          language: error.language,
          at: deps.now(),
        });
      }
      rejected += due.length;
    } finally {
      deps.onSending?.([]);
    }
  }
}

async function recordsFor(due: readonly OutboxEntry[], deps: DrainDeps): Promise<PushRecord[]> {
  const records: PushRecord[] = [];
  for (const entry of due) {
    const stored = await deps.assessments.get(entry.id);
    if (stored?.ok) {
      const { assessment } = stored;
      records.push({ id: assessment.id, revision: assessment.revision, assessment });
    } else {
      await deps.outbox.reject(entry.id, {
        code: 'unreadable',
        message: 'This assessment could not be read on this device, so it was not sent.',
        at: deps.now(),
      });
    }
  }
  return records;
}

async function postpone(entries: readonly OutboxEntry[], error: ApiError, deps: DrainDeps) {
  const at = deps.now();
  for (const entry of entries) {
    const delay = backoffDelay(entry.attempts + 1, deps.random);
    const stored = {
      code: toStoredCode(error),
      message: error.message,
      language: error.language,
      at,
    };
    await deps.outbox.postpone(entry.id, stored, delay);
  }
}

/** An unreadable answer is kept as a network-type failure: it is retried, like one. */
function toStoredCode(error: ApiError) {
  return error.code === 'bad_response' ? ('network' as const) : error.code;
}
