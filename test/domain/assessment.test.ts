// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  assessmentSchema,
  isIsoDate,
  newAssessment,
  type Assessment,
} from '../../src/domain/index.ts';
import { completeAnswers } from './builders.ts';

const fresh = (): Assessment =>
  newAssessment(
    { residentRef: 'LIB-0042', venue: 'library', date: '2025-03-12', set: 'short', language: 'en' },
    { id: 'a-1', now: 1_741_780_000_000 },
  );

const accepts = (value: unknown) => assessmentSchema.safeParse(value).success;

describe('a new assessment', () => {
  it('takes its id and time from the caller and starts empty, in progress, on the first step', () => {
    expect(fresh()).toEqual({
      id: 'a-1',
      bankVersion: 1,
      scaleVersion: 1,
      residentRef: 'LIB-0042',
      venue: 'library',
      date: '2025-03-12',
      set: 'short',
      language: 'en',
      answers: { basics: {}, blockers: {}, skill: {}, interest: {} },
      status: 'in-progress',
      step: 0,
      createdAt: 1_741_780_000_000,
      updatedAt: 1_741_780_000_000,
      revision: 1,
      finishedAt: null,
    });
  });

  it('is the same for the same input: no clock and no randomness', () => {
    expect(fresh()).toEqual(fresh());
  });

  it('is accepted by the assessment schema', () => {
    expect(accepts(fresh())).toBe(true);
    const anonymous = newAssessment(
      { residentRef: null, venue: 'home-visit', date: '2024-02-29', set: 'full', language: 'en' },
      { id: 'b', now: 0 },
    );
    expect(accepts(anonymous)).toBe(true);
  });
});

describe('the assessment schema', () => {
  it('accepts every score and every non-answer', () => {
    const a = { ...fresh(), answers: completeAnswers() };
    a.answers.blockers['K5'] = 'prefer-not-to-say';
    a.answers.skill['TR05'] = 'dont-know';
    a.answers.interest['TR05'] = 'not-applicable';
    a.answers.basics['B3'] = 'skipped';
    expect(accepts(a)).toBe(true);
  });

  it('accepts a finished assessment', () => {
    expect(accepts({ ...fresh(), status: 'finished', step: 8, finishedAt: 1 })).toBe(true);
  });

  it.each([5, -1, 'maybe', 2.5, null, '3'])('rejects the out-of-scale answer %j', (answer) => {
    const a = fresh();
    expect(accepts({ ...a, answers: { ...a.answers, skill: { TR05: answer } } })).toBe(false);
  });

  it('rejects an answer keyed by something that is not an item ID', () => {
    const a = fresh();
    expect(accepts({ ...a, answers: { ...a.answers, basics: { device: 4 } } })).toBe(false);
  });

  it('rejects unknown fields, on the assessment and among the answers', () => {
    expect(accepts({ ...fresh(), name: 'Jane Smith' })).toBe(false);
    const a = fresh();
    expect(accepts({ ...a, answers: { ...a.answers, notes: {} } })).toBe(false);
  });

  it('rejects a missing field', () => {
    const withoutVenue: Partial<Assessment> = fresh();
    delete withoutVenue.venue;
    expect(accepts(withoutVenue)).toBe(false);
  });

  it.each(['2025-13-01', '2025-02-30', '2025-02-29', '2025-00-10', '2025-3-1', '12/03/2025', ''])(
    'rejects the bad date %j',
    (date) => {
      expect(accepts({ ...fresh(), date })).toBe(false);
    },
  );

  it('rejects another bank or scale version, an unknown venue, set or status', () => {
    expect(accepts({ ...fresh(), bankVersion: 2 })).toBe(false);
    expect(accepts({ ...fresh(), scaleVersion: 2 })).toBe(false);
    expect(accepts({ ...fresh(), venue: 'pub' })).toBe(false);
    expect(accepts({ ...fresh(), set: 'medium' })).toBe(false);
    expect(accepts({ ...fresh(), status: 'done' })).toBe(false);
  });

  it('rejects a negative or fractional step', () => {
    expect(accepts({ ...fresh(), step: -1 })).toBe(false);
    expect(accepts({ ...fresh(), step: 1.5 })).toBe(false);
  });

  it('rejects a resident reference that is not a short pseudonymous code', () => {
    expect(accepts({ ...fresh(), residentRef: '' })).toBe(false);
    expect(accepts({ ...fresh(), residentRef: 'x'.repeat(41) })).toBe(false);
    expect(accepts({ ...fresh(), residentRef: 'jane@example.org' })).toBe(false);
  });
});

describe('ISO dates', () => {
  it('are real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-03-12')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-12-31')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-03-12T10:00')).toBe(false);
  });
});
