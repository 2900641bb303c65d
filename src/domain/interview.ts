/**
 * The shape of an interview: which steps a set has and which questions each step asks.
 * One section or skill heading per step, then a check-and-finish step.
 */
import type { Answers, QuestionRef } from './answers.ts';
import type { Bank, Skill } from './bank/schema.ts';

export const ASSESSMENT_SETS = ['full', 'short'] as const;
/** Full: all 48 skills. Short: the 14 marked ● in the bank, a valid partial assessment. */
export type AssessmentSet = (typeof ASSESSMENT_SETS)[number];

export type Step =
  | { readonly kind: 'basics' }
  | { readonly kind: 'blockers' }
  | { readonly kind: 'heading'; readonly headingId: string; readonly skills: readonly Skill[] }
  | { readonly kind: 'review' };

export function skillsInSet(bank: Bank, set: AssessmentSet): readonly Skill[] {
  return set === 'full' ? bank.skills : bank.skills.filter((s) => s.short);
}

export function interviewSteps(bank: Bank, set: AssessmentSet): readonly Step[] {
  const asked = new Set(skillsInSet(bank, set));
  const headingSteps: Step[] = bank.headings.flatMap((heading) => {
    const skills = bank.skills.filter((s) => s.headingId === heading.id && asked.has(s));
    return skills.length > 0 ? [{ kind: 'heading' as const, headingId: heading.id, skills }] : [];
  });
  return [{ kind: 'basics' }, { kind: 'blockers' }, ...headingSteps, { kind: 'review' }];
}

export function questionsOnStep(bank: Bank, step: Step): readonly QuestionRef[] {
  switch (step.kind) {
    case 'basics':
      return bank.basics.map((i) => ({ facet: 'basics', itemId: i.id }));
    case 'blockers':
      return bank.blockers.map((i) => ({ facet: 'blockers', itemId: i.id }));
    case 'heading':
      return step.skills.flatMap((s) => [
        { facet: 'skill' as const, itemId: s.id },
        { facet: 'interest' as const, itemId: s.id },
      ]);
    case 'review':
      return [];
  }
}

/** Questions of a step left without any answer: moving on records them as skipped. */
export function unansweredOnStep(bank: Bank, step: Step, answers: Answers): QuestionRef[] {
  return questionsOnStep(bank, step).filter((q) => answers[q.facet][q.itemId] === undefined);
}

/** Every question the set asks, for counting what is answered. */
export function questionsInSet(bank: Bank, set: AssessmentSet): readonly QuestionRef[] {
  return interviewSteps(bank, set).flatMap((step) => questionsOnStep(bank, step));
}
