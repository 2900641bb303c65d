// Receiving pushed assessments exactly once. The network is at-least-once (a device retries
// until it holds a receipt), so ingest is idempotent on (organisation, assessment id): a record
// seen before changes nothing, a higher revision replaces the held one (which moves to the
// history, never destroyed), and every answer carries the receipt of the revision the server
// holds. No write ever leaves half a record behind.
import { and, eq } from 'drizzle-orm';
import type { Assessment, AssessmentScores } from '../../domain/index.ts';
import type { PushRequest, PushResult, Receipt } from '../../shared/protocol.ts';
import type { Database } from '../db/database.ts';
import { assessmentHistory, assessments, type StoredScores } from '../db/schema.ts';
import type { Message } from '../messages.ts';
import type { Identity } from './identity.ts';
import type { NewRecords } from './new-records.ts';
import { checkRecord } from './record-check.ts';

/** A push result whose rejection is not yet in words: the route renders it for the reader. */
export type IngestResult =
  | Extract<PushResult, { status: 'accepted' }>
  | (Omit<Extract<PushResult, { status: 'rejected' }>, 'message'> & { readonly message: Message });

interface ValidRecord {
  readonly assessment: Assessment;
  readonly scores: AssessmentScores;
}

export async function ingest(
  db: Database,
  newRecords: NewRecords,
  from: Identity,
  request: PushRequest,
  now: Date,
): Promise<IngestResult[]> {
  const results: (IngestResult | ValidRecord)[] = request.records.map((record) => {
    const check = checkRecord(record);
    return check.ok
      ? check
      : { id: record.id, status: 'rejected', code: check.code, message: check.message };
  });

  // Almost every record is new: insert those in one statement (with those of other pushes
  // arriving together, see new-records.ts). The first record of each id
  // goes in; whatever that leaves (ids held already, repeats within the batch) then goes one
  // at a time, in order, so a batch that holds the same id twice behaves like two pushes.
  const first = new Map<string, ValidRecord>();
  for (const r of results) {
    if ('assessment' in r && !first.has(r.assessment.id)) first.set(r.assessment.id, r);
  }
  const inserted = await newRecords.insert(
    [...first.values()].map(({ assessment, scores }) => ({
      organisationId: from.organisation.id,
      deviceId: from.device.id,
      personId: from.person.id,
      assessment,
      scores: storedScores(scores),
    })),
    now,
  );

  const answered: IngestResult[] = [];
  for (const r of results) {
    if (!('assessment' in r)) {
      answered.push(r);
      continue;
    }
    const id = r.assessment.id;
    const receipt = inserted.get(id) ?? (await storeAssessment(db, from, r, now));
    inserted.delete(id);
    answered.push({ id, status: 'accepted', receipt });
  }
  return answered;
}

/** The columns that change when a revision is stored. */
function heldRevision(from: Identity, assessment: Assessment, scores: AssessmentScores, now: Date) {
  return {
    revision: assessment.revision,
    payload: assessment,
    scores: storedScores(scores),
    deviceId: from.device.id,
    personId: from.person.id,
    receivedAt: now,
  };
}

/** What the server keeps of the scores: the rest is recomputed from the answers when needed. */
const storedScores = ({ sections, plan }: AssessmentScores): StoredScores => ({ sections, plan });

const receiptOf = (row: { id: string; revision: number; receivedAt: Date }): Receipt => ({
  id: row.id,
  revision: row.revision,
  receivedAt: row.receivedAt.toISOString(),
});

async function storeAssessment(
  db: Database,
  from: Identity,
  valid: ValidRecord,
  now: Date,
): Promise<Receipt> {
  const { assessment, scores } = valid;
  const key = and(
    eq(assessments.organisationId, from.organisation.id),
    eq(assessments.id, assessment.id),
  );
  const current = heldRevision(from, assessment, scores, now);
  const held = {
    id: assessments.id,
    revision: assessments.revision,
    receivedAt: assessments.receivedAt,
  };

  return db.transaction(async (tx) => {
    // A concurrent insert of the same id waits here until the other commits, then conflicts.
    const [inserted] = await tx
      .insert(assessments)
      .values({
        organisationId: from.organisation.id,
        id: assessment.id,
        ...current,
        firstReceivedAt: now,
      })
      .onConflictDoNothing()
      .returning(held);
    if (inserted) return receiptOf(inserted);

    const [existing] = await tx.select().from(assessments).where(key).for('update');
    if (!existing) throw new Error(`Assessment ${assessment.id} conflicted but cannot be read.`);
    if (existing.revision >= assessment.revision) return receiptOf(existing);

    await tx.insert(assessmentHistory).values({
      organisationId: existing.organisationId,
      id: existing.id,
      revision: existing.revision,
      payload: existing.payload,
      scores: existing.scores,
      deviceId: existing.deviceId,
      personId: existing.personId,
      receivedAt: existing.receivedAt,
      replacedAt: now,
    });
    const [updated] = await tx.update(assessments).set(current).where(key).returning(held);
    return receiptOf(updated ?? { id: assessment.id, ...current });
  });
}
