/** The Doorstep database on the device (IndexedDB through Dexie). */
import Dexie, { type Table } from 'dexie';
import { DB_VERSIONS } from './versions.ts';

export const DEFAULT_DB_NAME = 'doorstep';

export class DoorstepDb extends Dexie {
  // Rows are `unknown` until parsed: a damaged row must fail loudly, not type-check silently.
  readonly assessments!: Table<unknown, string>;
  readonly outbox!: Table<unknown, string>;
  readonly receipts!: Table<unknown, string>;
  readonly settings!: Table<unknown, string>;
  readonly residents!: Table<unknown, string>;
  readonly contacts!: Table<unknown, string>;
  readonly history!: Table<unknown, string>;

  constructor(name: string = DEFAULT_DB_NAME) {
    // Strict durability makes Chromium flush each commit to disk, so an answer that was
    // acknowledged survives a crash or a dead battery.
    super(name, { chromeTransactionDurability: 'strict' });
    for (const v of DB_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
  }
}

/** Removes everything this app keeps on the device, in one transaction: sign-out. */
export async function clearDeviceData(db: DoorstepDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
