// The council's view of what has been received: the revision held of each assessment, with who
// sent it and the scores the server computed. Always within one organisation.
import { and, desc, eq } from 'drizzle-orm';
import type { Assessment } from '../../domain/index.ts';
import type { AssessmentSummary } from '../../shared/council-api.ts';
import type { Database } from '../db/database.ts';
import { assessments, devices, people, type StoredScores } from '../db/schema.ts';

export interface ReceivedAssessment {
  readonly revision: number;
  readonly payload: Assessment;
  readonly scores: StoredScores;
  readonly receivedAt: Date;
  readonly firstReceivedAt: Date;
  readonly device: { readonly id: string; readonly name: string };
  readonly person: { readonly id: string; readonly name: string };
}

/** The columns of a received assessment, read with its device and person joined as below. */
export const RECEIVED = {
  revision: assessments.revision,
  payload: assessments.payload,
  scores: assessments.scores,
  receivedAt: assessments.receivedAt,
  firstReceivedAt: assessments.firstReceivedAt,
  device: { id: devices.id, name: devices.name },
  person: { id: people.id, name: people.name },
};
/** The device and person that sent an assessment, always of its own organisation. */
export const SENT_BY_DEVICE = and(
  eq(devices.organisationId, assessments.organisationId),
  eq(devices.id, assessments.deviceId),
);
export const SENT_BY_PERSON = and(
  eq(people.organisationId, assessments.organisationId),
  eq(people.id, assessments.personId),
);

/** Most recently received first. */
export async function listReceived(
  db: Database,
  organisationId: string,
): Promise<ReceivedAssessment[]> {
  return db
    .select(RECEIVED)
    .from(assessments)
    .innerJoin(devices, SENT_BY_DEVICE)
    .innerJoin(people, SENT_BY_PERSON)
    .where(eq(assessments.organisationId, organisationId))
    .orderBy(desc(assessments.receivedAt), desc(assessments.id));
}

export function toSummary(row: ReceivedAssessment): AssessmentSummary {
  const { payload, scores } = row;
  return {
    id: payload.id,
    revision: row.revision,
    receivedAt: row.receivedAt.toISOString(),
    firstReceivedAt: row.firstReceivedAt.toISOString(),
    device: row.device,
    person: row.person,
    residentRef: payload.residentRef,
    date: payload.date,
    venue: payload.venue,
    set: payload.set,
    sections: scores.sections,
    plan: scores.plan.map(({ skillId, headingId, priority, band }) => ({
      skillId,
      headingId,
      priority,
      band,
    })),
  };
}
