/**
 * A tiny scenario builder for domain tests: record answers the way an interview would, then
 * score them with question bank v1 and scale v1.
 */
import {
  bankV1,
  emptyAnswers,
  scaleV1,
  scoreAssessment,
  type Answer,
  type Answers,
  type AssessmentScores,
} from '../../src/domain/index.ts';

export interface Scenario {
  /** The answers recorded so far (the same object every time). */
  readonly answers: Answers;
  /** Both facets of one skill; leave a facet out to leave it not asked. */
  answer(skillId: string, facets: { skill?: Answer; interest?: Answer }): Scenario;
  /** The same answers for several skills. */
  answerAll(skillIds: readonly string[], facets: { skill?: Answer; interest?: Answer }): Scenario;
  basics(itemId: string, answer: Answer): Scenario;
  blocker(itemId: string, answer: Answer): Scenario;
  scores(): AssessmentScores;
}

export function scenario(): Scenario {
  const answers = emptyAnswers();
  const s: Scenario = {
    answers,
    answer(skillId, facets) {
      if (!bankV1.skillById.has(skillId)) throw new Error(`no skill ${skillId} in bank v1`);
      if (facets.skill !== undefined) answers.skill[skillId] = facets.skill;
      if (facets.interest !== undefined) answers.interest[skillId] = facets.interest;
      return s;
    },
    answerAll(skillIds, facets) {
      for (const id of skillIds) s.answer(id, facets);
      return s;
    },
    basics(itemId, answer) {
      answers.basics[itemId] = answer;
      return s;
    },
    blocker(itemId, answer) {
      answers.blockers[itemId] = answer;
      return s;
    },
    scores: () => scoreAssessment(answers, bankV1, scaleV1),
  };
  return s;
}

/** Skill IDs of bank v1 in bank order, optionally of one heading only. */
export function skillIds(headingId?: string): string[] {
  return bankV1.skills.filter((s) => !headingId || s.headingId === headingId).map((s) => s.id);
}

/** A complete full assessment: all 104 questions scored, with some variety. */
export function completeAnswers(): Answers {
  const answers = emptyAnswers();
  bankV1.basics.forEach((item, i) => (answers.basics[item.id] = ((i + 2) % 5) as Answer));
  bankV1.blockers.forEach((item, i) => (answers.blockers[item.id] = ((i + 1) % 5) as Answer));
  bankV1.skills.forEach((skill, i) => {
    answers.skill[skill.id] = (i % 5) as Answer;
    answers.interest[skill.id] = ((i * 3 + 1) % 5) as Answer;
  });
  return answers;
}

/** The item at index, failing the test (not returning undefined) when there is none. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`nothing at index ${index}`);
  return item;
}

/** The sub-scores of one heading. */
export function headingOf(scores: AssessmentScores, headingId: string) {
  const heading = scores.headings.find((h) => h.headingId === headingId);
  if (!heading) throw new Error(`no heading ${headingId}`);
  return heading;
}
