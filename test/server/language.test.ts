// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { chooseLanguage, parseAcceptLanguage } from '../../src/server/language.ts';

describe('reading Accept-Language', () => {
  it('reads ranges in order with their weights, q=1 when none is given', () => {
    expect(parseAcceptLanguage('cy-GB, cy;q=0.9, en-GB;q=0.8, *;q=0.1')).toEqual([
      { language: 'cy', q: 1 },
      { language: 'cy', q: 0.9 },
      { language: 'en', q: 0.8 },
      { language: '*', q: 0.1 },
    ]);
  });

  it('ignores case and spaces, and parameters other than q', () => {
    expect(parseAcceptLanguage(' CY-gb ;  Q = 0.5 ; x=1 ')).toEqual([{ language: 'cy', q: 0.5 }]);
  });

  it.each([
    ['a weight above 1', 'cy;q=2'],
    ['a weight with four decimals', 'cy;q=0.1234'],
    ['a weight that is not a number', 'cy;q=high'],
    ['an empty weight', 'cy;q='],
    ['a tag that is not a language range', 'c y'],
    ['a subtag too long', 'cy-abcdefghi'],
    ['nothing at all', ''],
  ])('skips %s', (_, header) => {
    expect(parseAcceptLanguage(header)).toEqual([]);
  });
});

describe('choosing the language of the messages', () => {
  it.each([
    ['cy', 'cy'],
    ['cy-GB', 'cy'],
    ['CY-gb', 'cy'],
    ['cy-GB,cy;q=0.9,en-GB;q=0.8,en;q=0.7', 'cy'],
    ['en;q=0.5, cy;q=0.6', 'cy'],
    ['cy, en', 'cy'],
    ['cy;q=0.8, en;q=0.8', 'cy'],
    ['cy, *', 'cy'],
    ['*;q=0.5, cy;q=0.9', 'cy'],
    // English said not to be acceptable: Welsh from `*`.
    ['en;q=0, *', 'cy'],
    // Welsh is what the reader can use of the two, though they would rather have French.
    ['fr, cy;q=0.5', 'cy'],
  ])('gives Welsh for %j', (header, language) => {
    expect(chooseLanguage(header)).toBe(language);
  });

  it.each([
    [undefined],
    [''],
    ['en'],
    ['en-GB,en;q=0.9'],
    ['en, cy'],
    ['en;q=0.8, cy;q=0.8'],
    ['en-GB, cy;q=0.9'],
    ['cy;q=0.5, en'],
    ['cy;q=0.5, *'],
    ['*'],
    ['*, cy'],
    ['fr'],
    ['fr, de;q=0.5'],
    ['cy;q=0'],
    ['cy;q=0, *'],
    ['cy;q=0.000, en;q=0'],
    ['cy;q=7'],
    ['cym'],
    ['garbage;;;,,,'],
  ])('gives English for %j', (header) => {
    expect(chooseLanguage(header)).toBe('en');
  });

  it('weighs a language by its own ranges before `*`', () => {
    expect(chooseLanguage('*;q=0.9, cy;q=0.1')).toBe('en');
    expect(chooseLanguage('*;q=0.1, en;q=0.05')).toBe('cy');
  });
});
