import { describe, expect, it } from 'vitest';
import { NEEDS_REVIEW, cy } from '../../src/ui/i18n/cy.ts';
import { en, type Message, type MessageKey } from '../../src/ui/i18n/en.ts';
import { initialLocale, translator } from '../../src/ui/i18n/i18n.ts';
import {
  NEEDS_REVIEW_CY as interviewReview,
  interviewMessages,
} from '../../src/ui/screens/interview.messages.ts';
import { NEEDS_REVIEW_CY as newReview, newMessages } from '../../src/ui/screens/new.messages.ts';
import { NEEDS_REVIEW_CY as planReview, planMessages } from '../../src/ui/screens/plan.messages.ts';
import { NEEDS_REVIEW_CY as syncReview, syncMessages } from '../../src/ui/screens/sync.messages.ts';
import {
  NEEDS_REVIEW_CY as residentReview,
  residentMessages,
} from '../../src/ui/screens/resident.messages.ts';
import {
  NEEDS_REVIEW_CY as progressReview,
  progressMessages,
} from '../../src/ui/screens/progress.messages.ts';
import {
  NEEDS_REVIEW_CY as dashboardReview,
  dashboardMessages,
} from '../../src/ui/screens/dashboard.messages.ts';
import {
  NEEDS_REVIEW_CY as baselinesReview,
  baselinesMessages,
} from '../../src/ui/screens/baselines.messages.ts';
import {
  NEEDS_REVIEW_CY as organisationReview,
  organisationMessages,
} from '../../src/ui/screens/organisation.messages.ts';
import {
  NEEDS_REVIEW_CY as resultsReview,
  resultsMessages,
} from '../../src/ui/screens/results.messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (message: Message) =>
  typeof message === 'string' ? [message] : Object.values(message);
const keys = Object.keys(en) as MessageKey[];

describe.each([
  ['English', 'en', en],
  ['Welsh', 'cy', cy],
] as const)('the %s message catalogue', (_, locale, catalogue) => {
  it('has exactly the keys of the English catalogue', () => {
    expect(Object.keys(catalogue)).toEqual(keys);
  });

  it('has a non-empty text for every key and every plural form', () => {
    for (const key of keys) {
      for (const form of forms(catalogue[key])) expect(form.trim(), key).not.toBe('');
    }
  });

  it('uses the placeholders of the English text, in every plural form', () => {
    for (const key of keys) {
      const expected = placeholders(forms(en[key])[0] ?? '');
      for (const form of forms(catalogue[key])) expect(placeholders(form), key).toEqual(expected);
    }
  });

  it('gives every plural message each form the language has, each with {count}', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const key of keys) {
      const message = catalogue[key];
      if (typeof en[key] === 'string') {
        expect(typeof message, key).toBe('string');
        continue;
      }
      expect(Object.keys(message).sort(), key).toEqual([...categories].sort());
      for (const form of forms(message)) expect(placeholders(form), key).toContain('count');
    }
  });
});

describe.each([
  ['progress', progressMessages, progressReview],
  ['sync', syncMessages, syncReview],
  ['resident mode', residentMessages, residentReview],
  ['plan', planMessages, planReview],
  ['new assessment', newMessages, newReview],
  ['interview', interviewMessages, interviewReview],
  ['results', resultsMessages, resultsReview],
  ['dashboard', dashboardMessages, dashboardReview],
  ['baselines', baselinesMessages, baselinesReview],
  ['organisation settings', organisationMessages, organisationReview],
] as const)("the %s screen's own catalogue", (_, catalogues, review) => {
  const screenKeys = Object.keys(catalogues.en) as (keyof typeof catalogues.en)[];

  it('has the same keys in Welsh, every text non-empty, the same placeholders', () => {
    expect(Object.keys(catalogues.cy)).toEqual(screenKeys);
    for (const key of screenKeys) {
      const expected = placeholders(forms(catalogues.en[key])[0] ?? '');
      for (const form of [...forms(catalogues.en[key]), ...forms(catalogues.cy[key])]) {
        expect(form.trim(), key).not.toBe('');
        expect(placeholders(form), key).toEqual(expected);
      }
    }
  });

  it('gives each plural message every form of each language, and is Welsh in Welsh', () => {
    for (const [locale, catalogue] of [
      ['en', catalogues.en],
      ['cy', catalogues.cy],
    ] as const) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of screenKeys) {
        const message = catalogue[key];
        if (typeof catalogues.en[key] === 'string') continue;
        expect(Object.keys(message).sort(), key).toEqual([...categories].sort());
      }
    }
    const same = screenKeys.filter(
      (k) => JSON.stringify(catalogues.cy[k]) === JSON.stringify(catalogues.en[k]),
    );
    // Only a placeholder, or a name the same in both: nothing left in English.
    const allowed = ['caption', 'plan.caption', 'outcomes.item', 'compare.option', 'percent'];
    expect(same.filter((k) => !allowed.includes(k))).toEqual([]);
    for (const key of review as readonly string[]) expect(screenKeys).toContain(key);
  });
});

describe('the Welsh catalogue', () => {
  it('is Welsh: no message is left in English, apart from names that are the same in both', () => {
    const sameInBoth = new Set<MessageKey>([
      'app.name',
      // Welsh and English write these alike.
      'devices.table.person',
      'gate.pin.label',
      // Only a placeholder: the reason is worded by whoever fills it, in the language shown.
      'sync.last.updateNeeded',
    ]);
    const english = keys.filter(
      (key) => !sameInBoth.has(key) && JSON.stringify(cy[key]) === JSON.stringify(en[key]),
    );
    expect(english).toEqual([]);
  });

  it('marks for review only keys that exist', () => {
    for (const key of NEEDS_REVIEW) expect(keys, key).toContain(key);
    expect(new Set(NEEDS_REVIEW).size).toBe(NEEDS_REVIEW.length);
  });
});

describe('the translator', () => {
  const t = translator('en', en);
  const tCy = translator('cy', cy);

  it('fills placeholders', () => {
    expect(t('results.plan.detail', { priority: 3, heading: 'Communicating' })).toBe(
      'Priority 3 of 16 · Communicating',
    );
  });

  it('chooses the plural form by count', () => {
    expect(t('results.coverage.skills', { answered: 1, count: 1 })).toBe('Based on 1 of 1 skill');
    expect(t('results.coverage.skills', { answered: 21, count: 48 })).toBe(
      'Based on 21 of 48 skills',
    );
  });

  it('chooses the Welsh form for each count the Welsh rules tell apart', () => {
    const message = cy['sync.indicator.unsent'];
    if (typeof message === 'string') throw new Error('expected plural forms');
    const cases = [
      [0, 'zero'],
      [1, 'one'],
      [2, 'two'],
      [3, 'few'],
      [6, 'many'],
      [7, 'other'],
    ] as const;
    for (const [count, form] of cases) {
      expect(tCy('sync.indicator.unsent', { count })).toBe(
        message[form]?.replace('{count}', String(count)),
      );
    }
    expect(new Set(cases.map(([count]) => tCy('sync.indicator.unsent', { count }))).size).toBe(6);
  });

  it('leaves a placeholder visible rather than inventing a value when one is missing', () => {
    expect(t('results.plan.detail', { priority: 3 })).toBe('Priority 3 of 16 · {heading}');
  });
});

describe('the language the app starts in', () => {
  it('is the one chosen on this device before', () => {
    expect(initialLocale('cy', ['en-GB'])).toBe('cy');
    expect(initialLocale('en', ['cy-GB'])).toBe('en');
  });

  it('is Welsh on a device set to Welsh, and English otherwise', () => {
    expect(initialLocale(null, ['cy-GB', 'en-GB'])).toBe('cy');
    expect(initialLocale(null, ['en-GB', 'cy'])).toBe('en');
    expect(initialLocale(null, ['pl-PL', 'CY'])).toBe('cy');
    expect(initialLocale(null, ['pl-PL'])).toBe('en');
    expect(initialLocale('fr', [])).toBe('en');
  });
});
