// Resident mode's own catalogue, checked as the other screens' catalogues are.
import { describe, expect, it } from 'vitest';
import type { Message } from '../../src/ui/i18n/en.ts';
import {
  NEEDS_REVIEW_CY,
  residentMessages,
  type ResidentKey,
} from '../../src/ui/screens/resident.messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const forms = (message: Message) =>
  typeof message === 'string' ? [message] : Object.values(message);
const keys = Object.keys(residentMessages.en) as ResidentKey[];

describe("resident mode's catalogue", () => {
  it('has the same keys in Welsh, every text non-empty, the same placeholders', () => {
    expect(Object.keys(residentMessages.cy)).toEqual(keys);
    for (const key of keys) {
      const expected = placeholders(forms(residentMessages.en[key])[0] ?? '');
      for (const form of [...forms(residentMessages.en[key]), ...forms(residentMessages.cy[key])]) {
        expect(form.trim(), key).not.toBe('');
        expect(placeholders(form), key).toEqual(expected);
      }
    }
  });

  it('gives each plural message every form of each language, and is Welsh in Welsh', () => {
    for (const locale of ['en', 'cy'] as const) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      for (const key of keys) {
        const message = residentMessages[locale][key];
        if (typeof residentMessages.en[key] === 'string') {
          expect(typeof message, key).toBe('string');
          continue;
        }
        expect(Object.keys(message).sort(), key).toEqual([...categories].sort());
      }
    }
    const same = keys.filter(
      (k) => JSON.stringify(residentMessages.cy[k]) === JSON.stringify(residentMessages.en[k]),
    );
    expect(same).toEqual([]);
    for (const key of NEEDS_REVIEW_CY) expect(keys).toContain(key);
  });
});
