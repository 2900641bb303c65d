// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { bankV1, scaleV1, scoreAssessment } from '../../src/domain/index.ts';
import { render } from '../../src/server/messages.ts';
import { checkRecord } from '../../src/server/services/record-check.ts';
import { answersWith, finishedAssessment, rawRecord, record } from './support/api.ts';

const rejection = (check: ReturnType<typeof checkRecord>) =>
  check.ok ? { ok: true } : { code: check.code, message: render('en', check.message) };

describe('checking one pushed record', () => {
  it('accepts a finished assessment and scores it with the domain scoring', () => {
    const assessment = finishedAssessment();
    const check = checkRecord(record(assessment));
    expect(check).toEqual({
      ok: true,
      assessment,
      scores: scoreAssessment(assessment.answers, bankV1, scaleV1),
    });
  });

  it('accepts non-answers and questions not asked (a short set)', () => {
    const assessment = finishedAssessment({
      set: 'short',
      answers: answersWith((a) => {
        a.basics['B1'] = 'prefer-not-to-say';
        a.skill['GS01'] = 'dont-know';
        delete a.interest['GS01'];
      }),
    });
    expect(checkRecord(record(assessment)).ok).toBe(true);
  });

  it.each([
    ['an unknown top-level field', { colour: 'blue' }, 'unknown_field', /colour/],
    [
      'an unknown answer section',
      { answers: { ...finishedAssessment().answers, extra: {} } },
      'unknown_field',
      /answers\.extra/,
    ],
    ['another question bank', { bankVersion: 2 }, 'unsupported_bank_version', /bankVersion 2/],
    ['another scale', { scaleVersion: 3 }, 'unsupported_bank_version', /scaleVersion 3/],
    [
      'an answer out of the scale',
      { answers: answersWith((a) => (a.skill['GS01'] = 7 as never)) },
      'answer_out_of_scale',
      /skill\.GS01 = 7/,
    ],
    [
      'an answer that is not an answer',
      { answers: answersWith((a) => (a.basics['B2'] = 'maybe' as never)) },
      'answer_out_of_scale',
      /basics\.B2 = "maybe"/,
    ],
    [
      'an item the bank does not have',
      { answers: answersWith((a) => (a.skill['ZZ99'] = 2)) },
      'unknown_item',
      /skill\.ZZ99/,
    ],
    [
      'an item id of the wrong shape',
      { answers: answersWith((a) => (a.basics['nope'] = 2)) },
      'unknown_item',
      /basics\.nope/,
    ],
    ['an unfinished assessment', { status: 'in-progress' }, 'not_finished', /not finished/],
    [
      'a date that does not exist',
      { date: '2026-02-30' },
      'invalid_record',
      /date: not a real date/,
    ],
    ['a missing field', { step: undefined }, 'invalid_record', /step: missing field/],
  ] as const)('rejects %s', (_, change, code, message) => {
    const check = checkRecord(rawRecord(finishedAssessment(), change));
    expect(rejection(check)).toEqual({ code, message: expect.stringMatching(message) });
  });

  it('rejects a record that is not an object at all', () => {
    const check = checkRecord({ id: 'x', revision: 1, assessment: 'hello' });
    expect(rejection(check)).toMatchObject({ code: 'invalid_record' });
  });

  it.each([
    ['id', { id: 'other' }],
    ['revision', { revision: 3 }],
  ])('rejects a record whose %s differs from its assessment', (_, change) => {
    const assessment = finishedAssessment();
    const check = checkRecord({ ...record(assessment), ...change });
    expect(rejection(check)).toEqual({
      code: 'invalid_record',
      message: expect.stringContaining('the assessment inside it'),
    });
  });

  it('names the version problem first when a record of another bank has other problems too', () => {
    const check = checkRecord(
      rawRecord(finishedAssessment(), { bankVersion: 2, colour: 'blue', status: 'in-progress' }),
    );
    expect(rejection(check)).toMatchObject({ code: 'unsupported_bank_version' });
  });
});
