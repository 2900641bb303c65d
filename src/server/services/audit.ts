// The audit log: who did what that touches privacy, within one organisation. Entries are only
// ever inserted, in the same transaction as the act where there is one, so an act and its entry
// stand or fall together. Detail holds ids, kinds and counts, never an answer.
import { and, desc, eq, lt } from 'drizzle-orm';
import type { AuditAction, AuditEntry } from '../../shared/council-api.ts';
import type { Executor } from '../db/database.ts';
import { auditLog, devices, people } from '../db/schema.ts';
import type { Identity } from './identity.ts';

export interface AuditRecord {
  readonly organisationId: string;
  readonly action: AuditAction;
  /** Null for the server's own jobs and the first start. */
  readonly deviceId: string | null;
  readonly personId: string | null;
  readonly detail?: Record<string, unknown>;
}

export async function audit(ex: Executor, entry: AuditRecord, now: Date): Promise<void> {
  await ex.insert(auditLog).values({
    organisationId: entry.organisationId,
    at: now,
    deviceId: entry.deviceId,
    personId: entry.personId,
    action: entry.action,
    detail: entry.detail ?? {},
  });
}

/** An entry for what a device did. */
export const byDevice = (
  actor: Identity,
  action: AuditAction,
  detail?: Record<string, unknown>,
): AuditRecord => ({
  organisationId: actor.organisation.id,
  deviceId: actor.device.id,
  personId: actor.person.id,
  action,
  ...(detail ? { detail } : {}),
});

export const DEFAULT_AUDIT_PAGE = 50;

/** The organisation's entries, newest first, those before the cursor when one is given. */
export async function listAudit(
  ex: Executor,
  organisationId: string,
  page: { limit: number; before?: number | undefined },
): Promise<{ entries: AuditEntry[]; next: string | null }> {
  const rows = await ex
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      detail: auditLog.detail,
      deviceId: devices.id,
      deviceName: devices.name,
      personId: people.id,
      personName: people.name,
      personRole: people.role,
    })
    .from(auditLog)
    .leftJoin(
      devices,
      and(eq(devices.organisationId, auditLog.organisationId), eq(devices.id, auditLog.deviceId)),
    )
    .leftJoin(
      people,
      and(eq(people.organisationId, auditLog.organisationId), eq(people.id, auditLog.personId)),
    )
    .where(
      and(
        eq(auditLog.organisationId, organisationId),
        page.before === undefined ? undefined : lt(auditLog.id, page.before),
      ),
    )
    .orderBy(desc(auditLog.id))
    // One more than asked tells whether there is a next page.
    .limit(page.limit + 1);
  const entries = rows.slice(0, page.limit).map((row): AuditEntry => ({
    id: String(row.id),
    at: row.at.toISOString(),
    action: row.action,
    device:
      row.deviceId !== null && row.deviceName !== null
        ? { id: row.deviceId, name: row.deviceName }
        : null,
    person:
      row.personId !== null && row.personName !== null && row.personRole !== null
        ? { id: row.personId, name: row.personName, role: row.personRole }
        : null,
    detail: row.detail,
  }));
  const last = entries.at(-1);
  return { entries, next: rows.length > page.limit && last ? last.id : null };
}
