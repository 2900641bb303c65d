// Retention: each organisation keeps identifiable data for `retentionDays` after a resident's
// last contact. Then the resident reference is unlinked: every assessment of that reference, and
// every earlier revision kept in the history, has its residentRef set to null. The scores,
// answers, programme, venue and outcomes stay, as anonymous records for the figures. The server
// holds no names or contact details (those stay on the device), so the reference is all there is
// to remove.
//
// A resident's last contact is the latest date among their assessments' visit dates and the
// dates of the outcomes recorded on them: both are when the organisation was in touch with the
// resident. The time a record was received is not used: it says when a device was online, and a
// device that resends a revision would keep a resident identifiable for longer than they were in
// touch.
import { asc, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { rowsOf } from '../db/database.ts';
import { assessmentHistory, assessments, organisations } from '../db/schema.ts';
import { audit } from './audit.ts';

const DAY_MS = 24 * 60 * 60_000;

export interface RetentionRun {
  readonly organisationId: string;
  readonly retentionDays: number;
  /** Residents whose last contact is before this day (YYYY-MM-DD, UTC) were unlinked. */
  readonly cutoff: string;
  readonly residents: number;
  readonly assessments: number;
  /** Earlier revisions in the history that were unlinked too. */
  readonly revisions: number;
}

/** The day from which contact still counts: a contact on it is exactly retentionDays old. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return new Date(now.getTime() - retentionDays * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Unlinks, in every organisation, the residents whose last contact is older than the
 * organisation's retention period, and records each organisation's run in its audit log. Each
 * organisation's run is one transaction: all of it or nothing. Running it again changes nothing.
 */
export async function applyRetention(db: Database, now: Date): Promise<RetentionRun[]> {
  const all = await db
    .select({ id: organisations.id, retentionDays: organisations.retentionDays })
    .from(organisations)
    .orderBy(asc(organisations.id));
  const runs: RetentionRun[] = [];
  for (const { id: organisationId, retentionDays } of all) {
    const cutoff = retentionCutoff(now, retentionDays);
    runs.push(
      await db.transaction(async (tx) => {
        // One statement: the stale residents, their assessments and their history unlinked
        // together, from one snapshot.
        const result = await tx.execute(sql`
          WITH contact AS (
            SELECT resident_ref,
                   max(greatest(
                     payload->>'date',
                     (SELECT max(o->>'date')
                      FROM jsonb_array_elements(coalesce(payload->'outcomes', '[]'::jsonb)) o)
                   )) AS last_contact
            FROM ${assessments}
            WHERE organisation_id = ${organisationId} AND resident_ref IS NOT NULL
            GROUP BY resident_ref
          ),
          stale AS (SELECT resident_ref FROM contact WHERE last_contact < ${cutoff}),
          unlinked AS (
            UPDATE ${assessments} a
            SET payload = jsonb_set(a.payload, '{residentRef}', 'null'::jsonb)
            FROM stale
            WHERE a.organisation_id = ${organisationId} AND a.resident_ref = stale.resident_ref
            RETURNING a.id
          ),
          unlinked_history AS (
            UPDATE ${assessmentHistory} h
            SET payload = jsonb_set(h.payload, '{residentRef}', 'null'::jsonb)
            WHERE h.organisation_id = ${organisationId}
              AND h.payload->>'residentRef' IS NOT NULL
              AND (h.id IN (SELECT id FROM unlinked)
                   OR h.payload->>'residentRef' IN (SELECT resident_ref FROM stale))
            RETURNING h.id
          )
          SELECT (SELECT count(*) FROM stale)::int AS residents,
                 (SELECT count(*) FROM unlinked)::int AS assessments,
                 (SELECT count(*) FROM unlinked_history)::int AS revisions`);
        const [counts] = rowsOf<{ residents: number; assessments: number; revisions: number }>(
          result,
        );
        const run: RetentionRun = {
          organisationId,
          retentionDays,
          cutoff,
          residents: counts?.residents ?? 0,
          assessments: counts?.assessments ?? 0,
          revisions: counts?.revisions ?? 0,
        };
        const detail = {
          retentionDays,
          cutoff,
          residents: run.residents,
          assessments: run.assessments,
          revisions: run.revisions,
        };
        await audit(
          tx,
          { organisationId, action: 'retention-run', deviceId: null, personId: null, detail },
          now,
        );
        return run;
      }),
    );
  }
  return runs;
}

export interface RetentionSchedule {
  /** Stops the timer and waits for the runs already started or due. */
  stop(): Promise<void>;
}

/**
 * Runs retention now and then every `intervalMs` (a day by default). The timer does not keep
 * the process alive; a failed run is reported and the next one tries again.
 */
export function scheduleRetention(options: {
  db: Database;
  now: () => Date;
  onError: (error: unknown) => void;
  intervalMs?: number;
}): RetentionSchedule {
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    const now = options.now();
    // One run at a time: a slow run is not overlapped by the next.
    running = running.then(async () => {
      try {
        await applyRetention(options.db, now);
      } catch (error) {
        options.onError(error);
      }
    });
  };
  run();
  const timer = setInterval(run, options.intervalMs ?? DAY_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
