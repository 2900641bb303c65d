/**
 * The question bank and the scale are data, versioned and validated when loaded, so that a
 * council can later load its own list without a code change.
 */
import * as z from 'zod/mini';
import { DataError, describeIssues } from '../data-error.ts';

const localised = z.strictObject({ en: z.string().check(z.minLength(1)) });
export type Localised = z.infer<typeof localised>;
export type Locale = keyof Localised;

const itemId = (pattern: RegExp) => z.string().check(z.regex(pattern));

const bankSchema = z.strictObject({
  bankVersion: z.number().check(z.int(), z.minimum(1)),
  basics: z.array(z.strictObject({ id: itemId(/^B\d+$/), text: localised })),
  blockers: z.array(
    z.strictObject({ id: itemId(/^K\d+$/), optional: z.boolean(), text: localised }),
  ),
  headings: z.array(
    z.strictObject({
      id: z.string().check(z.regex(/^[a-z-]+$/)),
      text: localised,
      skills: z.array(
        z.strictObject({
          id: itemId(/^[A-Z]{2}\d{2}$/),
          short: z.boolean(),
          text: z.strictObject({
            en: z.strictObject({ label: z.string(), example: z.string() }),
          }),
        }),
      ),
    }),
  ),
});

const option = z.strictObject({
  score: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  text: localised,
});
const fiveOptions = z.array(option).check(
  z.length(5),
  z.refine((opts) => opts.every((o, i) => o.score === i), 'options must be scored 0 to 4 in order'),
);

const scaleSchema = z.strictObject({
  scaleVersion: z.number().check(z.int(), z.minimum(1)),
  options: z.strictObject({
    basics: fiveOptions,
    blockers: fiveOptions,
    skill: fiveOptions,
    interest: fiveOptions,
  }),
  missing: z.array(
    z.strictObject({
      id: z.enum(['prefer-not-to-say', 'dont-know', 'not-applicable']),
      text: localised,
    }),
  ),
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
