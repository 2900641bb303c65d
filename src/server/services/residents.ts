// A resident's rights over what the server holds about their reference, for coordinators:
// everything exported as one JSON file (subject access), or everything erased. Both are audited.
// A reference the organisation does not hold is "not found"; when only another organisation
// holds it, the attempt is also recorded as a refusal across organisations.
import { and, asc, eq, inArray, ne, or, sql } from 'drizzle-orm';
import type { ResidentErasureResponse, ResidentExport } from '../../shared/council-api.ts';
import type { Database, Executor } from '../db/database.ts';
import {
  assessmentHistory,
  assessments,
  devices,
  people,
  type StoredScores,
} from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { message } from '../messages.ts';
import { RECEIVED, SENT_BY_DEVICE, SENT_BY_PERSON } from './assessments.ts';
import { audit, byDevice } from './audit.ts';
import type { Identity } from './identity.ts';

const date = sql`${assessments.payload}->>'date'`;
const createdAt = sql`(${assessments.payload}->>'createdAt')::bigint`;

const scoresOf = ({ sections, plan }: StoredScores) => ({
  sections,
  plan: plan.map(({ skillId, headingId, priority, band }) => ({
    skillId,
    headingId,
    priority,
    band,
  })),
});

/** History rows of these assessments, or that once carried the reference themselves. */
const historyOf = (organisationId: string, residentRef: string, ids: readonly string[]) =>
  and(
    eq(assessmentHistory.organisationId, organisationId),
    or(
      ids.length > 0 ? inArray(assessmentHistory.id, [...ids]) : undefined,
      sql`${assessmentHistory.payload}->>'residentRef' = ${residentRef}`,
    ),
  );

export async function exportResident(
  db: Database,
  actor: Identity,
  residentRef: string,
  now: Date,
): Promise<ResidentExport> {
  const organisationId = actor.organisation.id;
  const held = await db
    .select(RECEIVED)
    .from(assessments)
    .innerJoin(devices, SENT_BY_DEVICE)
    .innerJoin(people, SENT_BY_PERSON)
    .where(
      and(eq(assessments.organisationId, organisationId), eq(assessments.residentRef, residentRef)),
    )
    .orderBy(asc(date), asc(createdAt), asc(assessments.id));
  if (held.length === 0) return refuse(db, actor, residentRef, 'export', now);

  const history = await db
    .select({
      payload: assessmentHistory.payload,
      scores: assessmentHistory.scores,
      receivedAt: assessmentHistory.receivedAt,
      replacedAt: assessmentHistory.replacedAt,
    })
    .from(assessmentHistory)
    .where(
      historyOf(
        organisationId,
        residentRef,
        held.map((row) => row.payload.id),
      ),
    )
    .orderBy(asc(assessmentHistory.id), asc(assessmentHistory.revision));

  await audit(
    db,
    byDevice(actor, 'export', {
      kind: 'subject-access',
      residentRef,
      assessments: held.length,
      revisions: history.length,
    }),
    now,
  );
  return {
    residentRef,
    organisation: actor.organisation,
    exportedAt: now.toISOString(),
    assessments: held.map((row) => ({
      assessment: row.payload,
      receivedAt: row.receivedAt.toISOString(),
      firstReceivedAt: row.firstReceivedAt.toISOString(),
      device: row.device,
      person: row.person,
      scores: scoresOf(row.scores),
    })),
    history: history.map((row) => ({
      assessment: row.payload,
      receivedAt: row.receivedAt.toISOString(),
      replacedAt: row.replacedAt.toISOString(),
      scores: scoresOf(row.scores),
    })),
  };
}

/**
 * Erases the resident's assessments and every revision of them kept in the history, with the
 * audit entry, in one transaction: all of it or nothing.
 */
export async function eraseResident(
  db: Database,
  actor: Identity,
  residentRef: string,
  now: Date,
): Promise<ResidentErasureResponse> {
  const organisationId = actor.organisation.id;
  const erased = await db.transaction(async (tx) => {
    const inOrganisation = and(
      eq(assessments.organisationId, organisationId),
      eq(assessments.residentRef, residentRef),
    );
    // Locked, so that a new revision arriving meanwhile waits rather than slipping between.
    const held = await tx
      .select({ id: assessments.id })
      .from(assessments)
      .where(inOrganisation)
      .for('update');
    if (held.length === 0) return null;
    const ids = held.map((row) => row.id);
    const revisions = await tx
      .delete(assessmentHistory)
      .where(historyOf(organisationId, residentRef, ids))
      .returning({ id: assessmentHistory.id });
    const deleted = await tx
      .delete(assessments)
      .where(and(eq(assessments.organisationId, organisationId), inArray(assessments.id, ids)))
      .returning({ id: assessments.id });
    const result = { residentRef, assessments: deleted.length, revisions: revisions.length };
    await audit(tx, byDevice(actor, 'erasure', { ...result }), now);
    return result;
  });
  return erased ?? refuse(db, actor, residentRef, 'erasure', now);
}

/** Not found; recorded as a refusal when another organisation holds the reference. */
async function refuse(
  ex: Executor,
  actor: Identity,
  residentRef: string,
  attempted: 'export' | 'erasure',
  now: Date,
): Promise<never> {
  const [elsewhere] = await ex
    .select({ id: assessments.id })
    .from(assessments)
    .where(
      and(
        ne(assessments.organisationId, actor.organisation.id),
        eq(assessments.residentRef, residentRef),
      ),
    )
    .limit(1);
  if (elsewhere) {
    await audit(
      ex,
      byDevice(actor, 'cross-organisation-refusal', { target: 'resident', residentRef, attempted }),
      now,
    );
  }
  throw new ApiError('not_found', message('resident.notFound'));
}
