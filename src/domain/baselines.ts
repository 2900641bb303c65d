/**
 * Persona and cohort baselines: the same shape as an assessment (a value per item, possibly a
 * mean) with a provenance that is always shown. Compared item by item where both have a value,
 * aggregated like section scores; the closest is the smallest mean absolute difference over at
 * least 10 common items, shown as "closest match", never "you are".
 */
import * as z from 'zod/mini';
import { FACETS, isScore, type Answers, type Facet } from './answers.ts';
import type { Bank } from './bank/schema.ts';
import { DataError, describeIssues } from './data-error.ts';

export const PROVENANCES = ['illustrative', 'local-cohort', 'imported'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export const MIN_COMMON_ITEMS = 10;

const text = z.string().check(z.minLength(1));
const value = z.number().check(z.minimum(0), z.maximum(4));
const values = z.record(z.string(), value);

export const baselineSchema = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,60}$/)),
  /** In each language the app speaks. */
  name: z.strictObject({ en: text, cy: text }),
  provenance: z.enum(PROVENANCES),
  /** Where the figures come from, shown beside every comparison. */
  source: text,
  values: z.strictObject({ basics: values, blockers: values, skill: values, interest: values }),
});

export type Baseline = z.infer<typeof baselineSchema>;

/** Validates baselines against the bank: every problem named, nothing half-loaded. */
export function loadBaselines(raw: unknown, bank: Bank): Baseline[] {
  const parsed = z.array(baselineSchema).safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new DataError('baselines', describeIssues(parsed.error.issues));
  const known = knownItems(bank);
  const problems: string[] = [];
  const ids = new Set<string>();
  parsed.data.forEach((baseline, index) => {
    if (ids.has(baseline.id)) problems.push(`${index}: the id ${baseline.id} is used twice`);
    ids.add(baseline.id);
    for (const facet of FACETS) {
      for (const itemId of Object.keys(baseline.values[facet])) {
        if (!known[facet].has(itemId)) {
          problems.push(
            `${index} (${baseline.id}): ${facet}.${itemId} is not in the question bank`,
          );
        }
      }
    }
  });
  if (problems.length > 0) throw new DataError('baselines', problems);
  return parsed.data;
}

export interface ComparedScore {
  /** 0–100 over the common items, or null with none. */
  readonly person: number | null;
  readonly baseline: number | null;
  /** Items with a value in both. */
  readonly common: number;
}

export interface BaselineComparison {
  readonly sections: Readonly<Record<Facet, ComparedScore>>;
  readonly headings: readonly {
    readonly headingId: string;
    readonly skill: ComparedScore;
    readonly interest: ComparedScore;
  }[];
}

export function compareWithBaseline(
  answers: Answers,
  baseline: Baseline,
  bank: Bank,
): BaselineComparison {
  const items = itemsOf(bank);
  const sections = Object.fromEntries(
    FACETS.map((facet) => [facet, compared(answers, baseline, facet, items[facet])]),
  ) as Record<Facet, ComparedScore>;
  const headings = bank.headings.map((heading) => {
    const ids = heading.skills.map((s) => s.id);
    return {
      headingId: heading.id,
      skill: compared(answers, baseline, 'skill', ids),
      interest: compared(answers, baseline, 'interest', ids),
    };
  });
  return { sections, headings };
}

/**
 * Two baselines side by side, `ours` in the place of the person: a cohort's mean values (from
 * baselineFromCohort) against a persona or another cohort. Items either leaves out (too few
 * people scored them) are left out of the comparison, so no suppressed value leaks into it.
 */
export function compareBaselines(ours: Baseline, theirs: Baseline, bank: Bank): BaselineComparison {
  const items = itemsOf(bank);
  const sections = Object.fromEntries(
    FACETS.map((facet) => [
      facet,
      comparedValues(ours.values[facet], theirs.values[facet], items[facet]),
    ]),
  ) as Record<Facet, ComparedScore>;
  const headings = bank.headings.map((heading) => {
    const ids = heading.skills.map((s) => s.id);
    return {
      headingId: heading.id,
      skill: comparedValues(ours.values.skill, theirs.values.skill, ids),
      interest: comparedValues(ours.values.interest, theirs.values.interest, ids),
    };
  });
  return { sections, headings };
}

function comparedValues(
  ours: Readonly<Record<string, number>>,
  theirs: Readonly<Record<string, number>>,
  ids: readonly string[],
): ComparedScore {
  let common = 0;
  let mine = 0;
  let other = 0;
  for (const id of ids) {
    const a = ours[id];
    const b = theirs[id];
    if (a !== undefined && b !== undefined) {
      common += 1;
      mine += a;
      other += b;
    }
  }
  const percent = (sum: number) => (common === 0 ? null : Math.round((100 * sum) / (4 * common)));
  return { person: percent(mine), baseline: percent(other), common };
}

export interface Match {
  readonly baselineId: string;
  /** Mean absolute difference per common item, 0–4 (smaller is closer). */
  readonly difference: number;
  readonly common: number;
}

/** Baselines with enough items in common, closest first. */
export function closestBaselines(
  answers: Answers,
  baselines: readonly Baseline[],
  bank: Bank,
  minCommon: number = MIN_COMMON_ITEMS,
): Match[] {
  const items = itemsOf(bank);
  const matches: Match[] = [];
  for (const baseline of baselines) {
    let common = 0;
    let total = 0;
    for (const facet of FACETS) {
      for (const id of items[facet]) {
        const mine = answers[facet][id];
        const theirs = baseline.values[facet][id];
        if (isScore(mine) && theirs !== undefined) {
          common += 1;
          total += Math.abs(mine - theirs);
        }
      }
    }
    if (common >= minCommon) {
      matches.push({ baselineId: baseline.id, difference: round2(total / common), common });
    }
  }
  return matches.sort((a, b) => a.difference - b.difference);
}

/**
 * A local-cohort baseline from people's first visits: the mean of each item over the people who
 * scored it, left out where fewer than `minGroup` did, as every cohort figure is.
 */
export function baselineFromCohort(
  firstVisits: readonly Answers[],
  identity: { readonly id: string; readonly name: Baseline['name']; readonly source: string },
  bank: Bank,
  minGroup: number,
): Baseline {
  const items = itemsOf(bank);
  const valuesFor = (facet: Facet) => {
    const out: Record<string, number> = {};
    for (const id of items[facet]) {
      let n = 0;
      let sum = 0;
      for (const answers of firstVisits) {
        const answer = answers[facet][id];
        if (isScore(answer)) {
          n += 1;
          sum += answer;
        }
      }
      if (n >= minGroup) out[id] = round2(sum / n);
    }
    return out;
  };
  return {
    ...identity,
    provenance: 'local-cohort',
    values: {
      basics: valuesFor('basics'),
      blockers: valuesFor('blockers'),
      skill: valuesFor('skill'),
      interest: valuesFor('interest'),
    },
  };
}

function compared(
  answers: Answers,
  baseline: Baseline,
  facet: Facet,
  ids: readonly string[],
): ComparedScore {
  let common = 0;
  let mine = 0;
  let theirs = 0;
  for (const id of ids) {
    const answer = answers[facet][id];
    const value = baseline.values[facet][id];
    if (isScore(answer) && value !== undefined) {
      common += 1;
      mine += answer;
      theirs += value;
    }
  }
  const percent = (sum: number) => (common === 0 ? null : Math.round((100 * sum) / (4 * common)));
  return { person: percent(mine), baseline: percent(theirs), common };
}

function itemsOf(bank: Bank): Record<Facet, readonly string[]> {
  return {
    basics: bank.basics.map((i) => i.id),
    blockers: bank.blockers.map((i) => i.id),
    skill: bank.skills.map((s) => s.id),
    interest: bank.skills.map((s) => s.id),
  };
}

function knownItems(bank: Bank): Record<Facet, ReadonlySet<string>> {
  const items = itemsOf(bank);
  return {
    basics: new Set(items.basics),
    blockers: new Set(items.blockers),
    skill: new Set(items.skill),
    interest: new Set(items.interest),
  };
}

const round2 = (x: number) => Math.round(x * 100) / 100;
