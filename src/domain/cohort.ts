/**
 * Figures for a cohort (a programme, a venue, a period), scale version 1. Each person counts once;
 * a figure that describes fewer people than the threshold (5 unless the organisation sets
 * another) is suppressed, with only its n kept, to protect residents in small groups. Gain uses
 * people with two or more visits, first against latest, on paired items as for one person.
 * Written as plain loops over the answers: a dashboard computes this for 10,000 assessments.
 */
import { FACETS, isScore, type Answers, type Facet, type FacetAnswers } from './answers.ts';
import type { Bank, Scale } from './bank/schema.ts';
import { gainPoints } from './progress.ts';
import { bandOf } from './scoring.ts';

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
  const itemsOf: Record<Facet, readonly string[]> = {
    basics: bank.basics.map((i) => i.id),
    blockers: bank.blockers.map((i) => i.id),
    skill: bank.skills.map((s) => s.id),
    interest: bank.skills.map((s) => s.id),
  };
  const people = residents.filter((r) => r.visits.length > 0);
  const latest = people.map((r) => r.visits[r.visits.length - 1] as Answers);

  const profile = {} as Record<Facet, Figure<MeanMedian>>;
  for (const facet of FACETS) {
    const scores: number[] = [];
    for (const answers of latest) {
      const score = sectionPercent(answers[facet], itemsOf[facet]);
      if (score !== null) scores.push(score);
    }
    profile[facet] = figure(scores.length, () => meanMedian(scores));
  }

  const skills: SkillFigures[] = [];
  const priorities: CohortPriority[] = [];
  for (const skillId of itemsOf.skill) {
    let scored = 0;
    let sum = 0;
    let independent = 0;
    let withPriority = 0;
    let high = 0;
    for (const answers of latest) {
      const skill = answers.skill[skillId];
      if (isScore(skill)) {
        scored += 1;
        sum += skill;
        if (skill >= 3) independent += 1;
      }
      const interest = answers.interest[skillId];
      // skillPriority's rule, inline: this loop runs once per person per skill.
      if (isScore(skill) && isScore(interest)) {
        withPriority += 1;
        if (bandOf((4 - skill) * interest, scale) === 'high') high += 1;
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
  }
  const shown = (p: CohortPriority) => (p.highPercent.suppressed ? -1 : p.highPercent.value);
  // A stable sort: equal shares stay in bank order.
  priorities.sort((a, b) => shown(b) - shown(a));

  const revisits = people.filter((r) => r.visits.length >= 2);
  const gain = {} as Record<Facet, Figure<MeanMedian>>;
  for (const facet of FACETS) {
    const gains: number[] = [];
    for (const r of revisits) {
      const first = (r.visits[0] as Answers)[facet];
      const last = (r.visits[r.visits.length - 1] as Answers)[facet];
      let sum = 0;
      let pairs = 0;
      for (const id of itemsOf[facet]) {
        const before = first[id];
        const after = last[id];
        if (isScore(before) && isScore(after)) {
          sum += after - before;
          pairs += 1;
        }
      }
      const points = gainPoints(sum, pairs);
      if (points !== null) gains.push(points);
    }
    gain[facet] = figure(gains.length, () => meanMedian(gains));
  }

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

/** A section score as scoring.ts computes it, without building the rest of the result. */
function sectionPercent(answers: FacetAnswers, ids: readonly string[]): number | null {
  let answered = 0;
  let sum = 0;
  for (const id of ids) {
    const answer = answers[id];
    if (isScore(answer)) {
      answered += 1;
      sum += answer;
    }
  }
  return answered === 0 ? null : Math.round((100 * sum) / (4 * answered));
}

function meanMedian(values: readonly number[]): MeanMedian {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
    : (sorted[Math.floor(middle)] ?? 0);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean: round(mean, 1), median: round(median, 1) };
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const percent = (part: number, whole: number) => Math.round((100 * part) / whole);
