/**
 * Figures for a cohort (a programme, a venue, a period), scale version 1. Each person counts once;
 * a figure that describes fewer people than the threshold (5 unless the organisation sets
 * another) is suppressed, with only its n kept, to protect residents in small groups. Gain uses
 * people with two or more visits, first against latest, on paired items as for one person.
 * A dashboard computes this in the browser for 10,000 assessments: each visit used is read once
 * into a row of small integers, and the figures are plain loops over those rows.
 */
import { FACETS, isScore, type Answers, type Facet } from './answers.ts';
import type { Bank, Scale } from './bank/schema.ts';
import { gainPoints } from './progress.ts';

export const DEFAULT_MIN_GROUP = 5;

/** A figure about n people: its value, or suppressed when n is under the threshold. */
export type Figure<T> =
  | { readonly n: number; readonly suppressed: false; readonly value: T }
  | { readonly n: number; readonly suppressed: true };

export interface MeanMedian {
  readonly mean: number;
  readonly median: number;
}

/** One person's assessments, earliest first. */
export interface ResidentVisits {
  readonly residentId: string;
  readonly visits: readonly Answers[];
}

export interface SkillFigures {
  readonly skillId: string;
  /** Mean skill score, 0–4, of the people who scored it. */
  readonly meanSkill: Figure<number>;
  /** Percentage of them scoring 3 or more. */
  readonly independentPercent: Figure<number>;
}

export interface CohortPriority {
  readonly skillId: string;
  /** Percentage of the people with both facets scored for whom the skill is High. */
  readonly highPercent: Figure<number>;
}

export interface CohortFigures {
  readonly residents: Figure<number>;
  readonly assessments: Figure<number>;
  /** Section scores of each person's latest visit. */
  readonly profile: Readonly<Record<Facet, Figure<MeanMedian>>>;
  readonly skills: readonly SkillFigures[];
  /** Highest share first; suppressed ones after, in bank order. */
  readonly priorities: readonly CohortPriority[];
  /** Section gain, first visit against latest, of people with two or more visits. */
  readonly gain: Readonly<Record<Facet, Figure<MeanMedian>>>;
  /** People with two or more visits. */
  readonly revisited: Figure<number>;
}

export function cohortFigures(
  residents: readonly ResidentVisits[],
  bank: Bank,
  scale: Scale,
  minGroup: number = DEFAULT_MIN_GROUP,
): CohortFigures {
  const figure = <T>(n: number, value: () => T): Figure<T> =>
    n < minGroup ? { n, suppressed: true } : { n, suppressed: false, value: value() };
  const layout = layoutOf(bank);
  const width = layout.width;
  const people = residents.filter((r) => r.visits.length > 0);
  // Each visit used is read once into numbers (a row per person); the rest works on these.
  const latest = new Int8Array(people.length * width);
  people.forEach((r, p) => read(r.visits[r.visits.length - 1] as Answers, layout, latest, p));
  /** The people with two or more visits, by their row in `latest`. */
  const revisits: number[] = [];
  people.forEach((r, p) => {
    if (r.visits.length >= 2) revisits.push(p);
  });
  const first = new Int8Array(revisits.length * width);
  revisits.forEach((p, row) =>
    read((people[p] as ResidentVisits).visits[0] as Answers, layout, first, row),
  );

  const profile = {} as Record<Facet, Figure<MeanMedian>>;
  FACETS.forEach((facet, f) => {
    const from = layout.start[f] as number;
    const to = from + (layout.ids[f] as readonly string[]).length;
    const scores = new Float64Array(people.length);
    let n = 0;
    for (let p = 0; p < people.length; p += 1) {
      const base = p * width;
      let answered = 0;
      let sum = 0;
      for (let i = base + from; i < base + to; i += 1) {
        const answer = latest[i] as number;
        if (answer >= 0) {
          answered += 1;
          sum += answer;
        }
      }
      // As scoring.ts computes a section score.
      if (answered > 0) scores[n++] = Math.round((100 * sum) / (4 * answered));
    }
    profile[facet] = figure(n, () => meanMedian(scores.subarray(0, n)));
  });

  const skillIds = layout.ids[2] as readonly string[];
  const skillStart = layout.start[2] as number;
  const interestStart = layout.start[3] as number;
  // skillPriority's rule, inline: High from this product up.
  const highFrom = scale.bands.high;
  const skills: SkillFigures[] = [];
  const priorities: CohortPriority[] = [];
  skillIds.forEach((skillId, k) => {
    let scored = 0;
    let sum = 0;
    let independent = 0;
    let withPriority = 0;
    let high = 0;
    for (let at = skillStart + k; at < latest.length; at += width) {
      const skill = latest[at] as number;
      if (skill < 0) continue;
      scored += 1;
      sum += skill;
      if (skill >= 3) independent += 1;
      const interest = latest[at + interestStart - skillStart] as number;
      if (interest >= 0) {
        withPriority += 1;
        if ((4 - skill) * interest >= highFrom) high += 1;
      }
    }
    skills.push({
      skillId,
      meanSkill: figure(scored, () => round(sum / scored, 2)),
      independentPercent: figure(scored, () => percent(independent, scored)),
    });
    priorities.push({
      skillId,
      highPercent: figure(withPriority, () => percent(high, withPriority)),
    });
  });
  const shown = (p: CohortPriority) => (p.highPercent.suppressed ? -1 : p.highPercent.value);
  // A stable sort: equal shares stay in bank order.
  priorities.sort((a, b) => shown(b) - shown(a));

  const gain = {} as Record<Facet, Figure<MeanMedian>>;
  FACETS.forEach((facet, f) => {
    const from = layout.start[f] as number;
    const to = from + (layout.ids[f] as readonly string[]).length;
    const gains = new Float64Array(revisits.length);
    let n = 0;
    for (let row = 0; row < revisits.length; row += 1) {
      const base = row * width;
      const shift = ((revisits[row] as number) - row) * width;
      let sum = 0;
      let pairs = 0;
      for (let i = base + from; i < base + to; i += 1) {
        const before = first[i] as number;
        const after = latest[i + shift] as number;
        if (before >= 0 && after >= 0) {
          sum += after - before;
          pairs += 1;
        }
      }
      const points = gainPoints(sum, pairs);
      if (points !== null) gains[n++] = points;
    }
    gain[facet] = figure(n, () => meanMedian(gains.subarray(0, n)));
  });

  const visits = people.reduce((n, r) => n + r.visits.length, 0);
  return {
    residents: figure(people.length, () => people.length),
    assessments: figure(people.length, () => visits),
    profile,
    skills,
    priorities,
    gain,
    revisited: figure(revisits.length, () => revisits.length),
  };
}

/** Where each facet's items sit in a visit read into numbers: facets in FACETS order. */
interface Layout {
  readonly ids: readonly (readonly string[])[];
  readonly start: readonly number[];
  readonly width: number;
}

function layoutOf(bank: Bank): Layout {
  const ids = [
    bank.basics.map((i) => i.id),
    bank.blockers.map((i) => i.id),
    bank.skills.map((s) => s.id),
    bank.skills.map((s) => s.id),
  ];
  const start: number[] = [];
  let width = 0;
  for (const list of ids) {
    start.push(width);
    width += list.length;
  }
  return { ids, start, width };
}

/** One visit's answers as numbers at row `row`: the score, or -1 for anything else. */
function read(answers: Answers, layout: Layout, into: Int8Array, row: number): void {
  let at = row * layout.width;
  FACETS.forEach((facet, f) => {
    const given = answers[facet];
    for (const id of layout.ids[f] as readonly string[]) {
      const answer = given[id];
      into[at++] = isScore(answer) ? answer : -1;
    }
  });
}

function meanMedian(values: Float64Array): MeanMedian {
  // A typed array sorts numerically, without a comparator; `values` is this figure's own.
  const sorted = values.sort();
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
  let sum = 0;
  for (const v of sorted) sum += v;
  return { mean: round(sum / sorted.length, 1), median: round(median, 1) };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const percent = (part: number, whole: number) => Math.round((100 * part) / whole);

/** A received assessment as the cohort needs it. */
export interface CohortRecord {
  readonly id: string;
  /** Null: the assessment counts as a person of its own. */
  readonly residentRef: string | null;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly answers: Answers;
}

/**
 * Records grouped into people, each person's visits earliest first (by date, then in the order
 * given). A record without a resident reference is a person of its own.
 */
export function residentsOf(records: readonly CohortRecord[]): ResidentVisits[] {
  const byRef = new Map<string, CohortRecord[]>();
  const people: CohortRecord[][] = [];
  for (const record of records) {
    if (record.residentRef === null) {
      people.push([record]);
      continue;
    }
    let visits = byRef.get(record.residentRef);
    if (!visits) {
      visits = [];
      byRef.set(record.residentRef, visits);
      people.push(visits);
    }
    visits.push(record);
  }
  return people.map((visits) => {
    // Stable: same-day visits keep the order given. ISO dates compare as text.
    if (visits.length > 1) visits.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const first = visits[0] as CohortRecord;
    return {
      residentId: first.residentRef ?? `assessment:${first.id}`,
      visits: visits.map((v) => v.answers),
    };
  });
}
