// @vitest-environment node
// Cohort figures against a small cohort worked by hand: each person counted once, latest visit
// for the profile, gain only for people with two or more visits, and every figure about fewer
// people than the threshold suppressed.
import { describe, expect, it } from 'vitest';
import {
  bankV1,
  cohortFigures,
  residentsOf,
  scaleV1,
  type ResidentVisits,
} from '../../src/domain/index.ts';
import { scenario } from './builders.ts';

const visits = (...answers: ReturnType<typeof scenario>[]) => answers.map((s) => s.answers);

/**
 * Six residents. Latest Basics: 100, 50, 50, 100, 25 and none scored. GS01 latest (skill,
 * interest): (1, 4) High 12, (3, 4) Medium 4, (2, 4) Medium 8, (4, 0) None, (1, 3) High 9, and
 * one skipped. R3 and R4 came twice: Basics B1 0 → 2 (+50), and B1 4 → 4, B2 0 → 4 (+50).
 */
const cohort: ResidentVisits[] = [
  {
    residentId: 'R1',
    visits: visits(
      scenario()
        .basics('B1', 4)
        .basics('B2', 4)
        .basics('B3', 4)
        .answer('GS01', { skill: 1, interest: 4 }),
    ),
  },
  {
    residentId: 'R2',
    visits: visits(
      scenario().basics('B1', 2).basics('B2', 2).answer('GS01', { skill: 3, interest: 4 }),
    ),
  },
  {
    residentId: 'R3',
    visits: visits(
      scenario().basics('B1', 0).answer('GS01', { skill: 0 }),
      scenario()
        .basics('B1', 2)
        .basics('B2', 2)
        .basics('B3', 2)
        .answer('GS01', { skill: 2, interest: 4 }),
    ),
  },
  {
    residentId: 'R4',
    visits: visits(
      scenario().basics('B1', 4).basics('B2', 0),
      scenario().basics('B1', 4).basics('B2', 4).answer('GS01', { skill: 4, interest: 0 }),
    ),
  },
  {
    residentId: 'R5',
    visits: visits(
      scenario()
        .basics('B1', 1)
        .basics('B2', 1)
        .basics('B3', 1)
        .answer('GS01', { skill: 1, interest: 3 }),
    ),
  },
  {
    residentId: 'R6',
    visits: visits(scenario().basics('B1', 'dont-know').answer('GS01', { skill: 'skipped' })),
  },
];

describe('cohort figures', () => {
  const figures = cohortFigures(cohort, bankV1, scaleV1);

  it('counts residents and assessments', () => {
    expect(figures.residents).toEqual({ n: 6, suppressed: false, value: 6 });
    expect(figures.assessments).toEqual({ n: 6, suppressed: false, value: 8 });
  });

  it('profiles each person once, from their latest visit, leaving out who scored nothing', () => {
    // 100, 50, 50, 100, 25: mean 65, median 50.
    expect(figures.profile.basics).toEqual({
      n: 5,
      suppressed: false,
      value: { mean: 65, median: 50 },
    });
  });

  it('gives each skill its mean and the share doing it themselves, and ranks the High shares', () => {
    const gs01 = figures.skills.find((s) => s.skillId === 'GS01');
    // Skill 1, 3, 2, 4, 1: mean 2.2; 3 or more: 2 of 5.
    expect(gs01?.meanSkill).toEqual({ n: 5, suppressed: false, value: 2.2 });
    expect(gs01?.independentPercent).toEqual({ n: 5, suppressed: false, value: 40 });
    // High for R1 and R5 of the five with both facets.
    expect(figures.priorities[0]).toEqual({
      skillId: 'GS01',
      highPercent: { n: 5, suppressed: false, value: 40 },
    });
    expect(figures.priorities.slice(1).every((p) => p.highPercent.suppressed)).toBe(true);
  });

  it('suppresses a figure about fewer than 5 people, keeping only its n', () => {
    expect(figures.skills.find((s) => s.skillId === 'GS02')?.meanSkill).toEqual({
      n: 0,
      suppressed: true,
    });
    // Only R3 and R4 came twice.
    expect(figures.revisited).toEqual({ n: 2, suppressed: true });
    expect(figures.gain.basics).toEqual({ n: 2, suppressed: true });
  });

  it('takes gain from people with two or more visits only, first against latest', () => {
    const small = cohortFigures(cohort, bankV1, scaleV1, 2);
    expect(small.gain.basics).toEqual({ n: 2, suppressed: false, value: { mean: 50, median: 50 } });
    // GS01 skill: R3 0 → 2 (+50); R4 has no first GS01 score, so no pair.
    expect(small.gain.skill).toEqual({ n: 1, suppressed: true });
  });

  it('suppresses everything about a cohort smaller than the threshold, the head count too', () => {
    const tiny = cohortFigures(cohort.slice(0, 4), bankV1, scaleV1);
    expect(tiny.residents).toEqual({ n: 4, suppressed: true });
    expect(tiny.assessments).toEqual({ n: 4, suppressed: true });
    expect(tiny.profile.basics).toEqual({ n: 4, suppressed: true });
  });

  it('groups records into people by reference, visits by date; no reference, a person alone', () => {
    const a = scenario().basics('B1', 0).answers;
    const b = scenario().basics('B1', 4).answers;
    const people = residentsOf([
      { id: 'x2', residentRef: 'R1', date: '2026-03-01', answers: b },
      { id: 'x3', residentRef: null, date: '2026-01-01', answers: a },
      { id: 'x1', residentRef: 'R1', date: '2026-01-15', answers: a },
      { id: 'x4', residentRef: null, date: '2026-01-01', answers: b },
    ]);
    expect(people.map((p) => p.residentId)).toEqual(['R1', 'assessment:x3', 'assessment:x4']);
    expect(people[0]?.visits).toEqual([a, b]);
    expect(people[1]?.visits).toEqual([a]);
  });
});
