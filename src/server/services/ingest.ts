// Receiving pushed assessments exactly once. The network is at-least-once (a device retries
// until it holds a receipt), so ingest is idempotent on (organisation, assessment id): a record
// seen before changes nothing, a higher revision replaces the held one (which moves to the
// history, never destroyed), and every answer carries the receipt of the revision the server
// holds. Each record is its own transaction: a failure never leaves half a record behind.
import { and, eq } from 'drizzle-orm';
import type { Assessment, AssessmentScores } from '../../domain/index.ts';
import type { PushRequest, PushResult, Receipt } from '../../shared/protocol.ts';
import type { Database } from '../db/database.ts';
import { assessmentHistory, assessments } from '../db/schema.ts';
import type { Identity } from './identity.ts';
import { checkRecord } from './record-check.ts';

export async function ingest(
  db: Database,
  from: Identity,
  request: PushRequest,
  now: Date,
): Promise<PushResult[]> {
  const results: PushResult[] = [];
  // In order, one at a time: a batch that holds the same id twice behaves like two pushes.
  for (const record of request.records) {
    const check = checkRecord(record);
    if (check.ok) {
      const receipt = await storeAssessment(db, from, check, now);
      results.push({ id: record.id, status: 'accepted', receipt });
    } else {
      results.push({ id: record.id, status: 'rejected', code: check.code, message: check.message });
    }
  }
  return results;
}

export async function storeAssessment(
  db: Database,
  from: Identity,
  valid: { assessment: Assessment; scores: AssessmentScores },
  now: Date,
): Promise<Receipt> {
  const { assessment, scores } = valid;
  const key = and(
    eq(assessments.organisationId, from.organisation.id),
    eq(assessments.id, assessment.id),
  );
  const current = {
    revision: assessment.revision,
    payload: assessment,
    scores,
    deviceId: from.device.id,
    personId: from.person.id,
    receivedAt: now,
  };
  const held = { revision: assessments.revision, receivedAt: assessments.receivedAt };
  const receipt = (row: { revision: number; receivedAt: Date }): Receipt => ({
    id: assessment.id,
    revision: row.revision,
    receivedAt: row.receivedAt.toISOString(),
  });

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
    if (inserted) return receipt(inserted);

    const [existing] = await tx.select().from(assessments).where(key).for('update');
    if (!existing) throw new Error(`Assessment ${assessment.id} conflicted but cannot be read.`);
    if (existing.revision >= assessment.revision) return receipt(existing);

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
    return receipt(updated ?? current);
  });
}
