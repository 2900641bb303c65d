/**
 * Outcome kinds and their counts per programme and period, so a council can value them in a
 * cost-benefit model. Doorstep ships a few kinds; an organisation adds its own.
 */
import * as z from 'zod/mini';
import { OUTCOME_ID_PATTERN, type Outcome } from './outcomes.ts';

export const BUILT_IN_OUTCOMES = [
  'banks-online',
  'gp-appointment-online',
  'social-tariff',
  'got-device',
  'job-application-online',
  'benefits-online',
  'video-calls',
] as const;
export type BuiltInOutcome = (typeof BUILT_IN_OUTCOMES)[number];

const label = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/** A kind of outcome an organisation adds, worded in both languages. */
export const outcomeTypeSchema = z.strictObject({
  id: z.string().check(z.regex(OUTCOME_ID_PATTERN)),
  label: z.strictObject({ en: label, cy: label }),
});
export type OutcomeType = z.infer<typeof outcomeTypeSchema>;

/** The built-in kinds in words, as an organisation words its own (`OutcomeType.label`). */
export const BUILT_IN_OUTCOME_LABELS: Readonly<
  Record<BuiltInOutcome, { readonly en: string; readonly cy: string }>
> = {
  'banks-online': { en: 'Now banks online', cy: 'Bellach yn bancio ar-lein' },
  'gp-appointment-online': {
    en: 'Booked a GP appointment online',
    cy: 'Wedi trefnu apwyntiad meddyg teulu ar-lein',
  },
  'social-tariff': { en: 'On a social tariff', cy: 'Ar dariff cymdeithasol' },
  'got-device': { en: 'Got a device', cy: 'Wedi cael dyfais' },
  'job-application-online': {
    en: 'Applied for a job online',
    cy: 'Wedi gwneud cais am swydd ar-lein',
  },
  'benefits-online': { en: 'Manages benefits online', cy: 'Yn rheoli budd-daliadau ar-lein' },
  'video-calls': {
    en: 'Makes video calls to family or friends',
    cy: "Yn gwneud galwadau fideo i'r teulu neu ffrindiau",
  },
};

/** Welsh of built-in kinds a professional translator should check. */
export const OUTCOME_LABELS_NEEDING_REVIEW: readonly BuiltInOutcome[] = [
  'gp-appointment-online',
  'social-tariff',
  'benefits-online',
];

const isBuiltIn = (type: string): type is BuiltInOutcome =>
  Object.hasOwn(BUILT_IN_OUTCOME_LABELS, type);

/** A kind in words: built in or the organisation's own; its id when neither (a removed kind). */
export function outcomeLabel(
  type: string,
  language: 'en' | 'cy',
  own: readonly OutcomeType[],
): string {
  if (isBuiltIn(type)) return BUILT_IN_OUTCOME_LABELS[type][language];
  return own.find((kind) => kind.id === type)?.label[language] ?? type;
}

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** "2026-05-14" → "2026-05", "2026-Q2" or "2026"; UK financial years are a council's choice later. */
export function periodOf(date: string, period: Period): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (period) {
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${year}-Q${Math.ceil(month / 3)}`;
    case 'year':
      return year;
  }
}

export interface OutcomeCount {
  /** Empty when the assessment had no programme. */
  readonly programme: string;
  readonly period: string;
  readonly type: string;
  readonly count: number;
}

/**
 * Outcome events counted per programme, period (of the outcome's own date) and kind. The same
 * kind on the same date for the same resident counts once, however many visits recorded it.
 */
export function outcomeCounts(
  records: readonly {
    readonly residentRef: string | null;
    readonly id: string;
    readonly programme?: string | undefined;
    readonly outcomes?: readonly Outcome[] | undefined;
  }[],
  period: Period,
): OutcomeCount[] {
  const seen = new Set<string>();
  const counts = new Map<string, OutcomeCount>();
  for (const record of records) {
    const programme = record.programme ?? '';
    for (const outcome of record.outcomes ?? []) {
      const who = record.residentRef ?? `assessment:${record.id}`;
      const event = JSON.stringify([programme, who, outcome.type, outcome.date]);
      if (seen.has(event)) continue;
      seen.add(event);
      const at = periodOf(outcome.date, period);
      const key = JSON.stringify([programme, at, outcome.type]);
      const held = counts.get(key);
      counts.set(key, {
        programme,
        period: at,
        type: outcome.type,
        count: (held?.count ?? 0) + 1,
      });
    }
  }
  return [...counts.values()].sort(
    (a, b) =>
      a.programme.localeCompare(b.programme) ||
      a.period.localeCompare(b.period) ||
      a.type.localeCompare(b.type),
  );
}
