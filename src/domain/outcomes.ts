/**
 * Outcome events: things a resident has done since an assessment ("now banks online"), recorded
 * by the worker with a date. This is their shape on the record; their kinds and how they are
 * counted are in outcome-counts.ts, which the start screen does not need.
 */
import * as z from 'zod/mini';
import { isIsoDate } from './iso-date.ts';

/** Kinds are named like "banks-online"; an organisation's own like "council-tax-online". */
export const OUTCOME_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export const MAX_OUTCOMES = 50;

export const outcomeSchema = z.strictObject({
  type: z.string().check(z.regex(OUTCOME_ID_PATTERN)),
  /** When it happened (as the resident reports it), YYYY-MM-DD. */
  date: z.string().check(z.refine(isIsoDate, 'not a real date (YYYY-MM-DD)')),
});
export type Outcome = z.infer<typeof outcomeSchema>;
