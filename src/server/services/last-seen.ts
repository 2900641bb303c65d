// When each device was last seen is for people ("used this morning"), so it is written behind
// the requests, at most once a minute per device, and the devices seen meanwhile in one
// statement. A request never waits for it: when a hundred devices come online at once, a write
// (and a commit) each before their pushes was what made them wait. Whoever reads last seen
// flushes first, so what is shown is never behind.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { devices } from '../db/schema.ts';

const RESOLUTION_MS = 60_000;

export class LastSeen {
  readonly #db: Database;
  readonly #onError: (error: unknown) => void;
  readonly #pending = new Map<string, Date>();
  #writing: Promise<void> | null = null;

  constructor(db: Database, onError: (error: unknown) => void) {
    this.#db = db;
    this.#onError = onError;
  }

  /** A request from the device, which was last seen at `before` as far as the database knows. */
  seen(deviceId: string, before: Date | null, now: Date): void {
    if (before && now.getTime() - before.getTime() < RESOLUTION_MS) return;
    this.#pending.set(deviceId, now);
    this.#writing ??= this.#write().finally(() => {
      this.#writing = null;
    });
  }

  /** Resolves once everything seen so far is in the database. */
  async flush(): Promise<void> {
    while (this.#writing) await this.#writing;
  }

  async #write(): Promise<void> {
    // Let the requests that arrived together note their devices first.
    await new Promise((resolve) => setImmediate(resolve));
    while (this.#pending.size > 0) {
      const seen = JSON.stringify([...this.#pending].map(([id, at]) => ({ id, at })));
      this.#pending.clear();
      try {
        await this.#db.execute(sql`
          UPDATE ${devices} SET last_seen_at = s.at
          FROM jsonb_to_recordset(${seen}::jsonb) AS s(id uuid, at timestamptz)
          WHERE ${devices.id} = s.id
            AND (${devices.lastSeenAt} IS NULL OR ${devices.lastSeenAt} < s.at)`);
      } catch (error) {
        this.#onError(error);
      }
    }
  }
}
