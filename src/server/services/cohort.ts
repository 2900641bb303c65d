// What the organisation's received assessments say over time: one resident's visits, the
// programmes they are tagged with, and the records the dashboard computes its figures from.
// Always within one organisation: another organisation's resident or programme is simply absent.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import {
  bankV1,
  encodeAnswers,
  type Answers,
  type Assessment,
  type Outcome,
} from '../../domain/index.ts';
import type { CohortQuery, CohortRecord, ProgrammeSummary } from '../../shared/council-api.ts';
import { rowsOf, type Executor } from '../db/database.ts';
import { assessments } from '../db/schema.ts';

const date = sql<string>`${assessments.payload}->>'date'`;
const createdAt = sql`(${assessments.payload}->>'createdAt')::bigint`;

/** The held revision of each of the resident's assessments, earliest first. */
export async function residentHistory(
  ex: Executor,
  organisationId: string,
  residentRef: string,
): Promise<Assessment[]> {
  const rows = await ex
    .select({ payload: assessments.payload })
    .from(assessments)
    .where(
      and(eq(assessments.organisationId, organisationId), eq(assessments.residentRef, residentRef)),
    )
    .orderBy(asc(date), asc(createdAt), asc(assessments.id));
  return rows.map((row) => row.payload);
}

export async function listProgrammes(
  ex: Executor,
  organisationId: string,
): Promise<ProgrammeSummary[]> {
  const result = await ex.execute(sql`
    SELECT programme,
           count(*)::int AS assessments,
           -- An assessment without a reference is a resident of its own.
           count(DISTINCT coalesce(resident_ref, 'assessment:' || id))::int AS residents,
           coalesce(
             array_agg(DISTINCT payload->>'venueName' ORDER BY payload->>'venueName')
               FILTER (WHERE payload->>'venueName' IS NOT NULL),
             '{}'
           ) AS "venueNames",
           min(payload->>'date') AS "firstDate",
           max(payload->>'date') AS "lastDate"
    FROM ${assessments}
    WHERE organisation_id = ${organisationId}
    GROUP BY programme
    ORDER BY programme`);
  return rowsOf<ProgrammeSummary>(result);
}

/** Where clause of a cohort: absent filters select everything; programme '' is untagged. */
export function cohortWhere(organisationId: string, query: CohortQuery): SQL {
  const conditions: SQL[] = [sql`organisation_id = ${organisationId}`];
  if (query.programme !== undefined) conditions.push(sql`programme = ${query.programme}`);
  if (query.venueName !== undefined) {
    conditions.push(sql`payload->>'venueName' = ${query.venueName}`);
  }
  if (query.from !== undefined) conditions.push(sql`payload->>'date' >= ${query.from}`);
  if (query.to !== undefined) conditions.push(sql`payload->>'date' <= ${query.to}`);
  return sql.join(conditions, sql` AND `);
}

/**
 * Only the parts of each payload the figures need, earliest first, the answers in their compact
 * form. The rows are not parsed again: they were validated against the bank when received, and
 * parsing 10,000 again would cost more than the query. (Having the database write the JSON was
 * slower still: its text has a space after every colon, and the answer grew by a fifth.)
 */
export async function cohortRecords(
  ex: Executor,
  organisationId: string,
  query: CohortQuery,
): Promise<CohortRecord[]> {
  const result = await ex.execute(sql`
    SELECT id,
           resident_ref AS "residentRef",
           payload->>'date' AS date,
           payload->'answers' AS answers,
           coalesce(payload->'outcomes', '[]'::jsonb) AS outcomes
    FROM ${assessments}
    WHERE ${cohortWhere(organisationId, query)}
    ORDER BY payload->>'date', (payload->>'createdAt')::bigint, id`);
  return rowsOf<Omit<CohortRecord, 'answers'> & { answers: Answers }>(result).map((row) => ({
    ...row,
    answers: encodeAnswers(row.answers, bankV1),
  }));
}

export interface OutcomeRecord {
  readonly id: string;
  readonly residentRef: string | null;
  readonly programme: string;
  readonly outcomes: readonly Outcome[];
}

/** The assessments that recorded outcomes, for counting them. */
export async function outcomeRecords(
  ex: Executor,
  organisationId: string,
  programme: string | undefined,
): Promise<OutcomeRecord[]> {
  const result = await ex.execute(sql`
    SELECT id, resident_ref AS "residentRef", programme, payload->'outcomes' AS outcomes
    FROM ${assessments}
    WHERE organisation_id = ${organisationId}
      ${programme === undefined ? sql`` : sql`AND programme = ${programme}`}
      AND jsonb_array_length(coalesce(payload->'outcomes', '[]'::jsonb)) > 0
    ORDER BY id`);
  return rowsOf<OutcomeRecord>(result);
}

/**
 * Each resident's earliest assessment in the programme (an assessment without a reference counts
 * as a resident of its own), with the dates of the earliest and latest of those.
 */
export async function firstVisits(
  ex: Executor,
  organisationId: string,
  programme: string,
): Promise<{ answers: Answers; date: string }[]> {
  const result = await ex.execute(sql`
    SELECT DISTINCT ON (coalesce(resident_ref, 'assessment:' || id))
           payload->'answers' AS answers, payload->>'date' AS date
    FROM ${assessments}
    WHERE organisation_id = ${organisationId} AND programme = ${programme}
    ORDER BY coalesce(resident_ref, 'assessment:' || id),
             payload->>'date', (payload->>'createdAt')::bigint, id`);
  return rowsOf<{ answers: Answers; date: string }>(result);
}
