// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  HEALTH_BLOCKER_ID,
  askedQuestions,
  asksHealthBlocker,
  assessmentSchema,
  bankV1,
  needsHealthConsent,
  newAssessment,
  questionsInSet,
  questionsOnStep,
  scaleV1,
  scoreAssessment,
  unansweredOnStep,
  withHealthConsent,
  type Assessment,
  type HealthQuestionMode,
  type Privacy,
} from '../../src/domain/index.ts';
import { completeAnswers } from './builders.ts';

const AGREED_AT = 1_741_780_000_000;

const started = (healthQuestion?: HealthQuestionMode): Assessment => {
  const fresh = newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date: '2025-03-12', set: 'short', language: 'en' },
    { id: 'a-1', now: AGREED_AT + 1 },
  );
  return healthQuestion
    ? { ...fresh, privacy: { agreedAt: AGREED_AT, healthQuestion, healthConsent: null } }
    : fresh;
};

const privacy = (
  healthQuestion: HealthQuestionMode,
  healthConsent: boolean | null = null,
): Privacy => ({ agreedAt: AGREED_AT, healthQuestion, healthConsent });

const blockerIds = (p?: Privacy) =>
  askedQuestions(questionsOnStep(bankV1, { kind: 'blockers' }), p).map((q) => q.itemId);

describe("the resident's agreement on the assessment", () => {
  it('is kept with the mode and, before any answer, no consent', () => {
    for (const mode of ['separate-consent', 'optional'] as const) {
      expect(assessmentSchema.parse(started(mode))).toEqual(started(mode));
    }
  });

  it('is optional, so records made before the notice still parse', () => {
    const older = started();
    expect('privacy' in older).toBe(false);
    expect(assessmentSchema.safeParse(older).success).toBe(true);
  });

  it('refuses an unknown mode, a missing consent field and extra fields', () => {
    const base = started('optional');
    const withPrivacy = (value: unknown) =>
      assessmentSchema.safeParse({ ...base, privacy: value }).success;
    expect(withPrivacy({ ...privacy('optional'), healthQuestion: 'always' })).toBe(false);
    expect(withPrivacy({ agreedAt: AGREED_AT, healthQuestion: 'optional' })).toBe(false);
    expect(withPrivacy({ ...privacy('optional'), name: 'Sam' })).toBe(false);
    expect(withPrivacy(privacy('separate-consent', true))).toBe(true);
    expect(withPrivacy(privacy('separate-consent', false))).toBe(true);
  });
});

describe('asking the health, disability or language blocker', () => {
  it('is the blocker K5', () => {
    expect(HEALTH_BLOCKER_ID).toBe('K5');
    expect(bankV1.blockers.find((b) => b.id === HEALTH_BLOCKER_ID)?.optional).toBe(true);
  });

  it('is asked as before when optional, and on records made before the setting', () => {
    for (const p of [undefined, privacy('optional')]) {
      expect(needsHealthConsent(p)).toBe(false);
      expect(asksHealthBlocker(p)).toBe(true);
      expect(blockerIds(p)).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
    }
  });

  it('with a separate consent, is asked only after a yes', () => {
    expect(needsHealthConsent(privacy('separate-consent'))).toBe(true);
    expect(blockerIds(privacy('separate-consent', null))).toEqual(['K1', 'K2', 'K3', 'K4']);
    expect(blockerIds(privacy('separate-consent', false))).toEqual(['K1', 'K2', 'K3', 'K4']);
    expect(blockerIds(privacy('separate-consent', true))).toEqual(['K1', 'K2', 'K3', 'K4', 'K5']);
  });

  it('leaves a health blocker not agreed to out of what moving on and finishing record', () => {
    const declined = privacy('separate-consent', false);
    const answers = { basics: {}, blockers: { K1: 2 as const }, skill: {}, interest: {} };
    expect(
      askedQuestions(unansweredOnStep(bankV1, { kind: 'blockers' }, answers), declined).map(
        (q) => q.itemId,
      ),
    ).toEqual(['K2', 'K3', 'K4']);
    const asked = askedQuestions(questionsInSet(bankV1, 'short'), declined);
    expect(asked).toHaveLength(questionsInSet(bankV1, 'short').length - 1);
    expect(asked.some((q) => q.facet === 'blockers' && q.itemId === HEALTH_BLOCKER_ID)).toBe(false);
  });
});

describe('the answer to the separate consent', () => {
  it('a yes lets the question be asked and keeps the answers', () => {
    const a = { ...started('separate-consent'), answers: completeAnswers() };
    const agreed = withHealthConsent(a, true);
    expect(agreed.privacy?.healthConsent).toBe(true);
    expect(agreed.answers).toEqual(a.answers);
    expect(a.privacy?.healthConsent).toBeNull();
  });

  it('a no removes an answer already given to the health blocker, and only that', () => {
    const answers = completeAnswers();
    const a = withHealthConsent({ ...started('separate-consent'), answers }, true);
    const declined = withHealthConsent(a, false);
    expect(declined.privacy?.healthConsent).toBe(false);
    expect(HEALTH_BLOCKER_ID in declined.answers.blockers).toBe(false);
    expect(declined.answers.blockers).toEqual({
      K1: answers.blockers['K1'],
      K2: answers.blockers['K2'],
      K3: answers.blockers['K3'],
      K4: answers.blockers['K4'],
    });
    expect(declined.answers.skill).toEqual(answers.skill);
    // The input is not changed.
    expect(a.answers.blockers[HEALTH_BLOCKER_ID]).toBe(answers.blockers[HEALTH_BLOCKER_ID]);
    expect(assessmentSchema.safeParse(declined).success).toBe(true);
  });

  it('is refused where no separate consent is asked for', () => {
    expect(() => withHealthConsent(started('optional'), true)).toThrow();
    expect(() => withHealthConsent(started(), false)).toThrow();
  });

  it('a health blocker not asked is missing in scoring, never a zero', () => {
    const answers = completeAnswers();
    const a = withHealthConsent({ ...started('separate-consent'), answers }, false);
    const blockers = scoreAssessment(a.answers, bankV1, scaleV1).sections.blockers;
    expect(blockers.answered).toBe(4);
    const all = scoreAssessment(answers, bankV1, scaleV1).sections.blockers;
    expect(all.answered).toBe(5);
  });
});
