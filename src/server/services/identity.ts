// Who a device speaks for: the device, its person and their organisation, found by the token's
// hash on every request, or by id right after enrolment.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MeResponse } from '../../shared/council-api.ts';
import type { Database, Executor } from '../db/database.ts';
import { devices, organisations, people } from '../db/schema.ts';

export type Identity = MeResponse;

export interface DeviceRecord {
  readonly identity: Identity;
  readonly revokedAt: Date | null;
  readonly lastSeenAt: Date | null;
  /** A shared device's own token: it only lets workers sign in (schema.ts). */
  readonly signInOnly: boolean;
}

export async function findDevice(ex: Executor, where: SQL): Promise<DeviceRecord | undefined> {
  return toRecord(await deviceQuery(ex).where(where).limit(1));
}

type ByTokenHash = ReturnType<typeof prepareByTokenHash>;
const prepareByTokenHash = (db: Database) =>
  deviceQuery(db)
    .where(eq(devices.tokenHash, sql.placeholder('tokenHash')))
    .limit(1)
    .prepare('device_by_token_hash');
const byTokenHash = new WeakMap<Database, ByTokenHash>();

/**
 * The same by the token's hash, the query every request makes: prepared once per database, so
 * that neither this process nor the database builds and plans it again for each request.
 */
export async function findDeviceByTokenHash(
  db: Database,
  tokenHash: string,
): Promise<DeviceRecord | undefined> {
  let prepared = byTokenHash.get(db);
  if (!prepared) {
    prepared = prepareByTokenHash(db);
    byTokenHash.set(db, prepared);
  }
  return toRecord(await prepared.execute({ tokenHash }));
}

function deviceQuery(ex: Executor) {
  return ex
    .select({
      device: { id: devices.id, name: devices.name },
      person: { id: people.id, name: people.name, role: people.role },
      organisation: { id: organisations.id, name: organisations.name },
      revokedAt: devices.revokedAt,
      lastSeenAt: devices.lastSeenAt,
      signInOnly: devices.signInOnly,
    })
    .from(devices)
    .innerJoin(
      people,
      and(eq(people.organisationId, devices.organisationId), eq(people.id, devices.personId)),
    )
    .innerJoin(organisations, eq(organisations.id, devices.organisationId));
}

function toRecord(rows: readonly DeviceRow[]): DeviceRecord | undefined {
  const [row] = rows;
  if (!row) return undefined;
  const { revokedAt, lastSeenAt, signInOnly, ...identity } = row;
  return { identity, revokedAt, lastSeenAt, signInOnly };
}

type DeviceRow = Awaited<ReturnType<ReturnType<typeof deviceQuery>['execute']>>[number];
