// Receiving pushed assessments exactly once. The network is at-least-once (a device retries
// until it holds a receipt), so ingest is idempotent on (organisation, assessment id): a record
// seen before changes nothing, a higher revision replaces the held one (which moves to the
// history, never destroyed), and every answer carries the receipt of the revision the server
// holds. No write ever leaves half a record behind.
import { and, eq, sql } from 'drizzle-orm';
import type { Assessment, AssessmentScores } from '../../domain/index.ts';
import type { PushRequest, PushResult, Receipt } from '../../shared/protocol.ts';
import { rowsOf, type Database } from '../db/database.ts';
import { assessmentHistory, assessments, type StoredScores } from '../db/schema.ts';
import type { Message } from '../messages.ts';
import type { Identity } from './identity.ts';
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

  // Almost every record is new: insert those in one statement. The first record of each id
  // goes in; whatever that leaves (ids held already, repeats within the batch) then goes one
  // at a time, in order, so a batch that holds the same id twice behaves like two pushes.
  const first = new Map<string, ValidRecord>();
  for (const r of results) {
    if ('assessment' in r && !first.has(r.assessment.id)) first.set(r.assessment.id, r);
  }
  const inserted = await insertNew(db, from, [...first.values()], now);

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

/** Inserts the records whose id the server does not hold yet; their receipts, by id. */
async function insertNew(
  db: Database,
  from: Identity,
  records: readonly ValidRecord[],
  now: Date,
): Promise<Map<string, Receipt>> {
  if (records.length === 0) return new Map();
  // The whole batch travels as one JSON parameter that the database unpacks into rows: building
  // a statement with a parameter per column per record cost more than checking the records.
  // Sorted, so that two batches that overlap lock their rows in the same order.
  const rows = JSON.stringify(
    records.map(({ assessment, scores }) => ({
      id: assessment.id,
      revision: assessment.revision,
      payload: assessment,
      scores: storedScores(scores),
    })),
  );
  const at = now.toISOString();
  const result = await db.execute(sql`
    INSERT INTO ${assessments} (
      organisation_id, id, revision, payload, scores, device_id, person_id,
      received_at, first_received_at
    )
    SELECT ${from.organisation.id}::uuid, r.id, r.revision, r.payload, r.scores,
      ${from.device.id}::uuid, ${from.person.id}::uuid, ${at}::timestamptz, ${at}::timestamptz
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(id text, revision bigint, payload jsonb, scores jsonb)
    ORDER BY r.id
    ON CONFLICT DO NOTHING
    RETURNING id, revision`);
  return new Map(
    rowsOf<{ id: string; revision: number | string }>(result).map((row) => [
      row.id,
      { id: row.id, revision: Number(row.revision), receivedAt: at },
    ]),
  );
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
