// Joins the new records of pushes that arrive together into one INSERT. With a hundred devices
// each sending one assessment, a statement and a commit per push cost PostgreSQL and the
// server more than the records themselves. A push never waits for others to join it: while
// fewer than `maxInFlight` statements run, it goes at once; only when they are all busy do the
// pushes that arrive meanwhile queue, and then go together in the next statement.
import { sql } from 'drizzle-orm';
import type { Assessment } from '../../domain/index.ts';
import type { Receipt } from '../../shared/protocol.ts';
import { rowsOf, type Database } from '../db/database.ts';
import { assessments, type StoredScores } from '../db/schema.ts';

/** A record the server does not hold yet, as far as its push knows. */
export interface NewRecord {
  readonly organisationId: string;
  readonly deviceId: string;
  readonly personId: string;
  readonly assessment: Assessment;
  readonly scores: StoredScores;
}

interface Waiting {
  readonly records: readonly NewRecord[];
  readonly receivedAt: string;
  readonly resolve: (receipts: Map<string, Receipt>) => void;
  readonly reject: (error: unknown) => void;
}

/** Rows in one statement at most: a few pushes of 100 under load, one push otherwise. */
const MAX_ROWS = 1_000;

const keyOf = (organisationId: string, id: string) => `${organisationId} ${id}`;

export class NewRecords {
  readonly #db: Database;
  readonly #maxInFlight: number;
  readonly #queue: Waiting[] = [];
  #inFlight = 0;

  constructor(db: Database, maxInFlight = 2) {
    this.#db = db;
    this.#maxInFlight = maxInFlight;
  }

  /**
   * Inserts the records whose (organisation, id) the server does not hold yet, all or none;
   * the receipts of those it inserted, by id. Ids must be distinct within one call.
   */
  insert(records: readonly NewRecord[], receivedAt: Date): Promise<Map<string, Receipt>> {
    if (records.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      this.#queue.push({ records, receivedAt: receivedAt.toISOString(), resolve, reject });
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#inFlight < this.#maxInFlight && this.#queue.length > 0) {
      const flight = this.#take();
      this.#inFlight += 1;
      void this.#write(flight).finally(() => {
        this.#inFlight -= 1;
        this.#pump();
      });
    }
  }

  /**
   * The waiting pushes, in order, up to the first that would put an (organisation, id) in the
   * statement twice: which of two rows PostgreSQL keeps is not defined, and each push must know
   * whether its own record went in.
   */
  #take(): Waiting[] {
    const keys = new Set<string>();
    const flight: Waiting[] = [];
    let rows = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0] as Waiting;
      const nextKeys = next.records.map((r) => keyOf(r.organisationId, r.assessment.id));
      const fits = flight.length === 0 || rows + next.records.length <= MAX_ROWS;
      if (!fits || nextKeys.some((k) => keys.has(k))) break;
      for (const k of nextKeys) keys.add(k);
      rows += next.records.length;
      flight.push(next);
      this.#queue.shift();
    }
    return flight;
  }

  async #write(flight: readonly Waiting[]): Promise<void> {
    try {
      // The batch travels as one JSON parameter that the database unpacks into rows: a
      // parameter per column per record cost more than checking the records. Sorted, so that
      // two statements that overlap lock their rows in the same order.
      const rows = JSON.stringify(
        flight.flatMap((waiting) =>
          waiting.records.map((r) => ({
            organisation_id: r.organisationId,
            id: r.assessment.id,
            revision: r.assessment.revision,
            payload: r.assessment,
            scores: r.scores,
            device_id: r.deviceId,
            person_id: r.personId,
            received_at: waiting.receivedAt,
          })),
        ),
      );
      const result = await this.#db.execute(sql`
        INSERT INTO ${assessments} (
          organisation_id, id, revision, payload, scores, device_id, person_id,
          received_at, first_received_at
        )
        SELECT r.organisation_id, r.id, r.revision, r.payload, r.scores, r.device_id,
          r.person_id, r.received_at, r.received_at
        FROM jsonb_to_recordset(${rows}::jsonb) AS r(
          organisation_id uuid, id text, revision bigint, payload jsonb, scores jsonb,
          device_id uuid, person_id uuid, received_at timestamptz
        )
        ORDER BY r.organisation_id, r.id
        ON CONFLICT DO NOTHING
        RETURNING organisation_id, id, revision`);
      const inserted = new Map(
        rowsOf<{ organisation_id: string; id: string; revision: number | string }>(result).map(
          (row) => [keyOf(row.organisation_id, row.id), Number(row.revision)],
        ),
      );
      for (const waiting of flight) {
        const receipts = new Map<string, Receipt>();
        for (const r of waiting.records) {
          const revision = inserted.get(keyOf(r.organisationId, r.assessment.id));
          if (revision !== undefined) {
            receipts.set(r.assessment.id, {
              id: r.assessment.id,
              revision,
              receivedAt: waiting.receivedAt,
            });
          }
        }
        waiting.resolve(receipts);
      }
    } catch (error) {
      // One statement: nothing of any of these pushes was written, and each is told so.
      for (const waiting of flight) waiting.reject(error);
    }
  }
}
