/**
 * The catalogue of messages about keeping records on this device (storage notices and the
 * sync screen's storage section), checked as the screens' own catalogues are.
 */
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/ui/i18n/en.ts';
import {
  NEEDS_REVIEW_CY,
  storageMessages,
  type StorageKey,
} from '../../src/ui/components/storage.messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (message: Message) =>
  typeof message === 'string' ? [message] : Object.values(message);
const keys = Object.keys(storageMessages.en) as StorageKey[];

describe('the storage messages', () => {
  it('have the same keys in Welsh, every text non-empty, the same placeholders', () => {
    expect(Object.keys(storageMessages.cy)).toEqual(keys);
    for (const key of keys) {
      const expected = placeholders(forms(storageMessages.en[key])[0] ?? '');
      for (const form of [...forms(storageMessages.en[key]), ...forms(storageMessages.cy[key])]) {
        expect(form.trim(), key).not.toBe('');
        expect(placeholders(form), key).toEqual(expected);
      }
    }
  });

  it('give each plural message every form of each language, and are Welsh in Welsh', () => {
    for (const locale of ['en', 'cy'] as const) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of keys) {
        if (typeof storageMessages.en[key] === 'string') continue;
        expect(Object.keys(storageMessages[locale][key]).sort(), key).toEqual(
          [...categories].sort(),
        );
      }
    }
    const same = keys.filter(
      (k) => JSON.stringify(storageMessages.cy[k]) === JSON.stringify(storageMessages.en[k]),
    );
    expect(same).toEqual([]);
    for (const key of NEEDS_REVIEW_CY) expect(keys).toContain(key);
  });
});
