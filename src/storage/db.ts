/** The Doorstep database on the device (IndexedDB through Dexie). */
import Dexie, { type Table } from 'dexie';
import { sealWith } from './sealing.ts';
import { DB_VERSIONS } from './versions.ts';

export const DEFAULT_DB_NAME = 'doorstep';

/**
 * What stops this tab using the database: `blocked`, a newer version here waits for an older
 * one open in another tab to close; `updated`, a newer version opened in another tab, so this
 * one, which does not know its schema, has let go of the database for good.
 */
export type ConnectionProblem = 'blocked' | 'updated';

/** The connection's problem, if any, and who to tell when it changes (one listener: the notice). */
export interface ConnectionState {
  readonly problem: ConnectionProblem | null;
  onProblem: (() => void) | null;
}

export interface DoorstepDbOptions {
  /** The worker's data key (vault.ts): every row is sealed under it. Without one, none is. */
  readonly key?: Uint8Array;
}

/** Indexed values that name a resident: in the clear only as a keyed hash (sealing.ts). */
const BLIND_INDEXES = {
  residents: ['ref'],
  contacts: ['ref'],
  history: ['residentRef'],
} as const;

export class DoorstepDb extends Dexie implements ConnectionState {
  problem: ConnectionProblem | null = null;
  onProblem: (() => void) | null = null;

  // Rows are `unknown` until parsed: a damaged row must fail loudly, not type-check silently.
  readonly assessments!: Table<unknown, string>;
  readonly outbox!: Table<unknown, string>;
  readonly receipts!: Table<unknown, string>;
  readonly settings!: Table<unknown, string>;
  readonly residents!: Table<unknown, string>;
  readonly contacts!: Table<unknown, string>;
  readonly history!: Table<unknown, string>;

  constructor(name: string = DEFAULT_DB_NAME, options: DoorstepDbOptions = {}) {
    // Strict durability makes Chromium flush each commit to disk, so an answer that was
    // acknowledged survives a crash or a dead battery.
    super(name, { chromeTransactionDurability: 'strict' });
    if (options.key) sealWith(this, options.key, BLIND_INDEXES);
    for (const v of DB_VERSIONS) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Another tab opens a newer version. Dexie would close and then reopen on the next write,
    // with this tab's code writing rows to a schema it does not know: close for good instead.
    // Transactions already running still commit (IndexedDB lets them finish before it closes).
    this.on('versionchange', (event: IDBVersionChangeEvent) => {
      if (!event.newVersion) return undefined; // deleted: Dexie's own handling
      this.close({ disableAutoOpen: true });
      this.report('updated');
      return false; // Dexie's default handler would allow reopening
    });
    this.on('blocked', () => {
      this.report('blocked');
      // Open once the other tab has let go; until then every read waits, and the screen says why.
      this.open().then(
        () => this.problem === 'blocked' && this.report(null),
        () => {},
      );
    });
    // An unexpected close (the browser dropped the connection in the background, as iOS does)
    // is reopened by Dexie on the next operation: its `close` handler keeps auto-open on.
  }

  private report(problem: ConnectionProblem | null): void {
    this.problem = problem;
    this.onProblem?.();
  }
}

/** Removes everything this app keeps on the device, in one transaction: sign-out. */
export async function clearDeviceData(db: DoorstepDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => table.clear()));
  });
}
