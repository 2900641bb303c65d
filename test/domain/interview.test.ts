// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  bankV1,
  emptyAnswers,
  interviewSteps,
  questionsInSet,
  questionsOnStep,
  skillsInSet,
  unansweredOnStep,
  type Step,
} from '../../src/domain/index.ts';

const SHORT_SET = [
  ...['GS01', 'GS05', 'GS06', 'CM02', 'CM04', 'HI01', 'HI02'],
  ...['TR04', 'TR05', 'TR07', 'TR08', 'PS02', 'SS01', 'SS03'],
];

const describeStep = (step: Step) =>
  step.kind === 'heading' ? `${step.headingId} (${step.skills.length})` : step.kind;

const headingStep = (set: 'full' | 'short', headingId: string) => {
  const step = interviewSteps(bankV1, set).find(
    (s) => s.kind === 'heading' && s.headingId === headingId,
  );
  if (!step) throw new Error(`no step for ${headingId}`);
  return step;
};

describe('interview steps', () => {
  it('are Basics, Blockers, one step per heading and a review for the full set: 10 steps', () => {
    expect(interviewSteps(bankV1, 'full').map(describeStep)).toEqual([
      'basics',
      'blockers',
      'getting-started (8)',
      'communicating (7)',
      'handling-information (7)',
      'transacting (8)',
      'problem-solving (5)',
      'staying-safe (8)',
      'advanced (5)',
      'review',
    ]);
  });

  it('ask the 14 short-set skills in the short set, with no step for Advanced skills', () => {
    const steps = interviewSteps(bankV1, 'short');
    expect(steps.map(describeStep)).toEqual([
      'basics',
      'blockers',
      'getting-started (3)',
      'communicating (2)',
      'handling-information (2)',
      'transacting (4)',
      'problem-solving (1)',
      'staying-safe (2)',
      'review',
    ]);
    const asked = steps.flatMap((s) => (s.kind === 'heading' ? s.skills.map((k) => k.id) : []));
    expect(asked).toEqual(SHORT_SET);
  });

  it('choose the skills of a set in bank order', () => {
    expect(skillsInSet(bankV1, 'short').map((s) => s.id)).toEqual(SHORT_SET);
    expect(skillsInSet(bankV1, 'full')).toHaveLength(48);
  });
});

describe('questions on a step', () => {
  it('are the three Basics items on the Basics step', () => {
    expect(questionsOnStep(bankV1, { kind: 'basics' })).toEqual([
      { facet: 'basics', itemId: 'B1' },
      { facet: 'basics', itemId: 'B2' },
      { facet: 'basics', itemId: 'B3' },
    ]);
  });

  it('are the five Blockers on the Blockers step, K5 included', () => {
    expect(questionsOnStep(bankV1, { kind: 'blockers' }).map((q) => q.itemId)).toEqual([
      'K1',
      'K2',
      'K3',
      'K4',
      'K5',
    ]);
  });

  it('are two questions per skill on a heading step, skill then interest', () => {
    const questions = questionsOnStep(bankV1, headingStep('short', 'transacting'));
    expect(questions.map((q) => `${q.itemId} ${q.facet}`)).toEqual([
      'TR04 skill',
      'TR04 interest',
      'TR05 skill',
      'TR05 interest',
      'TR07 skill',
      'TR07 interest',
      'TR08 skill',
      'TR08 interest',
    ]);
  });

  it('are none on the review step', () => {
    expect(questionsOnStep(bankV1, { kind: 'review' })).toEqual([]);
  });

  it('add up to 104 questions in the full set and 36 in the short set', () => {
    expect(questionsInSet(bankV1, 'full')).toHaveLength(3 + 5 + 48 * 2);
    expect(questionsInSet(bankV1, 'short')).toHaveLength(3 + 5 + 14 * 2);
  });
});

describe('unanswered questions on a step', () => {
  it('are all of them before anything is answered', () => {
    expect(unansweredOnStep(bankV1, { kind: 'basics' }, emptyAnswers())).toHaveLength(3);
  });

  it('leave out questions with a score or with a non-answer', () => {
    const answers = emptyAnswers();
    answers.blockers['K1'] = 0;
    answers.blockers['K3'] = 'skipped';
    answers.blockers['K5'] = 'prefer-not-to-say';
    expect(unansweredOnStep(bankV1, { kind: 'blockers' }, answers)).toEqual([
      { facet: 'blockers', itemId: 'K2' },
      { facet: 'blockers', itemId: 'K4' },
    ]);
  });

  it('name the facet left unanswered on a heading step', () => {
    const answers = emptyAnswers();
    answers.skill['PS02'] = 2;
    expect(unansweredOnStep(bankV1, headingStep('short', 'problem-solving'), answers)).toEqual([
      { facet: 'interest', itemId: 'PS02' },
    ]);
    answers.interest['PS02'] = 'dont-know';
    expect(unansweredOnStep(bankV1, headingStep('short', 'problem-solving'), answers)).toEqual([]);
  });

  it('only look at the questions of that step', () => {
    const answers = emptyAnswers();
    answers.skill['GS02'] = 3; // a full-set skill, not on the short Getting started step
    expect(unansweredOnStep(bankV1, headingStep('short', 'getting-started'), answers)).toHaveLength(
      6,
    );
    expect(unansweredOnStep(bankV1, headingStep('full', 'getting-started'), answers)).toHaveLength(
      15,
    );
  });

  it('are none on the review step', () => {
    expect(unansweredOnStep(bankV1, { kind: 'review' }, emptyAnswers())).toEqual([]);
  });
});
