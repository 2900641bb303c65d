// The first start on an empty database: one organisation, one administrator and a code to enrol
// the administrator's first device, so that someone can try the whole flow on one machine.
// Any later start finds the organisation and does nothing: the code is printed once.
import { sql } from 'drizzle-orm';
import type { Organisation, Person } from '../../shared/council-api.ts';
import type { Database } from '../db/database.ts';
import { organisations } from '../db/schema.ts';
import { audit } from './audit.ts';
import { createEnrolmentCode } from './enrolment.ts';
import { createOrganisation, createPerson } from './people.ts';

export const DEFAULT_ORGANISATION_NAME = 'Doorstep demo council';
export const FIRST_CODE_TTL_MS = 24 * 60 * 60_000;

// Two servers starting at once on one empty database: the second waits and finds it set up.
const BOOTSTRAP_LOCK = 0x64737470;

export interface FirstStart {
  readonly organisation: Organisation;
  readonly administrator: Person;
  readonly code: string;
  readonly expiresAt: Date;
}

/** Sets up an empty database; null when it already has an organisation. */
export async function bootstrap(
  db: Database,
  options: { organisationName?: string; now: Date; ttlMs?: number },
): Promise<FirstStart | null> {
  const { now } = options;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    const [existing] = await tx.select({ id: organisations.id }).from(organisations).limit(1);
    if (existing) return null;

    const organisation = await createOrganisation(
      tx,
      options.organisationName?.trim() || DEFAULT_ORGANISATION_NAME,
      now,
    );
    const administrator = await createPerson(
      tx,
      { organisationId: organisation.id, name: 'Administrator', role: 'administrator' },
      now,
    );
    const { code, expiresAt } = await createEnrolmentCode(
      tx,
      { organisationId: organisation.id, personId: administrator.id, createdByDeviceId: null },
      now,
      options.ttlMs ?? FIRST_CODE_TTL_MS,
    );
    await audit(
      tx,
      {
        organisationId: organisation.id,
        action: 'enrolment-code-created',
        deviceId: null,
        personId: null,
        detail: { personId: administrator.id, role: administrator.role, firstStart: true },
      },
      now,
    );
    return { organisation, administrator, code, expiresAt };
  });
}

export function firstStartMessage(start: FirstStart, timeZone?: string): string {
  const until = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(start.expiresAt);
  return (
    `Created the organisation "${start.organisation.name}" with one administrator.\n` +
    `Enrol your first device with code ${start.code} (valid until ${until}).`
  );
}
