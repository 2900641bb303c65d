// Signing devices in (bearer tokens), listing them and revoking them. A revoked token is refused
// from the very next request: it is checked against the database every time, never cached.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { DeviceSummary } from '../../shared/council-api.ts';
import type { Database, Executor } from '../db/database.ts';
import { devices, people } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { audit, byDevice } from './audit.ts';
import { findDeviceByTokenHash, type Identity } from './identity.ts';
import type { LastSeen } from './last-seen.ts';
import { canManage } from './roles.ts';
import { hashSecret } from './secrets.ts';

export type Authentication =
  | { readonly status: 'ok'; readonly identity: Identity; readonly signInOnly: boolean }
  | { readonly status: 'unknown' }
  | { readonly status: 'revoked' };

export async function authenticate(
  db: Database,
  lastSeen: LastSeen,
  token: string,
  now: Date,
): Promise<Authentication> {
  const found = await findDeviceByTokenHash(db, hashSecret(token));
  if (!found) return { status: 'unknown' };
  if (found.revokedAt) return { status: 'revoked' };
  lastSeen.seen(found.identity.device.id, found.lastSeenAt, now);
  return { status: 'ok', identity: found.identity, signInOnly: found.signInOnly };
}

function summarySelect(ex: Executor) {
  return ex
    .select({
      id: devices.id,
      name: devices.name,
      person: { id: people.id, name: people.name, role: people.role },
      createdAt: devices.createdAt,
      lastSeenAt: devices.lastSeenAt,
      revokedAt: devices.revokedAt,
      enrolledVia: devices.enrolledVia,
    })
    .from(devices)
    .innerJoin(
      people,
      and(eq(people.organisationId, devices.organisationId), eq(people.id, devices.personId)),
    );
}

interface SummaryRow extends Omit<DeviceSummary, 'createdAt' | 'lastSeenAt' | 'revokedAt'> {
  readonly createdAt: Date;
  readonly lastSeenAt: Date | null;
  readonly revokedAt: Date | null;
}

const toSummary = (row: SummaryRow): DeviceSummary => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastSeenAt: row.lastSeenAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function listDevices(
  db: Database,
  lastSeen: LastSeen,
  organisationId: string,
): Promise<DeviceSummary[]> {
  await lastSeen.flush();
  const rows = await summarySelect(db)
    .where(eq(devices.organisationId, organisationId))
    .orderBy(asc(devices.createdAt), asc(devices.id));
  return rows.map(toSummary);
}

// Device ids are UUIDs: anything else cannot be a device, and PostgreSQL would refuse to compare.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Revokes a device of the actor's organisation. A device of another organisation is "not found",
 * never "forbidden": the answer must not confirm that it exists, but the attempt is audited.
 * Revoking twice keeps the first time (and the first audit entry). Revoking a physical device
 * also revokes the workers' sessions signed in on it.
 */
export async function revokeDevice(
  db: Database,
  lastSeen: LastSeen,
  actor: Identity,
  deviceId: string,
  now: Date,
): Promise<DeviceSummary> {
  const notFound = new ApiError('not_found', message('device.notFound'));
  if (!UUID_PATTERN.test(deviceId)) throw notFound;
  const inOrganisation = and(
    eq(devices.organisationId, actor.organisation.id),
    eq(devices.id, deviceId),
  );
  const [target] = await summarySelect(db).where(inOrganisation);
  if (!target) {
    const [elsewhere] = await db
      .select({ id: devices.id })
      .from(devices)
      .where(eq(devices.id, deviceId));
    if (elsewhere) {
      await audit(
        db,
        byDevice(actor, 'cross-organisation-refusal', { target: 'device', deviceId }),
        now,
      );
    }
    throw notFound;
  }
  if (target.id !== actor.device.id && !canManage(actor.person.role, target.person.role)) {
    throw new ApiError('forbidden', message('device.adminOnly'));
  }
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(devices)
      .set({ revokedAt: now })
      .where(and(inOrganisation, isNull(devices.revokedAt)))
      .returning({ id: devices.id });
    if (revoked.length > 0) {
      // Workers' sessions on a physical device go with it: nothing signed in is left behind.
      const sessions = await tx
        .update(devices)
        .set({ revokedAt: now })
        .where(
          and(
            eq(devices.organisationId, actor.organisation.id),
            eq(devices.enrolledVia, deviceId),
            isNull(devices.revokedAt),
          ),
        )
        .returning({ id: devices.id });
      const detail = { deviceId, ...(sessions.length > 0 ? { sessions: sessions.length } : {}) };
      // A token revoking itself is a worker signing out (a session, or the device itself).
      const self = target.id === actor.device.id;
      await audit(tx, byDevice(actor, self ? 'sign-out' : 'device-revoked', detail), now);
    }
  });
  await lastSeen.flush();
  const [revoked] = await summarySelect(db).where(inOrganisation);
  return toSummary(revoked ?? target);
}
