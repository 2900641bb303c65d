/**
 * A resident's earlier visits as the server holds them, fetched by reference when a worker asks
 * (a revisit). Read-only copies: kept in a table of their own, never queued to be sent, never
 * listed as assessments made on this device. Rows are parsed when read.
 */
import * as z from 'zod/mini';
import { assessmentSchema, type Assessment } from '../domain/index.ts';
import type { DoorstepDb } from './db.ts';

const historyRowSchema = z.strictObject({
  id: z.string(),
  residentRef: z.string(),
  /** When this device fetched it (milliseconds since the epoch). */
  fetchedAt: z.number(),
  assessment: assessmentSchema,
});

/** Earliest first: by date, then by when it was finished. */
const byVisit = (a: Assessment, b: Assessment) =>
  a.date === b.date ? (a.finishedAt ?? 0) - (b.finishedAt ?? 0) : a.date < b.date ? -1 : 1;

export class HistoryStore {
  constructor(private readonly db: DoorstepDb) {}

  /**
   * Keeps what the server sent for one resident in place of what was kept for them before.
   * Refuses the lot if any record is another resident's: only the one asked for is kept.
   */
  async keep(ref: string, assessments: readonly Assessment[], fetchedAt: number): Promise<void> {
    const rows = assessments.map((a) => {
      if (a.residentRef !== ref) throw new Error(`A record for another resident came with ${ref}`);
      return historyRowSchema.parse({ id: a.id, residentRef: ref, fetchedAt, assessment: a });
    });
    await this.db.transaction('rw', this.db.history, async () => {
      await this.db.history.where('residentRef').equals(ref).delete();
      await this.db.history.bulkPut(rows);
    });
  }

  /** The resident's fetched visits, earliest first; a damaged row is left out. */
  async forResident(ref: string): Promise<Assessment[]> {
    const rows = await this.db.history.where('residentRef').equals(ref).toArray();
    return rows
      .flatMap((row) => {
        const parsed = historyRowSchema.safeParse(row);
        return parsed.success ? [parsed.data.assessment] : [];
      })
      .sort(byVisit);
  }
}
