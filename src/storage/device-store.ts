/**
 * What a shared device keeps outside any worker's encrypted database: its own enrolment (the
 * token that lets workers sign in on it) and, for each worker signed in here, their name, the
 * name of their database and their data key wrapped by their PIN and by the server's secret.
 * Nothing in it is an answer or a resident's detail, so it is readable while the app is locked.
 * It is read before anyone unlocks, so it uses the small `idb` wrapper rather than Dexie, which
 * loads with the worker's own database after unlocking.
 */
import { deleteDB, openDB, type IDBPDatabase } from 'idb';
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

// Versions of this database, append-only like storage/versions.ts.
const DEVICE_DB_VERSION = 1;

function openDevice(name: string): Promise<IDBPDatabase> {
  return openDB(name, DEVICE_DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('device', { keyPath: 'key' });
        db.createObjectStore('workers', { keyPath: 'personId' });
      }
    },
  });
}

const ENROLMENT_KEY = 'enrolment';

export class DeviceStore {
  private opened: Promise<IDBPDatabase> | undefined;

  constructor(private readonly name: string = DEVICE_DB_NAME) {}

  // Opened on first use, and again if the browser closed it (as iOS does in the background).
  private async db(): Promise<IDBPDatabase> {
    this.opened ??= openDevice(this.name).then((db) => {
      db.addEventListener('close', () => (this.opened = undefined));
      // A newer version in another tab: let it upgrade, and open again when next needed.
      db.addEventListener('versionchange', () => {
        db.close();
        this.opened = undefined;
      });
      return db;
    });
    return this.opened.catch((error: unknown) => {
      this.opened = undefined;
      throw error;
    });
  }

  async enrolment(): Promise<DeviceEnrolment | null> {
    const parsed = enrolmentSchema.safeParse(await (await this.db()).get('device', ENROLMENT_KEY));
    return parsed.success ? parsed.data : null;
  }

  async saveEnrolment(enrolment: DeviceEnrolment): Promise<void> {
    await (
      await this.db()
    ).put('device', { key: ENROLMENT_KEY, ...enrolmentSchema.parse(enrolment) });
  }

  /** Workers signed in on this device, the most recent first. A damaged entry is left out. */
  async workers(): Promise<Worker[]> {
    const rows: unknown[] = await (await this.db()).getAll('workers');
    return rows
      .flatMap((row) => {
        const parsed = workerSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      })
      .sort((a, b) => b.signedInAt - a.signedInAt);
  }

  async worker(personId: string): Promise<Worker | null> {
    const parsed = workerSchema.safeParse(await (await this.db()).get('workers', personId));
    return parsed.success ? parsed.data : null;
  }

  async putWorker(worker: Worker): Promise<void> {
    await (await this.db()).put('workers', workerSchema.parse(worker));
  }

  async deleteWorker(personId: string): Promise<void> {
    await (await this.db()).delete('workers', personId);
  }
}

/** Whether a database of this name exists on the device (without creating it). */
export async function databaseExists(name: string): Promise<boolean> {
  if (typeof indexedDB.databases === 'function') {
    return (await indexedDB.databases()).some((info) => info.name === name);
  }
  // Older browsers: opening creates it at version 1 when it is not there, so undo that.
  let created = false;
  const db = await openDB(name, undefined, {
    upgrade: (_db, oldVersion) => void (created = oldVersion === 0),
  });
  db.close();
  if (created) await deleteDB(name);
  return !created;
}

/** Deletes a database and everything in it; waits while another tab still holds it open. */
export function deleteDatabase(name: string): Promise<void> {
  return deleteDB(name);
}
