/**
 * What a person can answer. A score is 0–4; everything else is a kept non-answer that never
 * counts as zero (ASSESSMENT.md, "Answers that are not scores").
 */
import * as z from 'zod/mini';

/** The four sections of the assessment; the two skill facets share the 48 skills. */
export const FACETS = ['basics', 'blockers', 'skill', 'interest'] as const;
export type Facet = (typeof FACETS)[number];

/** Non-answers. "Not asked" is the absence of an entry, not a value. */
export const MISSING = ['skipped', 'prefer-not-to-say', 'dont-know', 'not-applicable'] as const;
export type Missing = (typeof MISSING)[number];

export type Score = 0 | 1 | 2 | 3 | 4;
export const SCORES = [0, 1, 2, 3, 4] as const satisfies readonly Score[];

export type Answer = Score | Missing;

/** Answers of one facet, keyed by item ID (B1, K5, TR05 …). */
export type FacetAnswers = Record<string, Answer>;
export type Answers = Record<Facet, FacetAnswers>;

// One literal of five values rather than a union of five: the server checks every answer of
// every record it receives, and a union tries its options one by one.
export const answerSchema = z.union([z.literal(SCORES), z.enum(MISSING)]);

export function emptyAnswers(): Answers {
  return { basics: {}, blockers: {}, skill: {}, interest: {} };
}

export function isScore(answer: Answer | undefined): answer is Score {
  return typeof answer === 'number';
}

/** One question in the interview: a facet of an item. */
export interface QuestionRef {
  readonly facet: Facet;
  readonly itemId: string;
}
