// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { signpostsFor, SIGNPOSTS, type Flag } from '../../src/domain/index.ts';
import { scenario } from './builders.ts';

const gap = (itemId: string, score: 0 | 1 = 0): Flag => ({ kind: 'access-gap', itemId, score });
const barrier = (itemId: string, score: 0 | 1 = 0): Flag => ({
  kind: 'significant-barrier',
  itemId,
  score,
});

describe('signposting', () => {
  it('suggests nothing when nothing is flagged', () => {
    expect(signpostsFor([])).toEqual([]);
    expect(signpostsFor(scenario().basics('B1', 4).blocker('K1', 2).scores().flags)).toEqual([]);
  });

  it.each<[string, Flag, string[]]>([
    ['B1', gap('B1'), ['device']],
    ['B2', gap('B2'), ['data-cost', 'connectivity']],
    ['B3', gap('B3'), ['place']],
    ['K1', barrier('K1'), ['device', 'data-cost']],
    ['K2', barrier('K2'), ['connectivity']],
    ['K3', barrier('K3'), ['skills']],
    ['K4', barrier('K4'), ['motivation']],
    ['K5', barrier('K5'), ['access-needs']],
  ])('maps a flag on %s to its own suggestions', (_id, flag, expected) => {
    expect(signpostsFor([flag])).toEqual(expected);
  });

  it('suggests each kind of help once, however many flags lead to it', () => {
    expect(signpostsFor([gap('B1'), barrier('K1', 1), gap('B1', 1), gap('B2')])).toEqual([
      'device',
      'data-cost',
      'connectivity',
    ]);
  });

  it('lists suggestions in a fixed order, whatever the order of the flags', () => {
    const all = [
      gap('B1'),
      gap('B2'),
      gap('B3'),
      ...['K1', 'K2', 'K3', 'K4', 'K5'].map((k) => barrier(k)),
    ];
    expect(signpostsFor([...all].reverse())).toEqual([...SIGNPOSTS]);
    expect(signpostsFor(all)).toEqual([...SIGNPOSTS]);
  });

  it('follows from the flags that scoring raises', () => {
    const s = scenario().basics('B1', 0).basics('B2', 2).blocker('K3', 1).blocker('K4', 2);
    expect(signpostsFor(s.scores().flags)).toEqual(['device', 'skills']);
  });

  it('ignores flags on items it has no suggestion for', () => {
    expect(signpostsFor([gap('B9')])).toEqual([]);
  });
});
