// The received assessments as one CSV for the council's own analysis: one row per assessment,
// one column per question and per score. Columns come from the question bank, so the header
// and the rows cannot disagree.
import { stringify } from 'csv-stringify/sync';
import {
  PLAN_LENGTH,
  bankV1,
  type Bank,
  type Facet,
  type SectionScore,
} from '../../domain/index.ts';
import type { ReceivedAssessment } from './assessments.ts';

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
    { header: 'set', value: (row) => row.payload.set },
    // The language the resident chose for their plan; empty on records made before it was asked.
    { header: 'language', value: (row) => row.payload.language ?? null },
    { header: 'bank_version', value: (row) => row.payload.bankVersion },
    { header: 'scale_version', value: (row) => row.payload.scaleVersion },
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

export function assessmentsCsv(rows: readonly ReceivedAssessment[]): string {
  return stringify(
    rows.map((row) => COLUMNS.map((column) => column.value(row))),
    {
      header: true,
      columns: CSV_HEADER.map(String),
      // Excel reads UTF-8 (names such as Siân) only with a byte order mark.
      bom: true,
      // A name such as "=HYPERLINK(…)" must stay text in a spreadsheet, never run as a formula.
      cast: { string: (value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) },
    },
  );
}
