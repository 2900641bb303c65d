/**
 * What a shared device keeps outside any worker's encrypted database: its own enrolment (the
 * token that lets workers sign in on it) and, for each worker signed in here, their name, the
 * name of their database and their data key wrapped by their PIN and by the server's secret.
 * Nothing in it is an answer or a resident's detail, so it is readable while the app is locked.
 */
import Dexie, { type Table } from 'dexie';
import * as z from 'zod/mini';
import { ROLES } from '../shared/protocol.ts';
import { vaultRecordSchema } from './vault.ts';

export const DEVICE_DB_NAME = 'doorstep-device';

const enrolmentSchema = z.object({
  /** The physical device's own token: only for workers' sign-ins on it. */
  deviceToken: z.string(),
  device: z.object({ id: z.string(), name: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  enrolledAt: z.number(),
});
export type DeviceEnrolment = z.infer<typeof enrolmentSchema>;

export const workerSchema = z.object({
  personId: z.string(),
  name: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  /** Their own IndexedDB database, encrypted with their data key. */
  dbName: z.string(),
  vault: vaultRecordSchema,
  /** Wrong PINs in a row: kept here so that reloading the page does not reset the count. */
  failedPins: z.number(),
  signedInAt: z.number(),
});
export type Worker = z.infer<typeof workerSchema>;

/** Wrong PINs in a row after which only signing in online opens the worker's data again. */
export const MAX_FAILED_PINS = 5;

class DeviceDb extends Dexie {
  readonly device!: Table<unknown, string>;
  readonly workers!: Table<unknown, string>;

  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' });
    // Append-only, like storage/versions.ts.
    this.version(1).stores({ device: 'key', workers: 'personId' });
  }
}

const ENROLMENT_KEY = 'enrolment';

export class DeviceStore {
  private readonly db: DeviceDb;

  constructor(name: string = DEVICE_DB_NAME) {
    this.db = new DeviceDb(name);
  }

  async enrolment(): Promise<DeviceEnrolment | null> {
    const parsed = enrolmentSchema.safeParse(await this.db.device.get(ENROLMENT_KEY));
    return parsed.success ? parsed.data : null;
  }

  async saveEnrolment(enrolment: DeviceEnrolment): Promise<void> {
    await this.db.device.put({ key: ENROLMENT_KEY, ...enrolmentSchema.parse(enrolment) });
  }

  /** Workers signed in on this device, the most recent first. A damaged entry is left out. */
  async workers(): Promise<Worker[]> {
    const rows = await this.db.workers.toArray();
    return rows
      .flatMap((row) => {
        const parsed = workerSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => b.signedInAt - a.signedInAt);
  }

  async worker(personId: string): Promise<Worker | null> {
    const parsed = workerSchema.safeParse(await this.db.workers.get(personId));
    return parsed.success ? parsed.data : null;
  }

  async putWorker(worker: Worker): Promise<void> {
    await this.db.workers.put(workerSchema.parse(worker));
  }

  async deleteWorker(personId: string): Promise<void> {
    await this.db.workers.delete(personId);
  }
}
