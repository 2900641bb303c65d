// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  bandOf,
  MISSING,
  PLAN_LENGTH,
  scaleV1,
  skillPriority,
  type Score,
} from '../../src/domain/index.ts';
import { scenario, skillIds } from './builders.ts';

describe('priority per skill', () => {
  it('follows the worked example: Pay bills online, skill 1 and interest 4, is 3 × 4 = 12, High', () => {
    const s = scenario();
    s.answer('TR05', { skill: 1, interest: 4 });
    s.basics('B1', 0);
    s.blocker('K3', 1);
    const scores = s.scores();
    expect(scores.plan[0]).toMatchObject({ skillId: 'TR05', band: 'high', priority: 12 });
    expect(scores.priorities).toEqual([
      {
        skillId: 'TR05',
        headingId: 'transacting',
        skill: 1,
        interest: 4,
        gap: 3,
        priority: 12,
        band: 'high',
      },
    ]);
  });

  it('is 0, band None and out of the plan when the person is not interested', () => {
    const scores = scenario().answer('TR05', { skill: 1, interest: 0 }).scores();
    expect(scores.priorities).toEqual([expect.objectContaining({ priority: 0, band: 'none' })]);
    expect(scores.plan).toEqual([]);
  });

  it('is 0, band None and out of the plan when the person could teach others', () => {
    const scores = scenario().answer('TR05', { skill: 4, interest: 4 }).scores();
    expect(scores.priorities[0]).toMatchObject({ gap: 0, priority: 0, band: 'none' });
    expect(scores.plan).toEqual([]);
  });

  it.each<[Score, Score, number, number, string]>([
    [0, 4, 4, 16, 'high'],
    [1, 3, 3, 9, 'high'],
    [2, 4, 2, 8, 'medium'],
    [0, 1, 4, 4, 'medium'],
    [1, 1, 3, 3, 'low'],
    [3, 1, 1, 1, 'low'],
    [2, 0, 2, 0, 'none'],
  ])(
    'with skill %i and interest %i has gap %i, priority %i and band %s',
    (skill, interest, gap, priority, band) => {
      const scores = scenario().answer('HI01', { skill, interest }).scores();
      expect(scores.priorities[0]).toMatchObject({ skillId: 'HI01', gap, priority, band });
    },
  );

  it('is only worked out when both facets are scored', () => {
    expect(skillPriority(1, 4, scaleV1)).toEqual({ gap: 3, priority: 12, band: 'high' });
    expect(skillPriority(1, undefined, scaleV1)).toBeNull();
    expect(skillPriority(undefined, 4, scaleV1)).toBeNull();
    for (const missing of MISSING) {
      expect(skillPriority(1, missing, scaleV1)).toBeNull();
      expect(skillPriority(missing, 4, scaleV1)).toBeNull();
    }
  });
});

describe('bands', () => {
  it.each([
    [0, 'none'],
    [1, 'low'],
    [3, 'low'],
    [4, 'medium'],
    [8, 'medium'],
    [9, 'high'],
    [16, 'high'],
  ])('put priority %i in band %s', (priority, band) => {
    expect(bandOf(priority, scaleV1)).toBe(band);
  });

  it('split at 3/4 and 8/9 for real gap × interest combinations', () => {
    const s = scenario();
    s.answer('GS01', { skill: 1, interest: 3 }); // gap 3 × 3 = 9
    s.answer('GS02', { skill: 2, interest: 4 }); // gap 2 × 4 = 8
    s.answer('GS03', { skill: 0, interest: 1 }); // gap 4 × 1 = 4
    s.answer('GS04', { skill: 1, interest: 1 }); // gap 3 × 1 = 3
    const bands = Object.fromEntries(s.scores().priorities.map((p) => [p.skillId, p.band]));
    expect(bands).toEqual({ GS01: 'high', GS02: 'medium', GS03: 'medium', GS04: 'low' });
  });
});

describe('ask about interest', () => {
  it('lists a skill scored for skill but never asked about interest, and invents no priority', () => {
    const scores = scenario().answer('TR05', { skill: 1 }).scores();
    expect(scores.askAboutInterest).toEqual(['TR05']);
    expect(scores.priorities).toEqual([]);
    expect(scores.plan).toEqual([]);
  });

  it.each(MISSING)('lists a skill whose interest answer is %s, and invents no priority', (m) => {
    const scores = scenario().answer('TR05', { skill: 0, interest: m }).scores();
    expect(scores.askAboutInterest).toEqual(['TR05']);
    expect(scores.priorities).toEqual([]);
  });

  it('does not list a skill once its interest is scored, even as 0', () => {
    const scores = scenario().answer('TR05', { skill: 1, interest: 0 }).scores();
    expect(scores.askAboutInterest).toEqual([]);
  });

  it('does not list a skill whose skill answer is itself missing', () => {
    const s = scenario().answer('TR05', { skill: 'dont-know', interest: 4 });
    s.answer('TR06', { interest: 3 });
    const scores = s.scores();
    expect(scores.askAboutInterest).toEqual([]);
    expect(scores.priorities).toEqual([]);
  });

  it('lists skills in bank order', () => {
    const s = scenario().answer('AD05', { skill: 2 }).answer('GS01', { skill: 3 });
    s.answer('TR05', { skill: 0, interest: 'skipped' }).answer('HI01', { skill: 1, interest: 2 });
    expect(s.scores().askAboutInterest).toEqual(['GS01', 'TR05', 'AD05']);
  });
});

describe('learning plan', () => {
  const planIds = (s: ReturnType<typeof scenario>) => s.scores().plan.map((p) => p.skillId);

  it('puts the highest priority first', () => {
    const s = scenario();
    s.answer('GS01', { skill: 3, interest: 2 }); // 2
    s.answer('TR05', { skill: 0, interest: 4 }); // 16
    s.answer('AD01', { skill: 2, interest: 3 }); // 6
    expect(planIds(s)).toEqual(['TR05', 'AD01', 'GS01']);
  });

  it('breaks a priority tie by interest, higher interest first, whatever the bank order', () => {
    const s = scenario();
    s.answer('GS01', { skill: 0, interest: 2 }); // gap 4 × 2 = 8
    s.answer('AD01', { skill: 2, interest: 4 }); // gap 2 × 4 = 8
    expect(planIds(s)).toEqual(['AD01', 'GS01']);
  });

  it('breaks a tie on priority and interest by heading order, Getting started first', () => {
    const s = scenario();
    s.answer('SS01', { skill: 1, interest: 3 }); // answered first, later heading
    s.answer('CM07', { skill: 1, interest: 3 });
    s.answer('GS08', { skill: 1, interest: 3 });
    expect(planIds(s)).toEqual(['GS08', 'CM07', 'SS01']);
  });

  it('breaks a tie within a heading by skill order', () => {
    const s = scenario();
    s.answer('TR08', { skill: 2, interest: 2 });
    s.answer('TR02', { skill: 2, interest: 2 });
    s.answer('TR05', { skill: 2, interest: 2 });
    expect(planIds(s)).toEqual(['TR02', 'TR05', 'TR08']);
  });

  it('applies all four sort keys together', () => {
    const s = scenario();
    s.answer('AD05', { skill: 0, interest: 3 }); // 12, interest 3
    s.answer('PS01', { skill: 1, interest: 4 }); // 12, interest 4
    s.answer('HI07', { skill: 0, interest: 3 }); // 12, interest 3
    s.answer('HI02', { skill: 0, interest: 3 }); // 12, interest 3
    s.answer('GS01', { skill: 0, interest: 4 }); // 16
    expect(planIds(s)).toEqual(['GS01', 'PS01', 'HI02', 'HI07', 'AD05']);
  });

  it(`keeps only the top ${PLAN_LENGTH}, while every scored skill stays in the priorities`, () => {
    const s = scenario().answerAll(skillIds('getting-started'), { skill: 2, interest: 2 });
    s.answer('AD05', { skill: 0, interest: 4 });
    const scores = s.scores();
    expect(PLAN_LENGTH).toBe(5);
    expect(scores.plan.map((p) => p.skillId)).toEqual(['AD05', 'GS01', 'GS02', 'GS03', 'GS04']);
    expect(scores.priorities).toHaveLength(9);
  });

  it('includes only priorities of 1 or more, so it is shorter when fewer qualify', () => {
    const s = scenario();
    s.answer('GS01', { skill: 3, interest: 1 }); // 1: the lowest that qualifies
    s.answer('GS02', { skill: 4, interest: 4 }); // 0
    s.answer('GS03', { skill: 0, interest: 0 }); // 0
    s.answer('GS04', { skill: 1, interest: 2 }); // 6
    s.answer('GS05', { skill: 2 }); // ask about interest
    const scores = s.scores();
    expect(scores.plan.map((p) => p.skillId)).toEqual(['GS04', 'GS01']);
    expect(scores.plan.every((p) => p.priority >= 1)).toBe(true);
    expect(scores.priorities.map((p) => p.skillId)).toEqual(['GS04', 'GS01', 'GS02', 'GS03']);
  });

  it('is empty when nothing is answered', () => {
    expect(scenario().scores().plan).toEqual([]);
  });

  it('is the same whatever order the answers were given in', () => {
    const forwards = scenario();
    const backwards = scenario();
    const ids = skillIds();
    ids.forEach((id, i) => forwards.answer(id, { skill: (i % 3) as Score, interest: 3 }));
    [...ids]
      .reverse()
      .forEach((id) =>
        backwards.answer(id, { skill: (ids.indexOf(id) % 3) as Score, interest: 3 }),
      );
    expect(backwards.scores().plan).toEqual(forwards.scores().plan);
    expect(forwards.scores().plan.map((p) => p.skillId)).toEqual([
      'GS01',
      'GS04',
      'GS07',
      'CM02',
      'CM05',
    ]);
  });
});
