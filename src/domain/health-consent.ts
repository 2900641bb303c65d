/**
 * The health, disability or language blocker and the organisation's way of asking it: as an
 * optional question with "prefer not to say", or only after a separate explicit consent. When it
 * is not asked it gets no entry at all ("not asked"), which scoring treats like any other missing
 * answer, never as a zero. Apart from interview.ts because only the interview uses it: the start
 * screen does not download it.
 */
import type { QuestionRef } from './answers.ts';
import type { Assessment, Privacy } from './assessment.ts';

/** The blocker that can reveal health data (special category data under UK GDPR). */
export const HEALTH_BLOCKER_ID = 'K5';

/** Whether the assessment asks for a separate consent before the health blocker. */
export function needsHealthConsent(privacy: Privacy | undefined): boolean {
  return privacy?.healthQuestion === 'separate-consent';
}

/**
 * Whether the health blocker is asked: always in 'optional' mode (and on records made before the
 * mode was kept), and in 'separate-consent' mode only once the resident said yes.
 */
export function asksHealthBlocker(privacy: Privacy | undefined): boolean {
  return !needsHealthConsent(privacy) || privacy?.healthConsent === true;
}

/**
 * The questions of a step or set that are really asked: the health blocker is left out when the
 * resident did not agree to it, so that moving on or finishing records nothing for it.
 */
export function askedQuestions(
  questions: readonly QuestionRef[],
  privacy: Privacy | undefined,
): QuestionRef[] {
  return questions.filter(
    (q) => q.facet !== 'blockers' || q.itemId !== HEALTH_BLOCKER_ID || asksHealthBlocker(privacy),
  );
}

/**
 * The assessment with the resident's answer to the separate consent. A "no" removes an answer
 * already given to the health blocker: it was not agreed to, so it is not kept.
 */
export function withHealthConsent(assessment: Assessment, consent: boolean): Assessment {
  const privacy = assessment.privacy;
  if (!privacy || !needsHealthConsent(privacy)) {
    throw new Error('This assessment does not ask for a separate consent to the health question');
  }
  if (consent) return { ...assessment, privacy: { ...privacy, healthConsent: true } };
  const blockers = Object.fromEntries(
    Object.entries(assessment.answers.blockers).filter(([id]) => id !== HEALTH_BLOCKER_ID),
  );
  return {
    ...assessment,
    privacy: { ...privacy, healthConsent: false },
    answers: { ...assessment.answers, blockers },
  };
}
