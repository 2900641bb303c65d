// @vitest-environment node
// Baselines against examples worked by hand: compared on common items only, aggregated like
// section scores; the closest by mean absolute difference over at least 10 common items.
import { describe, expect, it } from 'vitest';
import personas from '../../src/domain/bank/personas-v1.json';
import {
  baselineFromCohort,
  bankV1,
  closestBaselines,
  compareBaselines,
  compareWithBaseline,
  DataError,
  loadBaselines,
  type Baseline,
} from '../../src/domain/index.ts';
import { scenario, skillIds } from './builders.ts';

const shipped = loadBaselines(personas, bankV1);

const flat = (id: string, skill: number): Baseline => ({
  id,
  name: { en: id, cy: id },
  provenance: 'illustrative',
  source: 'Illustrative example, not official data',
  values: {
    basics: {},
    blockers: {},
    skill: Object.fromEntries(skillIds().map((s) => [s, skill])),
    interest: {},
  },
});

describe('baselines', () => {
  it('ships the five illustrative archetypes, each labelled as such, in both languages', () => {
    expect(shipped.map((b) => b.name.en)).toEqual([
      'Not for me',
      'Reliant on others',
      'Unconfident',
      'Low income and confidence',
      'Financially constrained',
    ]);
    for (const b of shipped) {
      expect(b.provenance).toBe('illustrative');
      expect(b.source).toMatch(/^Illustrative example, not official data/);
      expect(b.name.cy).not.toBe(b.name.en);
    }
  });

  it('refuses a file with every problem named, loading nothing', () => {
    const bad = [
      { ...flat('one', 2), values: { ...flat('one', 2).values, basics: { B9: 2 } } },
      { ...flat('one', 5) },
    ];
    let error: unknown;
    try {
      loadBaselines(bad, bankV1);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems.join('\n')).toMatch(/1\.values\.skill\.GS01/);
    expect(() => loadBaselines([bad[0]], bankV1)).toThrow(/basics\.B9 is not in the question bank/);
    expect(() => loadBaselines([flat('same', 1), flat('same', 2)], bankV1)).toThrow(
      /the id same is used twice/,
    );
  });

  it('compares on the items both have, aggregated like section scores', () => {
    // Person: GS01 4, GS02 2, GS03 not asked. Baseline: all skills 1.
    const person = scenario().answer('GS01', { skill: 4 }).answer('GS02', { skill: 2 });
    const result = compareWithBaseline(person.answers, flat('ones', 1), bankV1);
    // Common: GS01, GS02. Person 100 × 6 / 8 = 75; baseline 100 × 2 / 8 = 25.
    expect(result.sections.skill).toEqual({ person: 75, baseline: 25, common: 2 });
    expect(result.headings.find((h) => h.headingId === 'getting-started')?.skill).toEqual({
      person: 75,
      baseline: 25,
      common: 2,
    });
    expect(result.sections.interest).toEqual({ person: null, baseline: null, common: 0 });
  });

  it('finds the closest over at least 10 common items, and none with fewer', () => {
    const ten = skillIds().slice(0, 10);
    const person = scenario().answerAll(ten, { skill: 3 });
    // |3 − 1| = 2 and |3 − 4| = 1 on each of 10 items.
    expect(closestBaselines(person.answers, [flat('ones', 1), flat('fours', 4)], bankV1)).toEqual([
      { baselineId: 'fours', difference: 1, common: 10 },
      { baselineId: 'ones', difference: 2, common: 10 },
    ]);
    const nine = scenario().answerAll(ten.slice(0, 9), { skill: 3 });
    expect(closestBaselines(nine.answers, [flat('ones', 1)], bankV1)).toEqual([]);
  });

  it('makes a local-cohort baseline from first visits, leaving out items too few people scored', () => {
    const people = [1, 2, 3, 4, 4].map(
      (v, i) =>
        scenario()
          .answer('GS01', { skill: v as 1 | 2 | 3 | 4 })
          .answer('GS02', { skill: i < 4 ? 2 : 'dont-know' }).answers,
    );
    const baseline = baselineFromCohort(
      people,
      { id: 'spring', name: { en: 'Spring', cy: 'Gwanwyn' }, source: 'Library drop-in, spring' },
      bankV1,
      5,
    );
    // GS01 by 5 people: (1 + 2 + 3 + 4 + 4) / 5 = 2.8. GS02 by only 4: left out.
    expect(baseline.values.skill).toEqual({ GS01: 2.8 });
    expect(baseline.provenance).toBe('local-cohort');
  });

  it('compares a cohort mean with another baseline on the items both have', () => {
    const cohort: Baseline = {
      ...flat('cohort', 0),
      provenance: 'local-cohort',
      // GS01 mean 2.5, GS02 mean 1.5; GS03 left out (too few people scored it).
      values: { basics: { B1: 3 }, blockers: {}, skill: { GS01: 2.5, GS02: 1.5 }, interest: {} },
    };
    const result = compareBaselines(cohort, flat('ones', 1), bankV1);
    // Common skills: GS01, GS02. Cohort 100 × 4 / 8 = 50; baseline 100 × 2 / 8 = 25.
    expect(result.sections.skill).toEqual({ person: 50, baseline: 25, common: 2 });
    expect(result.headings.find((h) => h.headingId === 'getting-started')?.skill).toEqual({
      person: 50,
      baseline: 25,
      common: 2,
    });
    expect(result.headings.find((h) => h.headingId === 'communicating')?.skill).toEqual({
      person: null,
      baseline: null,
      common: 0,
    });
    // The other baseline has no basics: nothing in common there.
    expect(result.sections.basics).toEqual({ person: null, baseline: null, common: 0 });
  });
});
