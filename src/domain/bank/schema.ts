/**
 * The question bank and the scale are data, versioned and validated when loaded, so that a
 * council can later load its own list without a code change. Their wording is data too, one file
 * per language (text-v1.en.json, text-v1.cy.json), so that a device loads only the language it
 * shows; loadBankText checks that a wording file words every question, option and non-answer.
 */
import * as z from 'zod/mini';
import { DataError, describeIssues } from '../data-error.ts';

/** The languages the bank is written in. */
export const LOCALES = ['en', 'cy'] as const;
export type Locale = (typeof LOCALES)[number];

const itemId = (pattern: RegExp) => z.string().check(z.regex(pattern));

const bankSchema = z.strictObject({
  bankVersion: z.number().check(z.int(), z.minimum(1)),
  basics: z.array(z.strictObject({ id: itemId(/^B\d+$/) })),
  blockers: z.array(z.strictObject({ id: itemId(/^K\d+$/), optional: z.boolean() })),
  headings: z.array(
    z.strictObject({
      id: z.string().check(z.regex(/^[a-z-]+$/)),
      skills: z.array(z.strictObject({ id: itemId(/^[A-Z]{2}\d{2}$/), short: z.boolean() })),
    }),
  ),
});

const fiveOptions = z.array(z.literal([0, 1, 2, 3, 4])).check(
  z.length(5),
  z.refine((opts) => opts.every((o, i) => o === i), 'options must be scored 0 to 4 in order'),
);

const scaleSchema = z.strictObject({
  scaleVersion: z.number().check(z.int(), z.minimum(1)),
  options: z.strictObject({
    basics: fiveOptions,
    blockers: fiveOptions,
    skill: fiveOptions,
    interest: fiveOptions,
  }),
  /** The non-answers offered, in the order shown. */
  missing: z.array(z.enum(['prefer-not-to-say', 'dont-know', 'not-applicable'])),
  bands: z.strictObject({ high: z.number(), medium: z.number(), low: z.number() }),
  lowCoverage: z.strictObject({
    minShare: z.number(),
    minAnswered: z.number(),
    minAnsweredBasics: z.number(),
  }),
  flags: z.strictObject({ atOrBelow: z.number() }),
});

export type BankData = z.infer<typeof bankSchema>;
export type Scale = z.infer<typeof scaleSchema>;
export type HeadingData = BankData['headings'][number];
export type SkillData = HeadingData['skills'][number];

/** A skill with its place in the bank, which the learning plan's tie-break needs. */
export interface Skill extends SkillData {
  readonly headingId: string;
  readonly headingIndex: number;
  readonly index: number;
}

export interface Bank extends BankData {
  /** All 48 skills in bank order (heading order, then skill order). */
  readonly skills: readonly Skill[];
  readonly skillById: ReadonlyMap<string, Skill>;
}

export function loadBank(raw: unknown): Bank {
  const parsed = bankSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new DataError('question bank', describeIssues(parsed.error.issues));
  const data = parsed.data;
  const skills: Skill[] = data.headings.flatMap((heading, headingIndex) =>
    heading.skills.map((skill, index) => ({
      ...skill,
      headingId: heading.id,
      headingIndex,
      index,
    })),
  );
  const ids = [...data.basics, ...data.blockers, ...skills].map((item) => item.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new DataError('question bank', [`duplicate item ID ${duplicate}`]);
  return { ...data, skills, skillById: new Map(skills.map((s) => [s.id, s])) };
}

export function loadScale(raw: unknown): Scale {
  const parsed = scaleSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new DataError('scale', describeIssues(parsed.error.issues));
  return parsed.data;
}

const text = z.string().check(z.minLength(1));
const textMap = z.record(z.string(), text);

const bankTextSchema = z.strictObject({
  bankVersion: z.number(),
  scaleVersion: z.number(),
  locale: z.enum(LOCALES),
  basics: textMap,
  blockers: textMap,
  headings: textMap,
  skills: z.record(z.string(), z.strictObject({ label: text, example: text })),
  options: z.strictObject({
    basics: z.array(text),
    blockers: z.array(text),
    skill: z.array(text),
    interest: z.array(text),
  }),
  missing: textMap,
  /**
   * Where the wording should be checked by a professional translator before a council goes live:
   * paths such as "skills.GS01.example" or "options.skill.2".
   */
  needsReview: z.optional(z.array(z.string())),
});

export type BankText = z.infer<typeof bankTextSchema>;

/** Validates a wording file against the bank and scale it words: nothing missing, nothing extra. */
export function loadBankText(raw: unknown, bank: Bank, scale: Scale): BankText {
  const parsed = bankTextSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new DataError('question wording', describeIssues(parsed.error.issues));
  const wording = parsed.data;
  const problems: string[] = [];
  if (wording.bankVersion !== bank.bankVersion || wording.scaleVersion !== scale.scaleVersion) {
    problems.push(
      `words bank ${wording.bankVersion} and scale ${wording.scaleVersion}, not bank ` +
        `${bank.bankVersion} and scale ${scale.scaleVersion}`,
    );
  }
  const sameKeys = (section: string, expected: readonly string[], actual: readonly string[]) => {
    for (const id of expected)
      if (!actual.includes(id)) problems.push(`${section}.${id} is missing`);
    for (const id of actual)
      if (!expected.includes(id)) problems.push(`${section}.${id} is not in the bank`);
  };
  sameKeys(
    'basics',
    bank.basics.map((i) => i.id),
    Object.keys(wording.basics),
  );
  sameKeys(
    'blockers',
    bank.blockers.map((i) => i.id),
    Object.keys(wording.blockers),
  );
  sameKeys(
    'headings',
    bank.headings.map((h) => h.id),
    Object.keys(wording.headings),
  );
  sameKeys(
    'skills',
    bank.skills.map((s) => s.id),
    Object.keys(wording.skills),
  );
  sameKeys('missing', scale.missing, Object.keys(wording.missing));
  for (const facet of ['basics', 'blockers', 'skill', 'interest'] as const) {
    if (wording.options[facet].length !== scale.options[facet].length) {
      problems.push(
        `options.${facet} has ${wording.options[facet].length} texts, not ${scale.options[facet].length}`,
      );
    }
  }
  for (const path of wording.needsReview ?? []) {
    if (textAt(wording, path) === undefined)
      problems.push(`needsReview names ${path}, which has no text`);
  }
  if (problems.length > 0) throw new DataError(`question wording (${wording.locale})`, problems);
  return wording;
}

/** The text at a dotted path of a wording file ("skills.GS01.label"), if there is one. */
export function textAt(wording: BankText, path: string): string | undefined {
  let at: unknown = wording;
  for (const part of path.split('.')) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === 'string' ? at : undefined;
}
