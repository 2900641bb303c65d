// Workers' accounts on shared devices. A person's username and passphrase are set with an
// enrolment code (the coordinator's authority, so a code also resets them). With them the person
// signs in on any enrolled device of their organisation: the sign-in makes a session, a devices
// row of its own for that person on that physical device, with its own token, and gives the
// vault secret that person keeps for that physical device.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { SignInRequest, SignInResponse } from '../../shared/protocol.ts';
import type { Database, Executor } from '../db/database.ts';
import { devices, people, vaultSecrets } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { audit } from './audit.ts';
import { findDevice, type Identity } from './identity.ts';
import { hashPassphrase, verifyNobody, verifyPassphrase } from './passphrases.ts';
import { hashSecret, newDeviceToken } from './secrets.ts';

/** Wrong passphrases in a row that pause signing in as a person, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCK_MS = 15 * 60_000;

export interface Credentials {
  /** Already normalised by the protocol's usernameSchema. */
  readonly username: string;
  readonly passphrase: string;
}

const usernameTaken = () => new ApiError('username_taken', message('account.usernameTaken'));
// One answer for an unknown username and a wrong passphrase: it must not tell which exist.
const signInFailed = () => new ApiError('sign_in_failed', message('signIn.failed'));
const signInLocked = (until: Date, now: Date) =>
  new ApiError(
    'sign_in_locked',
    message('signIn.locked', {
      minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)),
    }),
  );

/**
 * Gives the person this username and passphrase, and a fresh count of failed sign-ins. Run in
 * the enrolment's transaction: a username another person of the organisation has refuses the
 * whole enrolment.
 */
export async function setCredentials(
  ex: Executor,
  person: { organisationId: string; personId: string },
  credentials: Credentials,
): Promise<void> {
  const inOrganisation = eq(people.organisationId, person.organisationId);
  const [other] = await ex
    .select({ id: people.id })
    .from(people)
    .where(
      and(
        inOrganisation,
        eq(people.username, credentials.username),
        ne(people.id, person.personId),
      ),
    )
    .limit(1);
  if (other) throw usernameTaken();
  const passphraseHash = await hashPassphrase(credentials.passphrase);
  try {
    await ex
      .update(people)
      .set({
        username: credentials.username,
        passphraseHash,
        failedSignIns: 0,
        signInLockedUntil: null,
      })
      .where(and(inOrganisation, eq(people.id, person.personId)));
  } catch (error) {
    // Another enrolment took the username since the check above.
    if (isUniqueViolation(error)) throw usernameTaken();
    throw error;
  }
}

/** Drizzle wraps the driver's error; PostgreSQL's code for a unique violation is 23505. */
function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; typeof e === 'object' && e !== null; e = (e as Error).cause) {
    if ('code' in e && e.code === '23505') return true;
  }
  return false;
}

/**
 * Signs a person of the authorising device's organisation in on that physical device. The
 * authorising token may be the device's own or another worker's session on it; either way the
 * session hangs off the device's own row, and is refused when that row was revoked.
 */
export async function signIn(
  db: Database,
  authorising: Identity,
  request: SignInRequest,
  now: Date,
): Promise<SignInResponse> {
  const organisationId = authorising.organisation.id;
  const rootId = await rootOf(db, authorising);

  const [person] = await db
    .select({
      id: people.id,
      passphraseHash: people.passphraseHash,
      lockedUntil: people.signInLockedUntil,
    })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.username, request.username)));
  const failure = (personId: string | null, reason: string, tx: Executor = db) =>
    audit(
      tx,
      {
        organisationId,
        action: 'sign-in-failed',
        deviceId: authorising.device.id,
        personId,
        detail: { username: request.username, reason },
      },
      now,
    );

  if (!person?.passphraseHash) {
    await verifyNobody(request.passphrase);
    await failure(null, 'unknown-username');
    throw signInFailed();
  }
  if (person.lockedUntil && person.lockedUntil > now) {
    await failure(person.id, 'locked');
    throw signInLocked(person.lockedUntil, now);
  }
  const personWhere = and(eq(people.organisationId, organisationId), eq(people.id, person.id));
  if (!(await verifyPassphrase(request.passphrase, person.passphraseHash))) {
    // Counted by the database itself, so attempts made at the same time are all counted. The
    // attempt that reaches the limit starts the lock and a fresh count for after it.
    const lockUntil = new Date(now.getTime() + SIGN_IN_LOCK_MS).toISOString();
    const reachesLimit = sql`${people.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS}`;
    const locked = await db.transaction(async (tx) => {
      const [counted] = await tx
        .update(people)
        .set({
          failedSignIns: sql`case when ${reachesLimit} then 0 else ${people.failedSignIns} + 1 end`,
          signInLockedUntil: sql`case when ${reachesLimit} then ${lockUntil}::timestamptz else ${people.signInLockedUntil} end`,
        })
        .where(personWhere)
        .returning({ lockedUntil: people.signInLockedUntil });
      const until = counted?.lockedUntil && counted.lockedUntil > now ? counted.lockedUntil : null;
      await failure(person.id, until ? 'passphrase-locked' : 'passphrase', tx);
      return until;
    });
    throw locked ? signInLocked(locked, now) : signInFailed();
  }

  const token = newDeviceToken();
  return db.transaction(async (tx) => {
    // Only while no lock started since the check above.
    const reset = await tx
      .update(people)
      .set({ failedSignIns: 0, signInLockedUntil: null })
      .where(
        and(personWhere, or(isNull(people.signInLockedUntil), lte(people.signInLockedUntil, now))),
      )
      .returning({ id: people.id });
    if (reset.length === 0) throw signInLocked(new Date(now.getTime() + SIGN_IN_LOCK_MS), now);

    const deviceId = randomUUID();
    await tx.insert(devices).values({
      id: deviceId,
      organisationId,
      personId: person.id,
      name: authorising.device.name,
      tokenHash: hashSecret(token),
      createdAt: now,
      lastSeenAt: now,
      enrolledVia: rootId,
    });
    // Made at the first sign-in of this person on this device, kept for every later one.
    await tx
      .insert(vaultSecrets)
      .values({
        organisationId,
        deviceId: rootId,
        personId: person.id,
        secret: randomBytes(32).toString('base64url'),
        createdAt: now,
      })
      .onConflictDoNothing();
    const [vault] = await tx
      .select({ secret: vaultSecrets.secret })
      .from(vaultSecrets)
      .where(and(eq(vaultSecrets.deviceId, rootId), eq(vaultSecrets.personId, person.id)));
    await audit(
      tx,
      {
        organisationId,
        action: 'sign-in',
        deviceId,
        personId: person.id,
        detail: { enrolledVia: rootId },
      },
      now,
    );
    const session = await findDevice(tx, eq(devices.id, deviceId));
    if (!session || !vault) throw new Error(`The session ${deviceId} cannot be read back.`);
    return { token, ...session.identity, vaultSecret: vault.secret };
  });
}

/** The physical device's own row behind a token; refused when that row was revoked. */
async function rootOf(db: Database, authorising: Identity): Promise<string> {
  const organisationId = authorising.organisation.id;
  const [row] = await db
    .select({ enrolledVia: devices.enrolledVia })
    .from(devices)
    .where(and(eq(devices.organisationId, organisationId), eq(devices.id, authorising.device.id)));
  const rootId = row?.enrolledVia ?? authorising.device.id;
  if (rootId !== authorising.device.id) {
    const [root] = await db
      .select({ id: devices.id })
      .from(devices)
      .where(
        and(
          eq(devices.organisationId, organisationId),
          eq(devices.id, rootId),
          isNull(devices.revokedAt),
        ),
      );
    if (!root) throw new ApiError('token_revoked', message('access.signedOut'));
  }
  return rootId;
}
