/** How far an assessment has got, for lists and the review step. */
import {
  askedQuestions,
  bankV1,
  questionsInSet,
  type Assessment,
  type QuestionRef,
} from '../domain/index.ts';

/**
 * Questions with any answer other than "skipped" (a non-answer such as "don't know" counts), of
 * those really asked: a health question the resident did not agree to is not counted.
 */
export function answeredCount(assessment: Assessment, questions?: readonly QuestionRef[]) {
  const asked = askedQuestions(
    questions ?? questionsInSet(bankV1, assessment.set),
    assessment.privacy,
  );
  const answered = asked.filter((q) => {
    const a = assessment.answers[q.facet][q.itemId];
    return a !== undefined && a !== 'skipped';
  }).length;
  return { answered, count: asked.length };
}
