// What every API route needs, passed in by createApp: nothing is read from globals.
import type { Database } from '../db/database.ts';
import type { LastSeen } from '../services/last-seen.ts';
import type { NewRecords } from '../services/new-records.ts';

export interface ApiContext {
  readonly db: Database;
  readonly now: () => Date;
  readonly enrolmentCodeTtlMs: number;
  readonly lastSeen: LastSeen;
  readonly newRecords: NewRecords;
}
