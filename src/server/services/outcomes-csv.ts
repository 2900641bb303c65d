// Outcome events counted per programme, period and kind, as a CSV a council can put into its
// cost-benefit model. Labels are English, as every CSV header and code is.
import { stringify } from 'csv-stringify/sync';
import {
  BUILT_IN_OUTCOMES,
  BUILT_IN_OUTCOME_LABELS,
  outcomeCounts,
  type Period,
} from '../../domain/index.ts';
import type { Executor } from '../db/database.ts';
import { outcomeRecords } from './cohort.ts';
import { readSettings } from './settings.ts';
import { CSV_OPTIONS } from './assessments-csv.ts';

export const OUTCOME_CSV_HEADER = ['programme', 'period', 'outcome', 'label', 'count'] as const;

export async function outcomesCsv(
  ex: Executor,
  organisationId: string,
  options: { period: Period; programme: string | undefined },
): Promise<string> {
  const [records, settings] = await Promise.all([
    outcomeRecords(ex, organisationId, options.programme),
    readSettings(ex, organisationId),
  ]);
  const labels = new Map<string, string>(
    BUILT_IN_OUTCOMES.map((kind) => [kind, BUILT_IN_OUTCOME_LABELS[kind].en]),
  );
  for (const kind of settings.outcomeTypes) labels.set(kind.id, kind.label.en);
  const rows = outcomeCounts(records, options.period).map((count) => [
    count.programme,
    count.period,
    count.type,
    // A kind the organisation has since removed keeps its count, without a label.
    labels.get(count.type) ?? '',
    count.count,
  ]);
  return stringify(rows, { ...CSV_OPTIONS, columns: [...OUTCOME_CSV_HEADER] });
}
