/**
 * The outbox: finished assessments waiting for the server, and the receipts it gave. An entry
 * leaves the outbox only in the transaction that stores its receipt.
 */
import * as z from 'zod/mini';
import {
  MESSAGE_LANGUAGES,
  REASON_CODES,
  receiptSchema,
  type Receipt,
} from '../shared/protocol.ts';
import type { DoorstepDb } from './db.ts';

export const outboxEntrySchema = z.strictObject({
  id: z.string(),
  revision: z.number(),
  /** "Sending" is not stored: after a crash mid-send the entry must simply be waiting. */
  state: z.enum(['waiting', 'rejected']),
  attempts: z.number(),
  /** Epoch ms before which the drain leaves this entry alone (backoff after failures). */
  nextAttemptAt: z.number(),
  queuedAt: z.number(),
  lastError: z.nullable(
    z.object({
      /** 'unreadable': the device could not read the assessment to send it. */
      code: z.union([z.enum(REASON_CODES), z.literal('network'), z.literal('unreadable')]),
      message: z.string(),
      /** The language of `message` (English on entries from before it was kept). */
      language: z.optional(z.enum(MESSAGE_LANGUAGES)),
      at: z.number(),
    }),
  ),
  /**
   * A resident submitted it on their own (resident mode): storing the receipt deletes the
   * assessment too, so nothing readable of it stays on the device once the server has it.
   */
  purgeOnReceipt: z.optional(z.literal(true)),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;
export type OutboxError = NonNullable<OutboxEntry['lastError']>;

export function outboxEntry(id: string, revision: number, queuedAt: number): OutboxEntry {
  return {
    id,
    revision,
    state: 'waiting',
    attempts: 0,
    nextAttemptAt: 0,
    queuedAt,
    lastError: null,
  };
}

function parseEntries(rows: unknown[]): OutboxEntry[] {
  // A damaged entry is kept in the table (its assessment is still listed as not sent) but not
  // sent: the assessment list shows the damage.
  return rows.flatMap((row) => {
    const parsed = outboxEntrySchema.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export class OutboxStore {
  constructor(private readonly db: DoorstepDb) {}

  async entries(): Promise<OutboxEntry[]> {
    const rows = parseEntries(await this.db.outbox.toArray());
    return rows.sort((a, b) => a.queuedAt - b.queuedAt);
  }

  /** Entries due for sending now, oldest first. */
  async due(now: number, limit: number): Promise<OutboxEntry[]> {
    const waiting = parseEntries(await this.db.outbox.where('state').equals('waiting').toArray());
    return waiting
      .filter((e) => e.nextAttemptAt <= now)
      .sort((a, b) => a.queuedAt - b.queuedAt)
      .slice(0, limit);
  }

  async receipts(): Promise<Receipt[]> {
    return (await this.db.receipts.toArray()).flatMap((row) => {
      const parsed = receiptSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Store the server's receipt and, in the same transaction, let the entry go, unless a newer
   * revision of the assessment was queued meanwhile. An entry marked `purgeOnReceipt` takes its
   * assessment with it.
   */
  async accept(receipt: Receipt): Promise<void> {
    const { outbox, receipts, assessments } = this.db;
    await this.db.transaction('rw', outbox, receipts, assessments, async () => {
      await receipts.put(receipt);
      const entry = outboxEntrySchema.safeParse(await outbox.get(receipt.id));
      if (entry.success && entry.data.revision <= receipt.revision) {
        await outbox.delete(receipt.id);
        if (entry.data.purgeOnReceipt) await assessments.delete(receipt.id);
      }
    });
  }

  async reject(id: string, error: OutboxError): Promise<void> {
    await this.update(id, (e) => ({ ...e, state: 'rejected', lastError: error }));
  }

  /** A failure that may pass (network, server busy): try again after `delayMs`. */
  async postpone(id: string, error: OutboxError, delayMs: number): Promise<void> {
    await this.update(id, (e) => ({
      ...e,
      attempts: e.attempts + 1,
      nextAttemptAt: error.at + delayMs,
      lastError: error,
    }));
  }

  /** The worker asked to send this one again now. */
  async retry(id: string): Promise<void> {
    await this.update(id, (e) => ({ ...e, state: 'waiting', nextAttemptAt: 0, attempts: 0 }));
  }

  /** Every waiting entry becomes due at once (the connection came back, or "send now"). */
  async makeAllDue(): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      for (const entry of parseEntries(await this.db.outbox.toArray())) {
        if (entry.state === 'waiting' && entry.nextAttemptAt > 0) {
          await this.db.outbox.put({ ...entry, nextAttemptAt: 0 });
        }
      }
    });
  }

  private async update(id: string, change: (e: OutboxEntry) => OutboxEntry): Promise<void> {
    await this.db.transaction('rw', this.db.outbox, async () => {
      const entry = outboxEntrySchema.safeParse(await this.db.outbox.get(id));
      if (entry.success) await this.db.outbox.put(outboxEntrySchema.parse(change(entry.data)));
    });
  }
}
