// Enrolment: a coordinator issues a short one-time code for a person; the person types it on a
// device, which gets its own bearer token in exchange. The code is used up in the same
// transaction that creates the device, by a conditional UPDATE, so of two devices racing with
// one code exactly one wins.
import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { EnrolResponse } from '../../shared/protocol.ts';
import type { EnrolmentCodeRequest, EnrolmentCodeResponse } from '../../shared/council-api.ts';
import type { Database, Executor } from '../db/database.ts';
import { devices, enrolmentCodes } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { setCredentials, type Credentials } from './accounts.ts';
import { audit, byDevice } from './audit.ts';
import { findDevice, type Identity } from './identity.ts';
import { createPerson } from './people.ts';
import { canManage } from './roles.ts';
import { hashEnrolmentCode, hashSecret, newDeviceToken, newEnrolmentCode } from './secrets.ts';

export const DEFAULT_ENROLMENT_CODE_TTL_MS = 15 * 60_000;

// One message for unknown, used and expired codes: the answer must not help anyone guess.
const invalidCode = () => new ApiError('enrolment_code_invalid', message('enrolment.codeInvalid'));

export interface NewCode {
  readonly code: string;
  readonly expiresAt: Date;
}

/** Stores a new code for a person (its hash only) and returns the code to show once. */
export async function createEnrolmentCode(
  ex: Executor,
  input: { organisationId: string; personId: string; createdByDeviceId: string | null },
  now: Date,
  ttlMs: number,
): Promise<NewCode> {
  const code = newEnrolmentCode();
  const expiresAt = new Date(now.getTime() + ttlMs);
  await ex.insert(enrolmentCodes).values({
    id: randomUUID(),
    ...input,
    codeHash: code.hash,
    createdAt: now,
    expiresAt,
  });
  return { code: code.display, expiresAt };
}

/** A coordinator or administrator enrols a new person of a role they may manage. */
export async function issueEnrolmentCode(
  db: Database,
  actor: Identity,
  request: EnrolmentCodeRequest,
  now: Date,
  ttlMs: number,
): Promise<EnrolmentCodeResponse> {
  if (!canManage(actor.person.role, request.role)) {
    throw new ApiError('forbidden', message('enrolment.adminOnly'));
  }
  return db.transaction(async (tx) => {
    const organisationId = actor.organisation.id;
    const person = await createPerson(
      tx,
      { organisationId, name: request.personName, role: request.role },
      now,
    );
    const { code, expiresAt } = await createEnrolmentCode(
      tx,
      { organisationId, personId: person.id, createdByDeviceId: actor.device.id },
      now,
      ttlMs,
    );
    await audit(
      tx,
      byDevice(actor, 'enrolment-code-created', { personId: person.id, role: person.role }),
      now,
    );
    return { code, expiresAt: expiresAt.toISOString(), person };
  });
}

/**
 * Exchanges a code for a new device and its token; the token is returned here and never again.
 * With credentials, the code also sets the person's username and passphrase, in the same
 * transaction: if the username is taken nothing is written and the code stays unused.
 */
export async function enrolDevice(
  db: Database,
  request: { code: string; deviceName: string; credentials?: Credentials | undefined },
  now: Date,
): Promise<EnrolResponse> {
  const codeHash = hashEnrolmentCode(request.code);
  if (!codeHash) throw invalidCode();
  const token = newDeviceToken();
  return db.transaction(async (tx) => {
    const [code] = await tx
      .update(enrolmentCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(enrolmentCodes.codeHash, codeHash),
          isNull(enrolmentCodes.usedAt),
          gt(enrolmentCodes.expiresAt, now),
        ),
      )
      .returning({
        id: enrolmentCodes.id,
        organisationId: enrolmentCodes.organisationId,
        personId: enrolmentCodes.personId,
      });
    if (!code) throw invalidCode();
    // Only for a valid code: hashing a passphrase is slow, and this route is open to anyone.
    if (request.credentials) {
      await setCredentials(
        tx,
        { organisationId: code.organisationId, personId: code.personId },
        request.credentials,
      );
    }

    const deviceId = randomUUID();
    await tx.insert(devices).values({
      id: deviceId,
      organisationId: code.organisationId,
      personId: code.personId,
      name: request.deviceName,
      tokenHash: hashSecret(token),
      createdAt: now,
      // Enrolling is the device's first request: it was seen then.
      lastSeenAt: now,
      // Set up with an account, the device is shared: its workers sign in on it for themselves.
      signInOnly: request.credentials !== undefined,
    });
    await tx.update(enrolmentCodes).set({ deviceId }).where(eq(enrolmentCodes.id, code.id));
    // Enrolling is how a device signs in: the new device and its person are the actors.
    await audit(
      tx,
      {
        organisationId: code.organisationId,
        action: 'enrolment',
        deviceId,
        personId: code.personId,
        detail: {
          enrolmentCodeId: code.id,
          ...(request.credentials ? { username: request.credentials.username } : {}),
        },
      },
      now,
    );
    const enrolled = await findDevice(tx, eq(devices.id, deviceId));
    if (!enrolled) throw new Error(`The device ${deviceId} just enrolled cannot be read back.`);
    return { token, ...enrolled.identity };
  });
}
