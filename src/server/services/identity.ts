// Who a device speaks for: the device, its person and their organisation, found by the token's
// hash on every request, or by id right after enrolment.
import { and, eq, type SQL } from 'drizzle-orm';
import type { MeResponse } from '../../shared/protocol.ts';
import type { Executor } from '../db/database.ts';
import { devices, organisations, people } from '../db/schema.ts';

export type Identity = MeResponse;

export interface DeviceRecord {
  readonly identity: Identity;
  readonly revokedAt: Date | null;
  readonly lastSeenAt: Date | null;
}

export async function findDevice(ex: Executor, where: SQL): Promise<DeviceRecord | undefined> {
  const [row] = await ex
    .select({
      device: { id: devices.id, name: devices.name },
      person: { id: people.id, name: people.name, role: people.role },
      organisation: { id: organisations.id, name: organisations.name },
      revokedAt: devices.revokedAt,
      lastSeenAt: devices.lastSeenAt,
    })
    .from(devices)
    .innerJoin(
      people,
      and(eq(people.organisationId, devices.organisationId), eq(people.id, devices.personId)),
    )
    .innerJoin(organisations, eq(organisations.id, devices.organisationId))
    .where(where)
    .limit(1);
  if (!row) return undefined;
  const { revokedAt, lastSeenAt, ...identity } = row;
  return { identity, revokedAt, lastSeenAt };
}
