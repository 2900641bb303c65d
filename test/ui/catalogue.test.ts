import { describe, expect, it } from 'vitest';
import { en } from '../../src/ui/i18n/en.ts';
import { translator } from '../../src/ui/i18n/i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the English message catalogue', () => {
  it('has a non-empty text for every key and every plural form', () => {
    for (const [key, message] of Object.entries(en)) {
      const forms = typeof message === 'string' ? [message] : Object.values(message);
      for (const form of forms) expect(form.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in every plural form, and {count} in each', () => {
    for (const [key, message] of Object.entries(en)) {
      if (typeof message === 'string') continue;
      const expected = placeholders(message.other);
      expect(expected, key).toContain('count');
      for (const form of Object.values(message)) expect(placeholders(form), key).toEqual(expected);
    }
  });
});

describe('the translator', () => {
  const t = translator('en');

  it('fills placeholders', () => {
    expect(t('interview.progress', { step: 3, count: 10 })).toBe('Step 3 of 10');
  });

  it('chooses the plural form by count', () => {
    expect(t('results.coverage.skills', { answered: 1, count: 1 })).toBe('Based on 1 of 1 skill');
    expect(t('results.coverage.skills', { answered: 21, count: 48 })).toBe(
      'Based on 21 of 48 skills',
    );
  });

  it('leaves a placeholder visible rather than inventing a value when one is missing', () => {
    expect(t('interview.progress', { step: 3 })).toBe('Step 3 of {count}');
  });
});
