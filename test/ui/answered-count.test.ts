// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newAssessment, withHealthConsent, type Assessment } from '../../src/domain/index.ts';
import { answeredCount } from '../../src/ui/progress.ts';

const started = (healthQuestion: 'separate-consent' | 'optional'): Assessment => ({
  ...newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date: '2025-03-12', set: 'short', language: 'en' },
    { id: 'a-1', now: 1 },
  ),
  privacy: { agreedAt: 1, healthQuestion, healthConsent: null },
});

describe('how far an assessment has got', () => {
  it('counts the questions of the set: 3 basics, 5 blockers, 14 skills twice', () => {
    expect(answeredCount(started('optional'))).toEqual({ answered: 0, count: 36 });
  });

  it('leaves out the health question the resident did not agree to', () => {
    const declined = withHealthConsent(started('separate-consent'), false);
    expect(answeredCount(declined)).toEqual({ answered: 0, count: 35 });
    const agreed = withHealthConsent(started('separate-consent'), true);
    expect(answeredCount(agreed)).toEqual({ answered: 0, count: 36 });
  });
});
