/**
 * Every version of the device database, oldest first. Append only: never edit or remove a
 * released version, add a new one with its upgrade. A test opens a database written by each
 * previous version.
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
];
