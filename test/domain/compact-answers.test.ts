// @vitest-environment node
// Answers in their compact form: one character per bank item in bank order, and back again
// unchanged, every non-answer and every item not asked included.
import { describe, expect, it } from 'vitest';
import {
  FACETS,
  MISSING,
  SCORES,
  bankV1,
  compactAnswersSchema,
  decodeAnswers,
  emptyAnswers,
  encodeAnswers,
  type Answer,
  type Answers,
} from '../../src/domain/index.ts';
import { completeAnswers, scenario, skillIds } from './builders.ts';

const schema = compactAnswersSchema(bankV1);
const notAsked = (n: number) => '.'.repeat(n);

describe('compact answers', () => {
  it('lays out one character per item in bank order', () => {
    const answers = scenario()
      .basics('B1', 4)
      .basics('B2', 'skipped')
      .blocker('K1', 'prefer-not-to-say')
      .blocker('K2', 'dont-know')
      .blocker('K3', 'not-applicable')
      .blocker('K4', 0)
      .answer('GS01', { skill: 3 })
      .answer(skillIds().at(-1) ?? '', { interest: 2 }).answers;

    expect(encodeAnswers(answers, bankV1)).toEqual({
      basics: '4s.',
      blockers: 'pdn0.',
      skill: `3${notAsked(47)}`,
      interest: `${notAsked(47)}2`,
    });
  });

  it.each<[string, Answers]>([
    ['nothing asked', emptyAnswers()],
    ['every question scored', completeAnswers()],
    [
      'every answer at every item',
      (() => {
        const all: readonly Answer[] = [...SCORES, ...MISSING];
        const answers = emptyAnswers();
        const ids = {
          basics: bankV1.basics.map((i) => i.id),
          blockers: bankV1.blockers.map((i) => i.id),
          skill: skillIds(),
          interest: skillIds(),
        };
        // Shifted per facet, so each item meets several answers and some are left not asked.
        FACETS.forEach((facet, f) =>
          ids[facet].forEach((id, i) => {
            const answer = all[(i + f) % (all.length + 1)];
            if (answer !== undefined) answers[facet][id] = answer;
          }),
        );
        return answers;
      })(),
    ],
  ])('gives back the same answers: %s', (_, answers) => {
    const compact = encodeAnswers(answers, bankV1);
    expect(schema.parse(compact)).toEqual(compact);
    expect(decodeAnswers(compact, bankV1)).toEqual(answers);
  });

  it('refuses to encode an item the bank does not have, naming it', () => {
    const answers = completeAnswers();
    answers.skill['ZZ99'] = 1;
    expect(() => encodeAnswers(answers, bankV1)).toThrow(
      'answers.skill has ZZ99, not in bank version 1',
    );
    const missingOne = scenario().basics('B1', 2).answers;
    missingOne.basics['B9'] = 'skipped';
    expect(() => encodeAnswers(missingOne, bankV1)).toThrow(
      'answers.basics has B9, not in bank version 1',
    );
  });

  it('refuses to encode a value that is not an answer', () => {
    const answers = completeAnswers();
    answers.blockers['K1'] = 5 as never;
    expect(() => encodeAnswers(answers, bankV1)).toThrow('answers.blockers.K1 is 5, not an answer');
  });

  it('checks each string for its exact length and characters', () => {
    const good = encodeAnswers(completeAnswers(), bankV1);
    expect(schema.safeParse(good).success).toBe(true);
    for (const bad of [
      { ...good, basics: '44' },
      { ...good, basics: '4444' },
      { ...good, blockers: '0123x' },
      { ...good, skill: `5${good.skill.slice(1)}` },
      { ...good, interest: ` ${good.interest.slice(1)}` },
      { basics: good.basics, blockers: good.blockers, skill: good.skill },
      { ...good, basics: 432 },
    ]) {
      expect(schema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses to decode a string of the wrong length or with other characters', () => {
    const good = encodeAnswers(completeAnswers(), bankV1);
    expect(() => decodeAnswers({ ...good, basics: '44' }, bankV1)).toThrow(
      'answers.basics has 2 characters; bank version 1 has 3 items',
    );
    expect(() => decodeAnswers({ ...good, blockers: '01x34' }, bankV1)).toThrow(
      'answers.blockers has "x", not an answer',
    );
  });
});
