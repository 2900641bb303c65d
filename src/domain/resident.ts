/**
 * A resident, kept to the minimum: a pseudonymous reference, an age band rather than a date of
 * birth, a postcode district rather than an address, and the language they want. A name and a
 * contact detail exist only with consent to follow-up, and are kept apart from everything else
 * (`ResidentContact`), so that assessments and figures never carry them.
 */
import * as z from 'zod/mini';
import { RESIDENT_REF_PATTERN } from './assessment.ts';
import { LOCALES } from './bank/schema.ts';

export const AGE_BANDS = [
  '16-24',
  '25-34',
  '35-49',
  '50-64',
  '65-74',
  '75-plus',
  'prefer-not-to-say',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** The outward part of a UK postcode ("CF10", "SW1A", "M1"), upper case. */
export const POSTCODE_DISTRICT_PATTERN = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;

export const residentSchema = z.strictObject({
  ref: z.string().check(z.regex(RESIDENT_REF_PATTERN)),
  /** Null when not asked. */
  ageBand: z.nullable(z.enum(AGE_BANDS)),
  postcodeDistrict: z.nullable(z.string().check(z.regex(POSTCODE_DISTRICT_PATTERN))),
  language: z.enum(LOCALES),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Resident = z.infer<typeof residentSchema>;

export const residentContactSchema = z.strictObject({
  ref: z.string().check(z.regex(RESIDENT_REF_PATTERN)),
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  contact: z.string().check(z.minLength(1), z.maxLength(200)),
  /** When the worker recorded the resident's consent to be contacted for follow-up. */
  consentAt: z.number(),
});
export type ResidentContact = z.infer<typeof residentContactSchema>;

/** "cf10 " → "CF10": what a person types, in the form kept; null when it is not a district. */
export function postcodeDistrict(typed: string): string | null {
  const district = typed.trim().toUpperCase();
  return POSTCODE_DISTRICT_PATTERN.test(district) ? district : null;
}

// Defined with the assessment, which records the mode used: this module already imports that
// one, and the other way round would be an import cycle.
export { HEALTH_QUESTION_MODES, type HealthQuestionMode } from './assessment.ts';
