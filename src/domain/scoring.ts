/**
 * Scale version 1 scoring: a pure function of (answers, bank, scale). The server runs the same
 * code, so nothing here may read a clock, storage or the DOM.
 */
import { FACETS, isScore, type Answer, type Answers, type Facet, type Score } from './answers.ts';
import type { Bank, Scale } from './bank/schema.ts';

export interface SectionScore {
  /** 0–100, or null when nothing in the section was scored. */
  readonly score: number | null;
  readonly answered: number;
  /** Items in the section (48 for the skill facets, whatever set was asked). */
  readonly total: number;
  readonly lowCoverage: boolean;
}

export interface HeadingScores {
  readonly headingId: string;
  readonly skill: SectionScore;
  readonly interest: SectionScore;
}

export type Flag =
  | { readonly kind: 'access-gap'; readonly itemId: string; readonly score: Score }
  | { readonly kind: 'significant-barrier'; readonly itemId: string; readonly score: Score };

export type Band = 'high' | 'medium' | 'low' | 'none';

export interface SkillPriority {
  readonly skillId: string;
  readonly headingId: string;
  readonly skill: Score;
  readonly interest: Score;
  /** 4 − skill: 0 (could teach others) … 4 (no ability). */
  readonly gap: number;
  /** gap × interest, 0 … 16. */
  readonly priority: number;
  readonly band: Band;
}

export interface AssessmentScores {
  readonly sections: Readonly<Record<Facet, SectionScore>>;
  readonly headings: readonly HeadingScores[];
  readonly flags: readonly Flag[];
  /** Every skill with both facets scored, in learning-plan order. */
  readonly priorities: readonly SkillPriority[];
  /** The top five priorities of at least Low band. */
  readonly plan: readonly SkillPriority[];
  /** Skills with a skill score but no interest score: ask, never assume. */
  readonly askAboutInterest: readonly string[];
}

export const PLAN_LENGTH = 5;

export function sectionScore(
  answers: readonly (Answer | undefined)[],
  minAnswered: number,
  scale: Scale,
): SectionScore {
  const scores = answers.filter(isScore);
  const answered = scores.length;
  const total = answers.length;
  const sum = scores.reduce<number>((acc, s) => acc + s, 0);
  return {
    score: answered === 0 ? null : Math.round((100 * sum) / (4 * answered)),
    answered,
    total,
    lowCoverage: answered / total < scale.lowCoverage.minShare || answered < minAnswered,
  };
}

export function bandOf(priority: number, scale: Scale): Band {
  if (priority >= scale.bands.high) return 'high';
  if (priority >= scale.bands.medium) return 'medium';
  if (priority >= scale.bands.low) return 'low';
  return 'none';
}

/** Priority of one skill, or null unless both facets are scored. */
export function skillPriority(
  skill: Answer | undefined,
  interest: Answer | undefined,
  scale: Scale,
): { gap: number; priority: number; band: Band } | null {
  if (!isScore(skill) || !isScore(interest)) return null;
  const gap = 4 - skill;
  const priority = gap * interest;
  return { gap, priority, band: bandOf(priority, scale) };
}

export function scoreAssessment(answers: Answers, bank: Bank, scale: Scale): AssessmentScores {
  const { minAnswered, minAnsweredBasics } = scale.lowCoverage;
  const facetItems: Record<Facet, readonly string[]> = {
    basics: bank.basics.map((i) => i.id),
    blockers: bank.blockers.map((i) => i.id),
    skill: bank.skills.map((s) => s.id),
    interest: bank.skills.map((s) => s.id),
  };
  const valuesOf = (facet: Facet, ids: readonly string[]) => ids.map((id) => answers[facet][id]);

  const sections = Object.fromEntries(
    FACETS.map((facet) => [
      facet,
      sectionScore(
        valuesOf(facet, facetItems[facet]),
        facet === 'basics' ? minAnsweredBasics : minAnswered,
        scale,
      ),
    ]),
  ) as Record<Facet, SectionScore>;

  const headings = bank.headings.map((heading) => {
    const ids = heading.skills.map((s) => s.id);
    return {
      headingId: heading.id,
      skill: sectionScore(valuesOf('skill', ids), minAnswered, scale),
      interest: sectionScore(valuesOf('interest', ids), minAnswered, scale),
    };
  });

  const flagged = (facet: 'basics' | 'blockers', kind: Flag['kind']): Flag[] =>
    facetItems[facet].flatMap((itemId) => {
      const score = answers[facet][itemId];
      return isScore(score) && score <= scale.flags.atOrBelow ? [{ kind, itemId, score }] : [];
    });
  const flags = [...flagged('basics', 'access-gap'), ...flagged('blockers', 'significant-barrier')];

  const priorities: SkillPriority[] = [];
  const askAboutInterest: string[] = [];
  for (const skill of bank.skills) {
    const skillAnswer = answers.skill[skill.id];
    const interestAnswer = answers.interest[skill.id];
    const p = skillPriority(skillAnswer, interestAnswer, scale);
    if (p && isScore(skillAnswer) && isScore(interestAnswer)) {
      priorities.push({
        skillId: skill.id,
        headingId: skill.headingId,
        skill: skillAnswer,
        interest: interestAnswer,
        ...p,
      });
    } else if (isScore(skillAnswer)) {
      askAboutInterest.push(skill.id);
    }
  }
  // Bank order is heading order then skill order, and the sort is stable, so ties on priority
  // and interest keep that order: exactly the tie-break ASSESSMENT.md asks for.
  priorities.sort((a, b) => b.priority - a.priority || b.interest - a.interest);
  const plan = priorities.filter((p) => p.priority >= scale.bands.low).slice(0, PLAN_LENGTH);

  return { sections, headings, flags, priorities, plan, askAboutInterest };
}
