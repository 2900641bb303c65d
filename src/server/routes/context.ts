// What every API route needs, passed in by createApp: nothing is read from globals.
import type { Database } from '../db/database.ts';
import type { LastSeen } from '../services/last-seen.ts';

export interface ApiContext {
  readonly db: Database;
  readonly now: () => Date;
  readonly enrolmentCodeTtlMs: number;
  readonly lastSeen: LastSeen;
}
