// @vitest-environment node
// Progress between two visits, against examples worked by hand from the specification:
// paired items only, gain = 100 × Σ change / (4 × paired), counts and lists, declines shown.
import { describe, expect, it } from 'vitest';
import { bankV1, progressBetween, scaleV1 } from '../../src/domain/index.ts';
import { scenario } from './builders.ts';

const progress = (first: ReturnType<typeof scenario>, later: ReturnType<typeof scenario>) =>
  progressBetween(first.answers, later.answers, bankV1, scaleV1);

describe('progress between two visits', () => {
  it('gains on paired skills only, with the basis, and leaves out what one visit lacks', () => {
    // GS01 1 → 3 (+2), GS02 2 → 2 (0), GS03 4 → 3 (−1); GS04 only later, GS05 "don't know" later.
    const first = scenario()
      .answer('GS01', { skill: 1 })
      .answer('GS02', { skill: 2 })
      .answer('GS03', { skill: 4 })
      .answer('GS05', { skill: 0 });
    const later = scenario()
      .answer('GS01', { skill: 3 })
      .answer('GS02', { skill: 2 })
      .answer('GS03', { skill: 3 })
      .answer('GS04', { skill: 4 })
      .answer('GS05', { skill: 'dont-know' });
    // Σ change = +1 over 3 paired items: 100 × 1 / 12 = 8.33 → 8 points.
    expect(progress(first, later).sections.skill).toEqual({
      gain: 8,
      paired: 3,
      total: 48,
      improved: 1,
      unchanged: 1,
      declined: 1,
    });
  });

  it('has no gain, not zero, when nothing is paired', () => {
    const first = scenario().answer('GS01', { skill: 1 });
    const later = scenario().answer('GS02', { skill: 3 });
    expect(progress(first, later).sections.skill).toMatchObject({ gain: null, paired: 0 });
  });

  it('shows a decline plainly, as a negative gain with each item that went down', () => {
    const first = scenario().basics('B1', 4).basics('B2', 3);
    const later = scenario().basics('B1', 2).basics('B2', 3);
    const result = progress(first, later);
    // Σ change = −2 over 2 paired: 100 × −2 / 8 = −25 points.
    expect(result.sections.basics).toMatchObject({ gain: -25, declined: 1, unchanged: 1 });
    expect(result.changes).toEqual([
      { facet: 'basics', itemId: 'B1', before: 4, after: 2, change: -2 },
      { facet: 'basics', itemId: 'B2', before: 3, after: 3, change: 0 },
    ]);
  });

  it('counts skills now done independently: from 2 or less to 3 or more, and no others', () => {
    const first = scenario()
      .answer('TR05', { skill: 2 }) // 2 → 3: now independent
      .answer('TR06', { skill: 0 }) // 0 → 4: now independent
      .answer('TR07', { skill: 1 }) // 1 → 2: better, not independent
      .answer('TR08', { skill: 3 }); // 3 → 4: already independent
    const later = scenario()
      .answer('TR05', { skill: 3 })
      .answer('TR06', { skill: 4 })
      .answer('TR07', { skill: 2 })
      .answer('TR08', { skill: 4 });
    expect(progress(first, later).nowIndependent).toEqual(['TR05', 'TR06']);
  });

  it('counts a priority met when it was High and is lower now, never when unknown now', () => {
    const first = scenario()
      .answer('TR05', { skill: 1, interest: 4 }) // 3 × 4 = 12 High
      .answer('TR06', { skill: 0, interest: 3 }) // 4 × 3 = 12 High
      .answer('TR07', { skill: 1, interest: 3 }) // 3 × 3 = 9 High
      .answer('TR08', { skill: 2, interest: 2 }); // 2 × 2 = 4 Medium
    const later = scenario()
      .answer('TR05', { skill: 3, interest: 4 }) // 1 × 4 = 4 Medium: met
      .answer('TR06', { skill: 1, interest: 3 }) // 3 × 3 = 9 still High
      .answer('TR07', { skill: 3 }) // interest not asked: unknown, not met
      .answer('TR08', { skill: 4, interest: 2 }); // was not High
    expect(progress(first, later).prioritiesMet).toEqual(['TR05']);
  });

  it('counts blockers eased: from 1 or less to 3 or more', () => {
    const first = scenario().blocker('K1', 0).blocker('K2', 1).blocker('K3', 1).blocker('K4', 2);
    const later = scenario().blocker('K1', 3).blocker('K2', 2).blocker('K3', 4).blocker('K4', 4);
    expect(progress(first, later).blockersEased).toEqual(['K1', 'K3']);
  });

  it('reports interest apart from skill, and per heading both on their own paired items', () => {
    const first = scenario()
      .answer('CM01', { skill: 1, interest: 4 })
      .answer('CM02', { skill: 2, interest: 1 });
    const later = scenario()
      .answer('CM01', { skill: 2, interest: 2 })
      .answer('CM02', { skill: 2, interest: 'prefer-not-to-say' });
    const result = progress(first, later);
    // Skill: +1 over 2 paired = 12.5 → 13. Interest: −2 over 1 paired = −50.
    expect(result.sections.skill).toMatchObject({ gain: 13, paired: 2 });
    expect(result.sections.interest).toMatchObject({ gain: -50, paired: 1 });
    const communicating = result.headings.find((h) => h.headingId === 'communicating');
    expect(communicating?.skill).toMatchObject({ gain: 13, paired: 2, total: 7 });
    expect(communicating?.interest).toMatchObject({ gain: -50, paired: 1, total: 7 });
    expect(result.headings.find((h) => h.headingId === 'advanced')?.skill.gain).toBeNull();
  });

  it('rounds a loss the same size as an equal gain', () => {
    const first = scenario().answer('PS01', { skill: 3 }).answer('PS02', { skill: 2 });
    const later = scenario().answer('PS01', { skill: 2 }).answer('PS02', { skill: 2 });
    // −1 over 2 paired: −12.5 → −13, as +12.5 → 13.
    expect(progress(first, later).sections.skill.gain).toBe(-13);
  });
});
