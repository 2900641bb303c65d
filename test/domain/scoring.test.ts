// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  bankV1,
  MISSING,
  scaleV1,
  scoreAssessment,
  sectionScore,
  type Answer,
  type Answers,
} from '../../src/domain/index.ts';
import { at, completeAnswers, headingOf, scenario, skillIds } from './builders.ts';

const SHORT_SET = bankV1.skills.filter((s) => s.short).map((s) => s.id);

describe('section scores', () => {
  it('are null with nothing answered, still saying how many items the section has', () => {
    const { sections } = scenario().scores();
    expect(sections.basics).toEqual({ score: null, answered: 0, total: 3, lowCoverage: true });
    expect(sections.blockers).toEqual({ score: null, answered: 0, total: 5, lowCoverage: true });
    expect(sections.skill).toEqual({ score: null, answered: 0, total: 48, lowCoverage: true });
    expect(sections.interest).toEqual({ score: null, answered: 0, total: 48, lowCoverage: true });
  });

  it('are 100 × the sum of scores over 4 × the number answered', () => {
    const s = scenario().basics('B1', 4).basics('B2', 2).basics('B3', 3);
    s.blocker('K1', 4).blocker('K2', 3).blocker('K3', 2).blocker('K4', 1).blocker('K5', 0);
    const { sections } = s.scores();
    expect(sections.basics).toMatchObject({ score: 75, answered: 3, total: 3 }); // 900 / 12
    expect(sections.blockers).toMatchObject({ score: 50, answered: 5, total: 5 }); // 1000 / 20
  });

  it('are 100 when everything answered is at the top of the scale and 0 at the bottom', () => {
    const s = scenario().answerAll(skillIds(), { skill: 4, interest: 0 });
    expect(s.scores().sections.skill.score).toBe(100);
    expect(s.scores().sections.interest.score).toBe(0);
  });

  it('round an exact half up (12.5 → 13, 37.5 → 38, 62.5 → 63)', () => {
    expect(scenario().basics('B1', 1).basics('B2', 0).scores().sections.basics.score).toBe(13);
    expect(scenario().basics('B1', 3).basics('B2', 0).scores().sections.basics.score).toBe(38);
    expect(scenario().basics('B1', 4).basics('B2', 1).scores().sections.basics.score).toBe(63);
    // Two skills scored 4 and 3: 700 / 8 = 87.5 → 88.
    const s = scenario().answer('GS01', { skill: 4 }).answer('GS02', { skill: 3 });
    expect(s.scores().sections.skill.score).toBe(88);
  });

  it('round anything else to the nearest whole number (8.33 → 8, 16.67 → 17)', () => {
    const third = scenario().basics('B1', 1).basics('B2', 0).basics('B3', 0);
    expect(third.scores().sections.basics.score).toBe(8);
    const twoThirds = scenario().basics('B1', 1).basics('B2', 1).basics('B3', 0);
    expect(twoThirds.scores().sections.basics.score).toBe(17);
  });

  it('count skills coverage against all 48 skills even when only the short set was asked', () => {
    const s = scenario().answerAll(SHORT_SET, { skill: 2, interest: 3 });
    const { skill, interest } = s.scores().sections;
    expect(skill).toEqual({ score: 50, answered: 14, total: 48, lowCoverage: true });
    expect(interest).toEqual({ score: 75, answered: 14, total: 48, lowCoverage: true });
  });

  it('score the skills and interest facets separately from each other', () => {
    const s = scenario().answer('GS01', { skill: 4 }).answer('GS02', { interest: 1 });
    const { skill, interest } = s.scores().sections;
    expect(skill).toMatchObject({ score: 100, answered: 1 });
    expect(interest).toMatchObject({ score: 25, answered: 1 });
  });

  it('give the full assessment a score for every section with full coverage', () => {
    const scores = scoreAssessment(completeAnswers(), bankV1, scaleV1);
    for (const section of Object.values(scores.sections)) {
      expect(section.answered).toBe(section.total);
      expect(section.lowCoverage).toBe(false);
      expect(section.score).not.toBeNull();
    }
  });

  it('are not combined into one overall score', () => {
    expect(Object.keys(scenario().scores().sections).sort()).toEqual([
      'basics',
      'blockers',
      'interest',
      'skill',
    ]);
    expect(scenario().scores()).not.toHaveProperty('overall');
  });
});

describe('answers that are not scores', () => {
  it.each(MISSING)('never count %s as zero, nor as answered', (missing) => {
    const s = scenario().basics('B1', 4).basics('B2', missing).basics('B3', 2);
    expect(s.scores().sections.basics).toEqual({
      score: 75, // (4 + 2) / 8, not (4 + 0 + 2) / 12 = 50
      answered: 2,
      total: 3,
      lowCoverage: false,
    });
  });

  it('leave a section null when every item is a non-answer', () => {
    const s = scenario();
    ['K1', 'K2', 'K3', 'K4', 'K5'].forEach((id, i) => s.blocker(id, at(MISSING, i % 4)));
    expect(s.scores().sections.blockers).toEqual({
      score: null,
      answered: 0,
      total: 5,
      lowCoverage: true,
    });
  });

  it('are excluded from skill and interest sums and from their coverage counts', () => {
    const s = scenario().answerAll(skillIds('getting-started'), { skill: 'dont-know' });
    s.answer('GS01', { skill: 2, interest: 'not-applicable' });
    s.answer('GS02', { skill: 4, interest: 'prefer-not-to-say' });
    s.answer('GS03', { interest: 'skipped' });
    const { sections, headings } = s.scores();
    expect(sections.skill).toMatchObject({ score: 75, answered: 2, total: 48 });
    expect(sections.interest).toMatchObject({ score: null, answered: 0, total: 48 });
    expect(at(headings, 0).skill).toMatchObject({ score: 75, answered: 2, total: 8 });
  });

  it('treat an item never asked the same way: it is simply not counted', () => {
    const s = scenario().basics('B1', 4);
    expect(s.scores().sections.basics).toMatchObject({ score: 100, answered: 1, total: 3 });
  });

  it('are kept in the answers: scoring never changes or drops them', () => {
    const s = scenario().basics('B1', 'prefer-not-to-say').blocker('K5', 'prefer-not-to-say');
    s.answer('TR05', { skill: 'dont-know', interest: 'skipped' });
    const before = structuredClone(s.answers);
    s.scores();
    expect(s.answers).toEqual(before);
  });
});

describe('low coverage', () => {
  it('marks Blockers with 2 of 5 answered, and not with 3 of 5', () => {
    const two = scenario().blocker('K1', 4).blocker('K2', 4);
    expect(two.scores().sections.blockers).toMatchObject({ answered: 2, lowCoverage: true });
    const three = two.blocker('K3', 4);
    expect(three.scores().sections.blockers).toMatchObject({ answered: 3, lowCoverage: false });
  });

  it('does not count non-answers towards the Blockers coverage', () => {
    const s = scenario().blocker('K1', 3).blocker('K2', 3);
    s.blocker('K3', 'dont-know').blocker('K4', 'skipped').blocker('K5', 'prefer-not-to-say');
    expect(s.scores().sections.blockers).toMatchObject({ answered: 2, lowCoverage: true });
  });

  it('marks Basics with 1 of 3 answered, and not with 2 of 3 (Basics needs only 2)', () => {
    const one = scenario().basics('B1', 3);
    expect(one.scores().sections.basics).toMatchObject({ answered: 1, lowCoverage: true });
    const two = one.basics('B3', 3);
    expect(two.scores().sections.basics).toMatchObject({ answered: 2, lowCoverage: false });
  });

  it('marks skills with 23 of 48 answered (under 50%), and not with 24 of 48', () => {
    const ids = skillIds();
    const s = scenario().answerAll(ids.slice(0, 23), { skill: 3, interest: 3 });
    expect(s.scores().sections.skill).toMatchObject({ answered: 23, lowCoverage: true });
    expect(s.scores().sections.interest).toMatchObject({ answered: 23, lowCoverage: true });
    s.answer(at(ids, 23), { skill: 3, interest: 3 });
    expect(s.scores().sections.skill).toMatchObject({ answered: 24, lowCoverage: false });
    expect(s.scores().sections.interest).toMatchObject({ answered: 24, lowCoverage: false });
  });

  it('marks a five-skill heading with 2 of 5 answered, and not with 3 of 5', () => {
    const ps = skillIds('problem-solving');
    const s = scenario().answerAll(ps.slice(0, 2), { skill: 1 });
    const heading = () => headingOf(s.scores(), 'problem-solving');
    expect(heading().skill).toMatchObject({ answered: 2, total: 5, lowCoverage: true });
    s.answer(at(ps, 2), { skill: 1 });
    expect(heading().skill).toMatchObject({ answered: 3, total: 5, lowCoverage: false });
  });

  it('marks an eight-skill heading with 3 of 8 answered (enough items, under 50%), not 4 of 8', () => {
    const ss = skillIds('staying-safe');
    const s = scenario().answerAll(ss.slice(0, 3), { interest: 2 });
    const heading = () => headingOf(s.scores(), 'staying-safe');
    expect(heading().interest).toMatchObject({ answered: 3, total: 8, lowCoverage: true });
    s.answer(at(ss, 3), { interest: 2 });
    expect(heading().interest).toMatchObject({ answered: 4, total: 8, lowCoverage: false });
  });

  it('marks a seven-skill heading with 3 of 7 answered, and not with 4 of 7', () => {
    const cm = skillIds('communicating');
    const s = scenario().answerAll(cm.slice(0, 3), { skill: 2 });
    const heading = () => headingOf(s.scores(), 'communicating');
    expect(heading().skill).toMatchObject({ answered: 3, total: 7, lowCoverage: true });
    s.answer(at(cm, 3), { skill: 2 });
    expect(heading().skill).toMatchObject({ answered: 4, total: 7, lowCoverage: false });
  });

  it('applies "fewer than 3 answered" even when coverage is 50% or more', () => {
    // No section of bank v1 has fewer than 5 items besides Basics, so check the rule directly.
    expect(sectionScore([4, 4, undefined], 3, scaleV1)).toEqual({
      score: 100,
      answered: 2,
      total: 3,
      lowCoverage: true,
    });
    expect(sectionScore([4, 4, undefined], 2, scaleV1).lowCoverage).toBe(false);
    expect(sectionScore([4, 4, 4, undefined], 3, scaleV1).lowCoverage).toBe(false);
  });

  it('applies "under 50%" even when 3 or more are answered', () => {
    const answers: (Answer | undefined)[] = [4, 4, 4, ...Array<undefined>(4)];
    expect(sectionScore(answers, 3, scaleV1)).toMatchObject({ answered: 3, lowCoverage: true });
    expect(sectionScore([...answers.slice(0, 6), 4], 3, scaleV1).lowCoverage).toBe(false);
  });
});

describe('heading sub-scores', () => {
  it('cover the seven headings in bank order with their skill counts, for both facets', () => {
    const { headings } = scenario().scores();
    expect(headings.map((h) => [h.headingId, h.skill.total, h.interest.total])).toEqual([
      ['getting-started', 8, 8],
      ['communicating', 7, 7],
      ['handling-information', 7, 7],
      ['transacting', 8, 8],
      ['problem-solving', 5, 5],
      ['staying-safe', 8, 8],
      ['advanced', 5, 5],
    ]);
    for (const h of headings) {
      expect(h.skill.score).toBeNull();
      expect(h.interest.score).toBeNull();
    }
  });

  it('score each heading from its own skills only, for each facet separately', () => {
    const headingIds = bankV1.headings.map((h) => h.id);
    const s = scenario();
    headingIds.forEach((id, i) => {
      s.answerAll(skillIds(id), { skill: (i % 5) as Answer, interest: (4 - (i % 5)) as Answer });
    });
    const { headings } = s.scores();
    expect(headings.map((h) => [h.skill.score, h.interest.score])).toEqual([
      [0, 100],
      [25, 75],
      [50, 50],
      [75, 25],
      [100, 0],
      [0, 100],
      [25, 75],
    ]);
    for (const h of headings) expect(h.skill.lowCoverage).toBe(false);
  });

  it('use the same formula and rounding as the sections', () => {
    // Advanced skills: 3 + 2 + 1 + 0 + 4 = 10 of 20 → 50; interest 1 + 1 + 1 of 12 → 25.
    const s = scenario().answer('AD01', { skill: 3, interest: 1 }).answer('AD02', { skill: 2 });
    s.answer('AD03', { skill: 1, interest: 1 }).answer('AD04', { skill: 0, interest: 1 });
    s.answer('AD05', { skill: 4 });
    const advanced = headingOf(s.scores(), 'advanced');
    expect(advanced.skill).toEqual({ score: 50, answered: 5, total: 5, lowCoverage: false });
    expect(advanced.interest).toEqual({ score: 25, answered: 3, total: 5, lowCoverage: false });
    // Getting started: 1 + 0 out of 8 points → 12.5 → 13.
    const half = scenario().answer('GS07', { skill: 1 }).answer('GS08', { skill: 0 });
    expect(headingOf(half.scores(), 'getting-started').skill.score).toBe(13);
  });
});

describe('flags', () => {
  it('raise an access gap for a Basics item scored 0 or 1, and not 2', () => {
    const s = scenario().basics('B1', 0).basics('B2', 1).basics('B3', 2);
    expect(s.scores().flags).toEqual([
      { kind: 'access-gap', itemId: 'B1', score: 0 },
      { kind: 'access-gap', itemId: 'B2', score: 1 },
    ]);
  });

  it('raise a significant barrier for a Blocker scored 0 or 1, and not 2 or more', () => {
    const s = scenario().blocker('K1', 2).blocker('K2', 0).blocker('K3', 3).blocker('K4', 1);
    s.blocker('K5', 4);
    expect(s.scores().flags).toEqual([
      { kind: 'significant-barrier', itemId: 'K2', score: 0 },
      { kind: 'significant-barrier', itemId: 'K4', score: 1 },
    ]);
  });

  it('can be raised for every Basics item and every Blocker, Basics first, in bank order', () => {
    const s = scenario().blocker('K5', 0).blocker('K1', 1).basics('B3', 0);
    ['K2', 'K3', 'K4'].forEach((id) => s.blocker(id, 1));
    ['B1', 'B2'].forEach((id) => s.basics(id, 1));
    expect(s.scores().flags.map((f) => `${f.kind} ${f.itemId}`)).toEqual([
      'access-gap B1',
      'access-gap B2',
      'access-gap B3',
      'significant-barrier K1',
      'significant-barrier K2',
      'significant-barrier K3',
      'significant-barrier K4',
      'significant-barrier K5',
    ]);
  });

  it('are never raised by non-answers', () => {
    const s = scenario();
    MISSING.forEach((m, i) => s.blocker(`K${i + 1}`, m));
    s.basics('B1', 'dont-know').basics('B2', 'skipped').blocker('K5', 'prefer-not-to-say');
    expect(s.scores().flags).toEqual([]);
  });

  it('are not raised by low skill scores', () => {
    const s = scenario().answerAll(skillIds(), { skill: 0, interest: 0 });
    expect(s.scores().flags).toEqual([]);
  });
});

describe('scoring as a whole', () => {
  it('is deterministic and never changes the answers it is given', () => {
    const answers = completeAnswers();
    const deepFreeze = (a: Answers) => {
      for (const facet of Object.values(a)) Object.freeze(facet);
      return Object.freeze(a);
    };
    const first = scoreAssessment(deepFreeze(answers), bankV1, scaleV1);
    const second = scoreAssessment(structuredClone(answers), bankV1, scaleV1);
    expect(second).toEqual(first);
  });

  it('ignores answers to IDs the bank does not have', () => {
    const s = scenario().basics('B9', 0).blocker('K9', 0);
    s.answers.skill['ZZ99'] = 0;
    s.answers.interest['ZZ99'] = 4;
    const scores = s.scores();
    expect(scores.flags).toEqual([]);
    expect(scores.sections.skill.answered).toBe(0);
    expect(scores.priorities).toEqual([]);
  });
});
