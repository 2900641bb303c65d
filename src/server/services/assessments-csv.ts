// The received assessments as one CSV for the council's own analysis: one row per assessment,
// one column per question and per score. Columns come from the question bank, so the header
// and the rows cannot disagree. Streamed: the database is read a page at a time and each row
// written as it comes, so 10,000 assessments never sit in memory as one file.
import { Readable, Transform, pipeline } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import { and, desc, eq, sql } from 'drizzle-orm';
import {
  PLAN_LENGTH,
  bankV1,
  type Bank,
  type Facet,
  type SectionScore,
} from '../../domain/index.ts';
import type { Executor } from '../db/database.ts';
import { assessments, devices, people } from '../db/schema.ts';
import {
  RECEIVED,
  SENT_BY_DEVICE,
  SENT_BY_PERSON,
  type ReceivedAssessment,
} from './assessments.ts';

type Cell = string | number | null;

interface Column {
  readonly header: string;
  readonly value: (row: ReceivedAssessment) => Cell;
}

const SECTIONS: readonly Facet[] = ['basics', 'blockers', 'skill', 'interest'];
const yesNo = (flag: boolean) => (flag ? 'yes' : 'no');

function columnsFor(bank: Bank): Column[] {
  const answer = (facet: Facet, itemId: string, header: string): Column => ({
    header,
    // A non-answer is written as its code ("dont-know"); a question not asked stays empty.
    value: (row) => row.payload.answers[facet][itemId] ?? null,
  });
  const section = (facet: Facet, field: keyof SectionScore, header: string): Column => ({
    header,
    value: (row) => {
      const value = row.scores.sections[facet][field];
      return typeof value === 'boolean' ? yesNo(value) : value;
    },
  });
  const planItem = (index: number): Column[] => {
    const n = index + 1;
    const at = (row: ReceivedAssessment) => row.scores.plan[index];
    return [
      { header: `plan_${n}`, value: (row) => at(row)?.skillId ?? null },
      { header: `plan_${n}_priority`, value: (row) => at(row)?.priority ?? null },
      { header: `plan_${n}_band`, value: (row) => at(row)?.band ?? null },
    ];
  };

  return [
    { header: 'assessment_id', value: (row) => row.payload.id },
    { header: 'revision', value: (row) => row.revision },
    { header: 'device_id', value: (row) => row.device.id },
    { header: 'device_name', value: (row) => row.device.name },
    { header: 'person_id', value: (row) => row.person.id },
    { header: 'person_name', value: (row) => row.person.name },
    { header: 'received_at', value: (row) => row.receivedAt.toISOString() },
    { header: 'first_received_at', value: (row) => row.firstReceivedAt.toISOString() },
    { header: 'resident_ref', value: (row) => row.payload.residentRef },
    { header: 'date', value: (row) => row.payload.date },
    { header: 'venue', value: (row) => row.payload.venue },
    { header: 'programme', value: (row) => row.payload.programme ?? null },
    { header: 'venue_name', value: (row) => row.payload.venueName ?? null },
    { header: 'set', value: (row) => row.payload.set },
    // The language the resident chose for their plan; empty on records made before it was asked.
    { header: 'language', value: (row) => row.payload.language ?? null },
    { header: 'bank_version', value: (row) => row.payload.bankVersion },
    { header: 'scale_version', value: (row) => row.payload.scaleVersion },
    // "banks-online 2026-05-01; got-device 2026-06-02": one cell a spreadsheet can still filter.
    {
      header: 'outcomes',
      value: (row) =>
        (row.payload.outcomes ?? []).map((o) => `${o.type} ${o.date}`).join('; ') || null,
    },
    // What the resident agreed to; empty on records made before the privacy notice was shown.
    {
      header: 'privacy_agreed_at',
      value: (row) => {
        const at = row.payload.privacy?.agreedAt;
        return at === undefined ? null : new Date(at).toISOString();
      },
    },
    { header: 'health_question_mode', value: (row) => row.payload.privacy?.healthQuestion ?? null },
    // yes or no to the separate consent; empty when none was asked for or it was left unanswered.
    {
      header: 'health_consent',
      value: (row) => {
        const consent = row.payload.privacy?.healthConsent;
        return consent === undefined || consent === null ? null : yesNo(consent);
      },
    },
    ...bank.basics.map((item) => answer('basics', item.id, item.id)),
    ...bank.blockers.map((item) => answer('blockers', item.id, item.id)),
    ...bank.skills.map((skill) => answer('skill', skill.id, `skill_${skill.id}`)),
    ...bank.skills.map((skill) => answer('interest', skill.id, `interest_${skill.id}`)),
    ...SECTIONS.flatMap((facet) => [
      section(facet, 'score', `${facet}_score`),
      section(facet, 'answered', `${facet}_answered`),
      section(facet, 'lowCoverage', `${facet}_low_coverage`),
    ]),
    ...Array.from({ length: PLAN_LENGTH }, (_, index) => planItem(index)).flat(),
  ];
}

const COLUMNS = columnsFor(bankV1);
export const CSV_HEADER: readonly string[] = COLUMNS.map((column) => column.header);

export const CSV_OPTIONS = {
  header: true,
  // Excel reads UTF-8 (names such as Siân) only with a byte order mark.
  bom: true,
  // A name such as "=HYPERLINK(…)" must stay text in a spreadsheet, never run as a formula.
  cast: { string: (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
} satisfies Options;

/** Rows read per query: small enough to stream, large enough that the queries cost little. */
export const CSV_PAGE_SIZE = 500;

/** Most recently received first, as the list shows them. */
export function assessmentsCsv(
  ex: Executor,
  organisationId: string,
  onError: (error: Error) => void,
  pageSize: number = CSV_PAGE_SIZE,
): Readable {
  const rows = Readable.from(receivedPages(ex, organisationId, pageSize));
  const csv = stringify({ ...CSV_OPTIONS, columns: CSV_HEADER.map(String) });
  // A failure half way ends the download early (the client sees a cut-off body), and is logged.
  return pipeline(rows, csv, coalesce(CHUNK_BYTES), (error) => {
    if (error) onError(error);
  });
}

/** Characters written at a time: each write costs a compression call and a socket write. */
const CHUNK_BYTES = 64 * 1024;

/** The stringifier writes one small string per row; these are passed on in larger chunks. */
function coalesce(size: number): Transform {
  let held = '';
  return new Transform({
    // Joined as strings: one buffer per chunk rather than one per row.
    decodeStrings: false,
    transform(chunk: string | Buffer, _encoding, done) {
      held += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      if (held.length >= size) {
        this.push(held, 'utf8');
        held = '';
      }
      done();
    },
    flush(done) {
      if (held) this.push(held, 'utf8');
      done();
    },
  });
}

/**
 * Pages by keyset on (received_at, id), descending: no cursor is held open between pages, which
 * the embedded database could not do, and each page starts where the last ended.
 */
async function* receivedPages(
  ex: Executor,
  organisationId: string,
  pageSize: number,
): AsyncGenerator<Cell[]> {
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const page: (ReceivedAssessment & { at: string; rowId: string })[] = await ex
      .select({
        ...RECEIVED,
        // The database's own text of the time, so the next page starts exactly after it.
        at: sql<string>`${assessments.receivedAt}::text`,
        rowId: assessments.id,
      })
      .from(assessments)
      .innerJoin(devices, SENT_BY_DEVICE)
      .innerJoin(people, SENT_BY_PERSON)
      .where(
        and(
          eq(assessments.organisationId, organisationId),
          after
            ? sql`(${assessments.receivedAt}, ${assessments.id}) < (${after.at}::timestamptz, ${after.id})`
            : undefined,
        ),
      )
      .orderBy(desc(assessments.receivedAt), desc(assessments.id))
      .limit(pageSize);
    for (const row of page) yield COLUMNS.map((column) => column.value(row));
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { at: last.at, id: last.rowId };
  }
}
