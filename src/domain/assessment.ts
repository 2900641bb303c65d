/**
 * One assessment as it is kept: who (pseudonymously), where, when, which set, every answer and
 * the versions of the bank and scale it was asked with.
 */
import * as z from 'zod/mini';
import { FACETS, answerSchema, emptyAnswers, type Facet } from './answers.ts';
import { LOCALES, type Bank, type Locale } from './bank/schema.ts';
import { ASSESSMENT_SETS, type AssessmentSet } from './interview.ts';
import { isIsoDate } from './iso-date.ts';
import { MAX_OUTCOMES, outcomeSchema } from './outcomes.ts';

export const VENUES = ['library', 'home-visit', 'community-hub', 'other'] as const;
export type Venue = (typeof VENUES)[number];

export const ASSESSMENT_STATUSES = ['in-progress', 'finished'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Pseudonymous references such as "LIB-0042": letters, digits and a few separators. */
export const RESIDENT_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9 ._/-]{0,39}$/;
export { ISO_DATE_PATTERN, isIsoDate } from './iso-date.ts';

/** A programme or venue name, e.g. "Library drop-in, spring" or "Central Library". */
export const tagSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(80));

/**
 * How the health, disability or language blocker is asked, as the organisation sets it: after a
 * separate explicit consent, or as an optional question with "prefer not to say".
 */
export const HEALTH_QUESTION_MODES = ['separate-consent', 'optional'] as const;
export type HealthQuestionMode = (typeof HEALTH_QUESTION_MODES)[number];

/** What the resident was told and agreed to before the first question. */
export const privacySchema = z.strictObject({
  /** When the worker recorded that the resident heard the privacy notice and agreed to take part. */
  agreedAt: z.number(),
  /** The organisation's mode when the assessment started, kept for the whole assessment. */
  healthQuestion: z.enum(HEALTH_QUESTION_MODES),
  /**
   * The answer to the separate consent question: null in 'optional' mode, and in
   * 'separate-consent' mode until the resident answers it. Only true lets the question be asked.
   */
  healthConsent: z.nullable(z.boolean()),
});
export type Privacy = z.infer<typeof privacySchema>;

const facetAnswers = z.record(z.string().check(z.regex(/^[A-Z]{1,2}\d{1,2}$/)), answerSchema);

export const assessmentSchema = z.strictObject({
  id: z.string().check(z.minLength(1)),
  bankVersion: z.literal(1),
  scaleVersion: z.literal(1),
  residentRef: z.nullable(z.string().check(z.regex(RESIDENT_REF_PATTERN))),
  venue: z.enum(VENUES),
  date: z.string().check(z.refine(isIsoDate, 'not a real date (YYYY-MM-DD)')),
  set: z.enum(ASSESSMENT_SETS),
  /** The language the resident chose for their plan (absent on records made before it was asked). */
  language: z.optional(z.enum(LOCALES)),
  /** The programme this visit belongs to, for the council's cohort figures. */
  programme: z.optional(tagSchema),
  /** Where it took place, by name ("Central Library"); `venue` is the kind of place. */
  venueName: z.optional(tagSchema),
  /**
   * What the resident has done since, recorded by the worker with its date. Adding one to a
   * finished assessment makes a new revision, which is sent like any other.
   */
  outcomes: z.optional(z.array(outcomeSchema).check(z.maxLength(MAX_OUTCOMES))),
  /** Absent on records made before the privacy notice was shown. */
  privacy: z.optional(privacySchema),
  answers: z.strictObject({
    basics: facetAnswers,
    blockers: facetAnswers,
    skill: facetAnswers,
    interest: facetAnswers,
  }),
  status: z.enum(ASSESSMENT_STATUSES),
  /** Index of the step the person was last on, so reopening resumes there. */
  step: z.number().check(z.int(), z.minimum(0)),
  createdAt: z.number(),
  updatedAt: z.number(),
  /** Counts every change on the device: guards concurrent writers, orders versions in sync. */
  revision: z.number().check(z.int(), z.minimum(1)),
  finishedAt: z.nullable(z.number()),
});

export type Assessment = z.infer<typeof assessmentSchema>;

export interface NewAssessmentInput {
  readonly residentRef: string | null;
  readonly venue: Venue;
  readonly date: string;
  readonly set: AssessmentSet;
  readonly language: Locale;
  readonly programme?: string | undefined;
  readonly venueName?: string | undefined;
}

/** Ids and time come from the caller: the domain has no clock and no randomness. */
export function newAssessment(
  input: NewAssessmentInput,
  context: { readonly id: string; readonly now: number },
): Assessment {
  return {
    id: context.id,
    bankVersion: 1,
    scaleVersion: 1,
    residentRef: input.residentRef,
    venue: input.venue,
    date: input.date,
    set: input.set,
    language: input.language,
    ...(input.programme ? { programme: input.programme } : {}),
    ...(input.venueName ? { venueName: input.venueName } : {}),
    answers: emptyAnswers(),
    status: 'in-progress',
    step: 0,
    createdAt: context.now,
    updatedAt: context.now,
    revision: 1,
    finishedAt: null,
  };
}

/** Answers to items the bank does not have, as "facet.itemId": the record is not this bank's. */
export function unknownItems(assessment: Assessment, bank: Bank): string[] {
  const known: Record<Facet, ReadonlySet<string>> = {
    basics: new Set(bank.basics.map((i) => i.id)),
    blockers: new Set(bank.blockers.map((i) => i.id)),
    skill: new Set(bank.skills.map((s) => s.id)),
    interest: new Set(bank.skills.map((s) => s.id)),
  };
  return FACETS.flatMap((facet) =>
    Object.keys(assessment.answers[facet])
      .filter((id) => !known[facet].has(id))
      .map((id) => `${facet}.${id}`),
  );
}
