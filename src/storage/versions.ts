/**
 * Every version of the device database, oldest first. Append only: never edit or remove a
 * released version, add a new one with its upgrade. test/storage/versions.db.test.ts opens a
 * database written by each previous version. Rows are sealed (sealing.ts) with only their key
 * and indexed fields in the clear, as indexed when written: a version that adds an index to a
 * table with rows must put those rows again in its upgrade, or the index will not find them.
 */
import type { Transaction } from 'dexie';

export interface DbVersion {
  readonly version: number;
  /** Dexie store definitions: primary key first, then indexes. */
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}

export const DB_VERSIONS: readonly DbVersion[] = [
  {
    version: 1,
    stores: { assessments: 'id, status, updatedAt' },
  },
  {
    // Sync: the outbox of assessments to send, the server's receipts, and this device's enrolment.
    version: 2,
    stores: { outbox: 'id, state', receipts: 'id', settings: 'key' },
    // Assessments finished before the outbox existed must still reach the server.
    async upgrade(tx) {
      const finished: unknown[] = await tx
        .table('assessments')
        .where('status')
        .equals('finished')
        .toArray();
      const entries = finished.flatMap((row) => {
        if (typeof row !== 'object' || row === null) return [];
        const { id, revision, finishedAt } = row as Record<string, unknown>;
        if (typeof id !== 'string') return [];
        return [
          {
            id,
            revision: typeof revision === 'number' ? revision : 1,
            state: 'waiting',
            attempts: 0,
            nextAttemptAt: 0,
            queuedAt: typeof finishedAt === 'number' ? finishedAt : 0,
            lastError: null,
          },
        ];
      });
      await tx.table('outbox').bulkPut(entries);
    },
  },
  {
    // Residents over time: one record per pseudonymous reference, and, only with consent to
    // follow-up, a name and a contact detail in a table of their own.
    version: 3,
    stores: { residents: 'ref', contacts: 'ref' },
  },
  {
    // A resident's earlier visits fetched from the server, read-only and kept apart from the
    // assessments made here, so that they are never sent back or listed as this device's own.
    version: 4,
    stores: { history: 'id, residentRef' },
  },
];
