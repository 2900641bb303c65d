/**
 * Workers on a shared device. A device is enrolled once; each worker then signs in with their
 * account, sets a PIN, and gets a database of their own, encrypted with a data key that exists
 * only while they have it unlocked. Locking forgets the key; signing out deletes the database.
 * The screens watch `state()`; the composition root builds what an unlocked worker needs
 * (`open`), so this module knows nothing of the screens.
 */
import type { EnrolResponse } from '../shared/protocol.ts';
import {
  MAX_FAILED_PINS,
  databaseExists,
  deleteDatabase,
  type DeviceEnrolment,
  type DeviceStore,
  type Worker,
} from '../storage/device-store.ts';
import {
  WrongPinError,
  createVault,
  openWithPin,
  openWithServerSecret,
  parseServerSecret,
  withPin,
  withServerSecret,
  withoutPin,
} from '../storage/vault.ts';
import { ApiError, type SyncClient } from '../sync/client.ts';

/**
 * Signing in again after the device was enrolled anew: the worker's records here were protected
 * under the earlier enrolment, and open only with the PIN they used before.
 */
export class EarlierPinNeeded extends Error {
  constructor() {
    super('Enter the PIN used on this device before, to open the records kept here');
    this.name = 'EarlierPinNeeded';
  }
}

/** Shortest PIN or passphrase for unlocking: six digits, or any six characters. */
export const MIN_PIN_LENGTH = 6;

export type SessionState<W> =
  | { readonly kind: 'starting' }
  /** Not enrolled: a coordinator's one-time code enrols it and signs its worker in. */
  | { readonly kind: 'unenrolled' }
  /** Enrolled, nobody's data open: unlock with a PIN, or sign in online. */
  | {
      readonly kind: 'locked';
      readonly enrolment: DeviceEnrolment;
      readonly workers: readonly Worker[];
    }
  | {
      readonly kind: 'unlocked';
      readonly enrolment: DeviceEnrolment;
      readonly worker: Worker;
      readonly opened: W;
    };

export type UnlockResult =
  | { readonly kind: 'unlocked' }
  | { readonly kind: 'wrong-pin'; readonly remaining: number }
  /** Too many wrong PINs: only signing in online opens this worker's data again. */
  | { readonly kind: 'locked-out' };

/**
 * The database every device used before workers had accounts. A device that holds one person's
 * records there gives them to the first worker who signs in on it (sealed with their key).
 */
export const EARLIER_DB_NAME = 'doorstep';

/** How to open a worker's database: a new sign-in's token to keep, data to take over. */
export interface OpenOptions {
  readonly signedIn?: EnrolResponse;
  readonly adopting?: boolean;
}

/**
 * What the composition root builds over an unlocked worker's database (loaded after the first
 * screen: the encryption of rows is not needed before a worker unlocks).
 */
export interface Opened<W> {
  readonly value: W;
  /** The token this worker syncs with on this device, if any. */
  token(): Promise<string | null>;
  /** Stop using the database: answers being written finish, sending stops, it closes. */
  close(): Promise<void>;
}

export interface SessionDeps<W> {
  readonly device: DeviceStore;
  readonly client: Pick<SyncClient, 'enrol' | 'signIn' | 'revokeSelf'>;
  readonly now: () => number;
  readonly open: (worker: Worker, key: Uint8Array, options: OpenOptions) => Promise<Opened<W>>;
}

export interface Session<W> {
  state(): SessionState<W>;
  subscribe(listener: () => void): () => void;
  /** Reads the device's enrolment and workers; everything starts locked. */
  start(): Promise<void>;
  /**
   * Redeems a coordinator's one-time code: sets the worker's account, enrols the device if it
   * is not enrolled yet, and signs the worker in.
   */
  enrol(input: {
    code: string;
    deviceName: string;
    username: string;
    passphrase: string;
    pin: string;
  }): Promise<void>;
  /**
   * Signs a worker in online. A worker already on this device (locked out, or signing in again)
   * gets their own data back, under the new PIN.
   */
  signIn(input: { username: string; passphrase: string; pin: string }): Promise<void>;
  unlock(personId: string, pin: string): Promise<UnlockResult>;
  /**
   * Checks the unlocked worker's PIN (to leave resident mode, say). Wrong PINs count as when
   * unlocking; the last one locks the app and the worker out.
   */
  confirmPin(pin: string): Promise<UnlockResult>;
  /** Forgets the key. What was being written is written first. */
  lock(): Promise<void>;
  /**
   * Deletes the unlocked worker's database and forgets them on this device, after telling the
   * server their token is no longer used (when it can be reached). The screen asks first.
   */
  signOut(): Promise<void>;
}

export function createSession<W>(deps: SessionDeps<W>): Session<W> {
  let state: SessionState<W> = { kind: 'starting' };
  let current: { key: Uint8Array; opened: Opened<W> } | null = null;
  const listeners = new Set<() => void>();
  const set = (next: SessionState<W>) => {
    state = next;
    for (const listener of listeners) listener();
  };

  async function showLocked(): Promise<void> {
    const enrolment = await deps.device.enrolment();
    set(
      enrolment
        ? { kind: 'locked', enrolment, workers: await deps.device.workers() }
        : { kind: 'unenrolled' },
    );
  }

  async function openWorker(worker: Worker, key: Uint8Array, options: OpenOptions = {}) {
    const enrolment = await deps.device.enrolment();
    if (!enrolment) throw new Error('The device is not enrolled');
    const opened = await deps.open(worker, key, options);
    current = { key, opened };
    set({ kind: 'unlocked', enrolment, worker, opened: opened.value });
  }

  async function close(): Promise<void> {
    const was = current;
    if (!was) return;
    current = null;
    await was.opened.close();
    // The only copy in the clear: overwrite it rather than wait for it to be collected.
    was.key.fill(0);
  }

  async function signIn(input: { username: string; passphrase: string; pin: string }) {
    const enrolment = await deps.device.enrolment();
    if (!enrolment) throw new Error('The device is not enrolled');
    const { vaultSecret, ...session } = await deps.client.signIn(enrolment.deviceToken, {
      username: input.username,
      passphrase: input.passphrase,
    });
    const secret = parseServerSecret(vaultSecret);
    const known = await deps.device.worker(session.person.id);
    let worker: Worker;
    let key: Uint8Array;
    let adopting = false;
    if (known) {
      key = await openKnown(known, secret, input.pin);
      worker = {
        ...known,
        name: session.person.name,
        role: session.person.role,
        vault: await withPin(await withServerSecret(known.vault, key, secret), key, input.pin),
        failedPins: 0,
        signedInAt: deps.now(),
      };
    } else {
      const created = await createVault(input.pin, secret);
      key = created.key;
      worker = {
        personId: session.person.id,
        name: session.person.name,
        username: input.username.trim().toLowerCase(),
        role: session.person.role,
        dbName: await databaseFor(session.person.id),
        vault: created.record,
        failedPins: 0,
        signedInAt: deps.now(),
      };
      adopting = worker.dbName === EARLIER_DB_NAME;
    }
    await close();
    await deps.device.putWorker(worker);
    await openWorker(worker, key, { signedIn: session, adopting });
  }

  /**
   * A worker already on this device gets their data key back with the server's secret; if the
   * device was enrolled again since (a coordinator signed it out), the secret is a new one, and
   * only the PIN they used before opens it.
   */
  async function openKnown(known: Worker, secret: Uint8Array, pin: string): Promise<Uint8Array> {
    try {
      return await openWithServerSecret(known.vault, secret);
    } catch {
      if (!known.vault.byPin) throw new EarlierPinNeeded();
      return openWithPin(known.vault, pin).catch(() => Promise.reject(new EarlierPinNeeded()));
    }
  }

  /** Counts a wrong PIN; the last one drops the PIN's copy of the key. Other errors go on. */
  async function wrongPin(worker: Worker, error: unknown): Promise<UnlockResult> {
    if (!(error instanceof WrongPinError)) throw error;
    const failedPins = worker.failedPins + 1;
    const lockedOut = failedPins >= MAX_FAILED_PINS;
    await deps.device.putWorker({
      ...worker,
      failedPins,
      vault: lockedOut ? withoutPin(worker.vault) : worker.vault,
    });
    return lockedOut
      ? { kind: 'locked-out' }
      : { kind: 'wrong-pin', remaining: MAX_FAILED_PINS - failedPins };
  }

  /** The earlier records go to the first worker; after that each worker's database is theirs. */
  async function databaseFor(personId: string): Promise<string> {
    const taken = (await deps.device.workers()).some((w) => w.dbName === EARLIER_DB_NAME);
    if (!taken && (await databaseExists(EARLIER_DB_NAME))) return EARLIER_DB_NAME;
    return `doorstep-${personId}`;
  }

  return {
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: showLocked,
    async enrol(input) {
      const before = await deps.device.enrolment();
      const enrolled = await deps.client.enrol({
        code: input.code,
        deviceName: input.deviceName || before?.device.name || input.deviceName,
        username: input.username,
        passphrase: input.passphrase,
      });
      const replace = () =>
        deps.device.saveEnrolment({
          deviceToken: enrolled.token,
          device: enrolled.device,
          organisation: enrolled.organisation,
          enrolledAt: deps.now(),
        });
      if (!before) {
        await replace();
        return signIn(input);
      }
      // Enrolled already: the code only set up this worker's account. Workers' sign-ins stay
      // tied to the device's enrolment (their vault secrets are kept per device), so the new
      // device token is not needed, unless a coordinator has signed the device out.
      try {
        await signIn(input);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'token_revoked') throw error;
        await replace();
        return signIn(input);
      }
      await deps.client.revokeSelf(enrolled.token).catch(() => undefined);
    },
    signIn,
    async unlock(personId, pin) {
      const worker = await deps.device.worker(personId);
      if (!worker || !worker.vault.byPin) return { kind: 'locked-out' };
      let key: Uint8Array;
      try {
        key = await openWithPin(worker.vault, pin);
      } catch (error) {
        const result = await wrongPin(worker, error);
        await showLocked();
        return result;
      }
      const opened = { ...worker, failedPins: 0 };
      // Written only when it changes: on a full disk the worker must still get in.
      if (worker.failedPins > 0) await deps.device.putWorker(opened);
      await close();
      await openWorker(opened, key);
      return { kind: 'unlocked' };
    },
    async confirmPin(pin) {
      if (state.kind !== 'unlocked') return { kind: 'locked-out' };
      const worker = (await deps.device.worker(state.worker.personId)) ?? state.worker;
      try {
        // The key it opens is already in use: this copy is only the proof.
        (await openWithPin(worker.vault, pin)).fill(0);
      } catch (error) {
        const result = await wrongPin(worker, error);
        if (result.kind === 'locked-out') {
          await close();
          await showLocked();
        }
        return result;
      }
      if (worker.failedPins > 0) await deps.device.putWorker({ ...worker, failedPins: 0 });
      return { kind: 'unlocked' };
    },
    async lock() {
      await close();
      await showLocked();
    },
    async signOut() {
      if (state.kind !== 'unlocked' || !current) return;
      const { worker } = state;
      const token = await current.opened.token();
      if (token) await deps.client.revokeSelf(token).catch(() => undefined);
      await close();
      await deleteDatabase(worker.dbName);
      await deps.device.deleteWorker(worker.personId);
      await showLocked();
    },
  };
}
